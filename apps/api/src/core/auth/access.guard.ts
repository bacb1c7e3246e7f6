import { type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { WsException } from '@nestjs/websockets';
import type { Request, Response } from 'express';
import { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from '../errors/api.exception.js';
import { ACCESS_POLICY, type AccessPolicy } from './access.decorator.js';
import type { AuthUser } from './auth-user.js';
import { invalidToken } from './jwt.strategy.js';
import { ALLOW_WHILE_SUSPENDED, assertNotSuspended } from './suspension.js';
import { ALLOW_UNVERIFIED, assertVerifiedUnlessAllowed } from './unverified.js';

/**
 * Deny by default, then authenticate through Passport's JWT strategy, then check roles, then
 * refuse an unconfirmed account everything but its own account (`@AllowUnverified()`), then
 * refuse writes of a globally suspended account (except routes marked `@AllowWhileSuspended()`).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (context.getType() === 'ws') {
      // Socket events: the handshake already authenticated (or not) the connection; the same
      // declarations say who may send each event.
      const client = context.switchToWs().getClient<{ data?: { user?: AuthUser } }>();
      if (policy?.kind === 'public') return true;
      const user = client.data?.user;
      if (policy?.kind === 'authenticated' && user) return true;
      if (policy?.kind === 'roles' && user && policy.roles.some((role) => user.roles.includes(role))) return true;
      throw new WsException(policy ? 'FORBIDDEN' : 'NOT_AVAILABLE');
    }
    if (!policy) {
      // Undeclared: refuse. (The route-walk test fails the build before this can ship.)
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, 'This route is not available');
    }
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    // Only a Bearer token is ours to check; another scheme (the metrics scrape's Basic) is not a session.
    const hasCredentials = /^bearer\s/i.test(request.headers.authorization ?? '') || request.headers.authorization === '';
    if (!hasCredentials) {
      if (policy.kind === 'public') return true;
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.AUTHENTICATION_REQUIRED, 'Sign in to do this');
    }
    await super.canActivate(context);
    // What a session may see is nobody else's: no cache, shared or private, keeps it (a handler may not loosen this).
    if (policy.kind !== 'public') context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'no-store');
    const user = request.user as AuthUser;
    if (policy.kind === 'roles' && !policy.roles.some((role) => user.roles.includes(role))) {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, 'You do not have permission to do this');
    }
    if (policy.kind !== 'public') {
      const allowedUnverified =
        this.reflector.getAllAndOverride<boolean | undefined>(ALLOW_UNVERIFIED, [context.getHandler(), context.getClass()]) === true;
      assertVerifiedUnlessAllowed(user, allowedUnverified);
    }
    const allowedWhileSuspended =
      this.reflector.getAllAndOverride<boolean | undefined>(ALLOW_WHILE_SUSPENDED, [context.getHandler(), context.getClass()]) === true;
    assertNotSuspended(user, request.method, allowedWhileSuspended);
    return true;
  }

  override handleRequest<TUser = AuthUser>(error: unknown, user: TUser | false): TUser {
    // Token problems arrive as `info` with no user; `error` is something validate() threw (e.g. database down).
    if (error) throw error;
    if (!user) throw invalidToken();
    return user;
  }
}
