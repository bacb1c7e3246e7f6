import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../core/auth/jwt.strategy.js';
import { AppSecrets } from '../../core/security/app-secrets.js';

export const REFRESH_COOKIE = '__Host-cv_refresh';

/**
 * Token formats. A refresh token is `<row id>.<HMAC(row id)>`: the server can recompute the
 * successor of a just-rotated token for a legitimate retry, yet stores only SHA-256 hashes.
 */
@Injectable()
export class SessionTokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly secrets: AppSecrets,
    private readonly config: AppConfig,
  ) {}

  signAccessToken(userId: string, sessionId: string): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const accessToken = this.jwt.sign(
      { typ: 'access', sid: sessionId },
      {
        secret: this.secrets.accessTokenKey,
        algorithm: 'HS256',
        expiresIn,
        audience: TOKEN_AUDIENCE,
        issuer: TOKEN_ISSUER,
        subject: userId,
        jwtid: randomBytes(12).toString('base64url'),
      },
    );
    return { accessToken, expiresIn };
  }

  refreshTokenFor(id: string): string {
    return `${id}.${createHmac('sha256', this.secrets.refreshTokenKey).update(id).digest('base64url')}`;
  }

  /** The row id inside a well-formed, authentic refresh token; undefined otherwise. */
  parseRefreshToken(token: unknown): string | undefined {
    if (typeof token !== 'string' || token.length > 200) return undefined;
    const [id, mac] = token.split('.');
    if (!id || !mac || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
    const expected = Buffer.from(this.refreshTokenFor(id).split('.')[1] ?? '');
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
  }

  /** A random single-use token for mail links, and the hash we keep of it. */
  newMailToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashToken(token) };
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
