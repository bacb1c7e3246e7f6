import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Patch, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCode } from '@compact-voices/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { AllowWhileSuspended } from '../../core/auth/suspension.js';
import { AllowUnverified } from '../../core/auth/unverified.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { ChangePasswordDto, DeleteMeDto, MeDto, SessionListDto, UpdateMeDto } from './dto/me.dto.js';
import { MeService } from './me.service.js';
import { clearRefreshCookie } from './refresh-cookie.js';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Authenticated()
  @AllowUnverified()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My profile, roles, memberships and privacy mode' })
  @ApiOkResponse({ type: MeDto })
  get(@CurrentUser() user: AuthUser) {
    return this.me.get(user);
  }

  @Patch()
  @Authenticated()
  @AllowUnverified()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Update my profile, privacy mode or acting organisation' })
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, DISPLAY_NAME_RESERVED, COUNTRY_NOT_FOUND or NOT_A_MEMBER' })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto) {
    return this.me.update(user, dto);
  }

  @Post('password')
  @Authenticated()
  @AllowUnverified()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change my password; ends my other sessions' })
  @ApiNoContentResponse()
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto) {
    return this.me.changePassword(user, dto);
  }

  @Get('sessions')
  @Authenticated()
  @AllowUnverified()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My signed-in devices' })
  @ApiOkResponse({ type: SessionListDto })
  sessions(@CurrentUser() user: AuthUser) {
    return this.me.sessions(user);
  }

  @Delete('sessions/:id')
  @Authenticated()
  @AllowUnverified()
  @AllowWhileSuspended()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign one of my devices out' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'SESSION_NOT_FOUND' })
  revokeSession(@CurrentUser() user: AuthUser, @UuidParam('id', ErrorCode.SESSION_NOT_FOUND) id: string) {
    return this.me.revokeSession(user, id);
  }

  @Get('export')
  @Authenticated()
  @AllowUnverified()
  @AllowWhileSuspended()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Disposition', 'attachment; filename="compact-voices-my-data.json"')
  @ApiOperation({ summary: 'Everything stored about me, as JSON' })
  export(@CurrentUser() user: AuthUser) {
    return this.me.export(user);
  }

  @Delete()
  @Authenticated()
  @AllowUnverified()
  @AllowWhileSuspended()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Erase my account (contributions stay as "former participant" unless removal is asked for)' })
  @ApiNoContentResponse()
  async erase(@CurrentUser() user: AuthUser, @Body() dto: DeleteMeDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.me.erase(user, dto);
    clearRefreshCookie(response);
  }
}
