import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '../../config/app-config.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { SessionTokensService, hashToken } from './session-tokens.service.js';

describe('SessionTokensService', () => {
  const secrets = new AppSecrets('unit-test-secret-0123456789abcdefghij');
  const tokens = new SessionTokensService(new JwtService({}), secrets, loadConfig({ APP_SECRET: 'unit-test-secret-0123456789abcdefghij' }));
  const id = '3b241101-e2bb-4255-8caf-4136c566a962';

  it('round-trips a refresh token to its row id', () => {
    expect(tokens.parseRefreshToken(tokens.refreshTokenFor(id))).toBe(id);
  });

  it.each([
    ['tampered mac', () => `${id}.${'A'.repeat(43)}`],
    ['other id, same mac', () => `3b241101-e2bb-4255-8caf-4136c566a963.${tokens.refreshTokenFor(id).split('.')[1]}`],
    [
      'other secret',
      () =>
        new SessionTokensService(
          new JwtService({}),
          new AppSecrets('another-secret-0123456789abcdefghijkl'),
          loadConfig({}),
        ).refreshTokenFor(id),
    ],
    ['no dot', () => id],
    ['not a string', () => 42],
    ['huge', () => `${id}.${'A'.repeat(500)}`],
  ])('refuses a %s', (_name, make) => {
    expect(tokens.parseRefreshToken(make())).toBeUndefined();
  });

  it('makes unguessable mail tokens and stores only their hash', () => {
    const a = tokens.newMailToken();
    const b = tokens.newMailToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });

  it('signs short-lived access tokens with type, audience, issuer and session', () => {
    const { accessToken, expiresIn } = tokens.signAccessToken('user-1', 'session-1');
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const header = JSON.parse(Buffer.from(accessToken.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
    expect(header.alg).toBe('HS256');
    expect(payload).toMatchObject({ typ: 'access', sid: 'session-1', sub: 'user-1', aud: 'compact-voices', iss: 'compact-voices' });
    expect(expiresIn).toBeLessThanOrEqual(900);
    expect((payload.exp as number) - (payload.iat as number)).toBe(expiresIn);
  });
});

describe('AppSecrets.hashClientAddress', () => {
  const secrets = new AppSecrets('unit-test-secret-0123456789abcdefghij');
  const day = new Date('2026-11-26T10:00:00Z');

  it('is stable within a day, differs across days and addresses, and never contains the address', () => {
    const hash = secrets.hashClientAddress('203.0.113.7', day);
    expect(secrets.hashClientAddress('203.0.113.7', new Date('2026-11-26T23:59:59Z'))).toBe(hash);
    expect(secrets.hashClientAddress('203.0.113.7', new Date('2026-11-27T00:00:00Z'))).not.toBe(hash);
    expect(secrets.hashClientAddress('203.0.113.8', day)).not.toBe(hash);
    expect(hash).not.toContain('203');
  });
});
