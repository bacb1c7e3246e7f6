import { Body, Controller, Get, Header, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@compact-voices/contracts';
import { Roles } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { AdminUserDto, AdminUserListDto, ListUsersQueryDto, UpdateRolesDto } from './dto/users.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Accounts, with email addresses (admin)' })
  @ApiOkResponse({ type: AdminUserListDto })
  list(@Query() query: ListUsersQueryDto) {
    return this.users.list(query.q);
  }

  @Patch(':id/roles')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Set the roles of an account (admin; audit-logged)' })
  @ApiOkResponse({ type: AdminUserDto })
  updateRoles(@CurrentUser() admin: AuthUser, @UuidParam('id', ErrorCode.USER_NOT_FOUND) id: string, @Body() dto: UpdateRolesDto) {
    return this.users.updateRoles(admin, id, dto.roles);
  }

  @Post(':id/sessions/revoke')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign an account out everywhere (admin; audit-logged)' })
  @ApiNoContentResponse()
  revokeSessions(@CurrentUser() admin: AuthUser, @UuidParam('id', ErrorCode.USER_NOT_FOUND) id: string) {
    return this.users.revokeSessions(admin, id);
  }
}
