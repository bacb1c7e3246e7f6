import { HttpStatus, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { DataSource } from 'typeorm';
import { ErrorCode, type Role } from '@compact-voices/contracts';
import { ApiException } from '../errors/api.exception.js';
import { AppSecrets } from '../security/app-secrets.js';
import type { AuthUser } from './auth-user.js';

export const TOKEN_AUDIENCE = 'compact-voices';
export const TOKEN_ISSUER = 'compact-voices';

interface AccessTokenPayload {
  sub?: unknown;
  sid?: unknown;
  typ?: unknown;
}

/**
 * Bearer access tokens: HS256 only (no `none`, no key from the token's header), audience, issuer
 * and type checked, 30 s clock tolerance. The session is looked up on every request, so sign-out,
 * password change and suspension end access at once rather than when the token expires.
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
    if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
      throw invalidToken();
    }
    const rows: Array<{ id: string; roles: Role[]; emailVerified: boolean }> = await this.dataSource.query(
      `SELECT u.id, u.roles, u.email_verified_at IS NOT NULL AS "emailVerified"
       FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
      [payload.sid, payload.sub],
    );
    const user = rows[0];
    if (!user) throw invalidToken();
    return { id: user.id, sessionId: payload.sid, roles: user.roles, emailVerified: user.emailVerified };
  }
}

export function invalidToken(): ApiException {
  return new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.INVALID_TOKEN, 'The access token is missing, invalid or expired');
}
