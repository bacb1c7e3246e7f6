import { HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
// SESSION_HINT_COOKIE: a readable, secret-free hint that a session cookie exists, so the web app
// only tries a silent refresh when there is something to refresh.
import { CSRF_HEADER, CSRF_HEADER_VALUE, ErrorCode, SESSION_HINT_COOKIE } from '@compact-voices/contracts';
import { ApiException } from '../../core/errors/api.exception.js';
import { REFRESH_COOKIE } from './session-tokens.service.js';

/** `__Host-`: Secure, Path=/, no Domain — the browser refuses it from any other origin or over plain HTTP (localhost aside). */
export function setRefreshCookie(response: Response, token: string, ttlDays: number): void {
  const maxAge = ttlDays * 24 * 60 * 60 * 1000;
  response.cookie(REFRESH_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge });
  response.cookie(SESSION_HINT_COOKIE, '1', { httpOnly: false, secure: true, sameSite: 'strict', path: '/', maxAge });
}

export function clearRefreshCookie(response: Response): void {
  response.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
  response.clearCookie(SESSION_HINT_COOKIE, { httpOnly: false, secure: true, sameSite: 'strict', path: '/' });
}

export function refreshCookie(request: Request): unknown {
  return (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
}

/**
 * Cookie-authenticated endpoints need proof the call comes from our own page: a custom header
 * (which a cross-site form or a simple request cannot send) and, when the browser sends Origin,
 * an origin we serve.
 */
export function assertSameSite(request: Request, allowedOrigins: string[]): void {
  const header = request.headers[CSRF_HEADER];
  const origin = request.headers.origin;
  const host = request.headers.host;
  const originAllowed =
    origin === undefined ||
    allowedOrigins.includes(origin) ||
    (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
  if (header !== CSRF_HEADER_VALUE || !originAllowed) {
    throw new ApiException(
      HttpStatus.FORBIDDEN,
      ErrorCode.CSRF_CHECK_FAILED,
      `Send the ${CSRF_HEADER} header from the Compact Voices web app`,
    );
  }
}
