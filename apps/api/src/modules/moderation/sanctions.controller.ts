import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@compact-voices/contracts';
import { Authenticated, Roles } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { SanctionDto, SanctionListDto, SanctionRequestDto } from './dto/moderation.dto.js';
import { SanctionsService } from './sanctions.service.js';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation/sanctions')
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsService) {}

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Suspend an account until a date, under a rule, with a reason (its sessions and sockets end at once)' })
  @ApiCreatedResponse({ type: SanctionDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: SanctionRequestDto) {
    return this.sanctions.create(user, dto);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every sanction, newest first (admin)' })
  @ApiOkResponse({ type: SanctionListDto })
  list() {
    return this.sanctions.list();
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Lift a sanction (admin; the record stays)' })
  @ApiNoContentResponse()
  lift(@CurrentUser() user: AuthUser, @UuidParam('id', ErrorCode.SANCTION_NOT_FOUND) id: string) {
    return this.sanctions.lift(user, id);
  }
}
