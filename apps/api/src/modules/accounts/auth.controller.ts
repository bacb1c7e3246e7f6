import { Body, Controller, Header, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CSRF_HEADER, CSRF_HEADER_VALUE, type AuthResponse } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { Public } from '../../core/auth/access.decorator.js';
import { AllowWhileSuspended } from '../../core/auth/suspension.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { AccountsService, type IssuedSession } from './accounts.service.js';
import { EmailDto, PasswordResetConfirmDto, SignInDto, SignUpDto, TokenDto } from './dto/auth.dto.js';
import { AcceptedResponseDto, AuthResponseDto } from './dto/me.dto.js';
import { knownDeviceId, rememberDevice } from './known-device.js';
import { ClientContext, type RequestContext } from '../../core/http/client-context.js';
import { assertSameSite, clearRefreshCookie, refreshCookie, setRefreshCookie } from './refresh-cookie.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly config: AppConfig,
    private readonly secrets: AppSecrets,
  ) {}

  @Post('sign-up')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Create an account (one per mailbox); answers the same whether or not the mailbox is registered' })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'VALIDATION_FAILED, WEAK_PASSWORD or DISPLAY_NAME_RESERVED' })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'TOO_MANY_REQUESTS, with Retry-After: per client address, per address an hour, per mailbox a day',
  })
  signUp(@Body() dto: SignUpDto, @ClientContext() context: RequestContext) {
    return this.accounts.signUp(dto, context);
  }

  @Post('verify-email')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm an email address with the token from the mail' })
  @ApiOkResponse({ type: AcceptedResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'INVALID_TOKEN' })
  verifyEmail(@Body() dto: TokenDto, @ClientContext() context: RequestContext) {
    return this.accounts.verifyEmail(dto.token, context);
  }

  @Post('resend-verification')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send the verification mail again (same answer for any address)' })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  resendVerification(@Body() dto: EmailDto, @ClientContext() context: RequestContext) {
    return this.accounts.resendVerification(dto.email, context);
  }

  @Post('sign-in')
  @Public()
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Sign in; sets the refresh cookie' })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'INVALID_CREDENTIALS, the same for an unknown address and a wrong password' })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto })
  async signIn(
    @Body() dto: SignInDto,
    @ClientContext() context: RequestContext,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthResponse> {
    const session = await this.accounts.signIn(dto.email, dto.password, context, (userId) =>
      knownDeviceId(request, this.secrets.deviceKey, userId),
    );
    rememberDevice(request, response, this.secrets.deviceKey, session.user.id);
    return this.withCookie(response, session);
  }

  @Post('refresh')
  @Public()
  @AllowWhileSuspended()
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiHeader({ name: CSRF_HEADER, required: true, schema: { enum: [CSRF_HEADER_VALUE] } })
  @ApiOperation({ summary: 'Rotate the refresh cookie and get a new access token; reusing a rotated token ends the session' })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'INVALID_TOKEN' })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthResponse> {
    assertSameSite(request, this.allowedOrigins());
    try {
      return this.withCookie(response, await this.accounts.refresh(refreshCookie(request)));
    } catch (error) {
      clearRefreshCookie(response);
      throw error;
    }
  }

  @Post('sign-out')
  @Public()
  @AllowWhileSuspended()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiHeader({ name: CSRF_HEADER, required: true, schema: { enum: [CSRF_HEADER_VALUE] } })
  @ApiOperation({ summary: 'End this session (refresh cookie or bearer token)' })
  @ApiNoContentResponse()
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response, @CurrentUser() user?: AuthUser): Promise<void> {
    assertSameSite(request, this.allowedOrigins());
    await this.accounts.signOut(refreshCookie(request), user?.sessionId);
    clearRefreshCookie(response);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Mail a password-reset link (same answer for any address)' })
  @ApiAcceptedResponse({ type: AcceptedResponseDto })
  requestPasswordReset(@Body() dto: EmailDto, @ClientContext() context: RequestContext) {
    return this.accounts.requestPasswordReset(dto.email, context);
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Set a new password with the token from the mail; ends every session' })
  @ApiOkResponse({ type: AcceptedResponseDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'INVALID_TOKEN or WEAK_PASSWORD' })
  confirmPasswordReset(@Body() dto: PasswordResetConfirmDto, @ClientContext() context: RequestContext) {
    return this.accounts.confirmPasswordReset(dto.token, dto.password, context);
  }

  private withCookie(response: Response, session: IssuedSession): AuthResponse {
    const { refreshToken, ...body } = session;
    setRefreshCookie(response, refreshToken, this.config.auth.sessionTtlDays);
    return body;
  }

  private allowedOrigins(): string[] {
    return [new URL(this.config.publicUrl).origin, ...this.config.corsOrigins];
  }
}
