import { HttpStatus, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { DataSource } from 'typeorm';
import { ErrorCode, type Role } from '@compact-voices/contracts';
import { ApiException } from '../errors/api.exception.js';
import { AppSecrets } from '../security/app-secrets.js';
import { isoTimestamp } from '../database/sql.js';
import type { AuthUser } from './auth-user.js';

export const TOKEN_AUDIENCE = 'compact-voices';
export const TOKEN_ISSUER = 'compact-voices';

export interface AccessTokenPayload {
  sub?: unknown;
  sid?: unknown;
  typ?: unknown;
}

/**
 * Bearer access tokens: HS256 only (no `none`, no key from the token's header), audience, issuer
 * and type checked, 30 s clock tolerance. The session is looked up on every request, so sign-out,
 * password change and a suspension's revoked sessions end access at once rather than when the
 * token expires. A suspended account may sign in again, read-only: its principal carries
 * `suspendedUntil`, and the AccessGuard refuses its writes.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    secrets: AppSecrets,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secrets.accessTokenKey,
      algorithms: ['HS256'],
      audience: TOKEN_AUDIENCE,
      issuer: TOKEN_ISSUER,
      ignoreExpiration: false,
      jsonWebTokenOptions: { clockTolerance: 30 },
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser> {
    const user = await loadPrincipal(this.dataSource, payload);
    if (!user) throw invalidToken();
    return user;
  }
}

/** The same checks for any transport (HTTP here, the socket handshake in the realtime module). */
export const ACCESS_TOKEN_VERIFY_OPTIONS = {
  algorithms: ['HS256' as const],
  audience: TOKEN_AUDIENCE,
  issuer: TOKEN_ISSUER,
  clockTolerance: 30,
};

/** A verified token's principal, if its session is live and its account active (suspended or not: see `suspendedUntil`). */
export async function loadPrincipal(dataSource: DataSource, payload: AccessTokenPayload): Promise<AuthUser | undefined> {
  if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined;
  const rows: Array<{ id: string; roles: Role[]; emailVerified: boolean; suspendedUntil: string | null }> = await dataSource.query(
    `SELECT u.id, u.roles, u.email_verified_at IS NOT NULL AS "emailVerified",
            CASE WHEN u.suspended_until > now() THEN ${isoTimestamp('u.suspended_until')} END AS "suspendedUntil"
     FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
    [payload.sid, payload.sub],
  );
  const user = rows[0];
  return user
    ? { id: user.id, sessionId: payload.sid, roles: user.roles, emailVerified: user.emailVerified, suspendedUntil: user.suspendedUntil }
    : undefined;
}

export function invalidToken(): ApiException {
  return new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.INVALID_TOKEN, 'The access token is missing, invalid or expired');
}
