import { createHmac, randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { AppSecrets } from '../src/core/security/app-secrets.js';
import { PasswordService } from '../src/modules/accounts/password.service.js';
import { CSRF, REFRESH_COOKIE, mailsTo, nextMailsTo, signIn, signUpAndIn, tokenFromMail, uniqueEmail } from './support/accounts.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

function forgeToken(header: object, payload: object, key: string | Buffer | null): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  const signature = key === null ? '' : createHmac('sha256', key).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('accounts', () => {
  let testApp: TestApp;
  let server: App;

  beforeAll(async () => {
    testApp = await createTestApp();
    server = testApp.app.getHttpServer();
  });

  afterAll(() => testApp.close());

  describe('sign-up and verification', () => {
    it('answers 202 the same for a new and an existing address; mails the owner either way', async () => {
      const email = uniqueEmail('signup');
      const first = await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email, password: 'first passphrase 1', displayName: 'First' })
        .expect(202);
      const second = await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email: email.toUpperCase(), password: 'other passphrase 2', displayName: 'Impostor' })
        .expect(202);
      expect(first.body).toEqual({ status: 'verification-sent' });
      expect(second.body).toEqual(first.body);
      const mails = mailsTo(testApp, email);
      expect(mails.map((mail) => mail.subject)).toEqual([
        'Confirm your email address for Compact Voices',
        'Someone tried to sign up with your email address',
      ]);
      // The impostor's password does not work; the owner's does (after verification or not).
      await request(server).post('/api/v1/auth/sign-in').send({ email, password: 'other passphrase 2' }).expect(401);
      await request(server).post('/api/v1/auth/sign-in').send({ email, password: 'first passphrase 1' }).expect(200);
    });

    it('keeps one account per mailbox: a +tag, or dots at Gmail, make no second account', async () => {
      const tag = randomUUID().slice(0, 8);
      const owner = `amina${tag}@gmail.com`;
      const first = await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email: owner, password: 'the owner passphrase', displayName: 'Owner' })
        .expect(202);
      for (const twin of [`a.mina${tag}+poll@googlemail.com`, `Amina${tag}+2@Gmail.com`, `a.m.i.n.a${tag}@gmail.com`]) {
        const again = await request(server)
          .post('/api/v1/auth/sign-up')
          .send({ email: twin, password: 'a padding passphrase', displayName: 'Padding' })
          .expect(202);
        expect(again.body).toEqual(first.body);
        expect(mailsTo(testApp, twin)).toEqual([]);
      }
      const accounts = await testApp.dataSource.query(`SELECT email_normalized AS email, mailbox FROM app_user WHERE mailbox LIKE $1`, [
        `amina${tag}@%`,
      ]);
      expect(accounts).toEqual([{ email: owner, mailbox: owner }]);
      // The owner is told each time, at the address they registered.
      expect(mailsTo(testApp, owner).map((mail) => mail.subject)).toEqual([
        'Confirm your email address for Compact Voices',
        'Someone tried to sign up with your email address',
        'Someone tried to sign up with your email address',
        'Someone tried to sign up with your email address',
      ]);
      // Sign-in keeps working by the exact address, as before.
      await request(server).post('/api/v1/auth/sign-in').send({ email: owner, password: 'the owner passphrase' }).expect(200);
      await request(server)
        .post('/api/v1/auth/sign-in')
        .send({ email: `a.mina${tag}@gmail.com`, password: 'the owner passphrase' })
        .expect(401);

      // Elsewhere a +tag is dropped but dots count: x.y and xy are two people.
      const dotted = `x.y${tag}@example.org`;
      await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email: dotted, password: 'dotted passphrase 1', displayName: 'Dotted' })
        .expect(202);
      await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email: `x.y${tag}+again@example.org`, password: 'dotted passphrase 2', displayName: 'Again' })
        .expect(202);
      await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email: `xy${tag}@example.org`, password: 'undotted passphrase', displayName: 'Undotted' })
        .expect(202);
      const others = await testApp.dataSource.query(`SELECT mailbox FROM app_user WHERE mailbox LIKE $1 ORDER BY mailbox`, [
        `%${tag}@example.org`,
      ]);
      expect(others).toEqual([{ mailbox: dotted }, { mailbox: `xy${tag}@example.org` }]);
      await expect(
        testApp.dataSource.query(
          `INSERT INTO app_user (email, email_normalized, mailbox, display_name, pseudonym) VALUES ('z@x.test', 'z@x.test', $1, 'Sneaky', $2)`,
          [owner, `Participant ${tag}`],
        ),
      ).rejects.toThrow(/app_user_mailbox_key/);
    });

    it('refuses the names the platform gives as display names, at sign-up and in the profile', async () => {
      for (const displayName of ['Раrticipant 7K2M9QX4ZB', 'participant-7k2m9qx4zb', 'FORMER  PARTICIPANT', 'Protected member 4KX2']) {
        const email = uniqueEmail('reserved');
        const response = await request(server)
          .post('/api/v1/auth/sign-up')
          .send({ email, password: 'a reserved passphrase', displayName })
          .expect(400);
        expect(response.body).toMatchObject({ code: 'DISPLAY_NAME_RESERVED', details: [{ field: 'displayName', reason: 'reserved' }] });
        expect(await testApp.dataSource.query(`SELECT 1 FROM app_user WHERE email_normalized = $1`, [email])).toEqual([]);
      }
      const session = await signUpAndIn(testApp, { displayName: 'Participant from Nepal' });
      expect(session.user.displayName).toBe('Participant from Nepal');
      for (const displayName of [session.user.pseudonym, session.user.pseudonym.toLowerCase().replace(' ', '_'), 'Former participant']) {
        const response = await request(server).patch('/api/v1/me').set(session.auth).send({ displayName }).expect(400);
        expect(response.body).toMatchObject({ code: 'DISPLAY_NAME_RESERVED', details: [{ field: 'displayName', reason: 'reserved' }] });
      }
      await request(server).patch('/api/v1/me').set(session.auth).send({ displayName: 'Participant observer team lead' }).expect(200);
    });

    it('answers reset and resend the same for unknown addresses, and mails only real accounts', async () => {
      const unknown = uniqueEmail('nobody');
      const reset = await request(server).post('/api/v1/auth/password-reset').send({ email: unknown }).expect(202);
      const resend = await request(server).post('/api/v1/auth/resend-verification').send({ email: unknown }).expect(202);
      expect(reset.body).toEqual({ status: 'reset-sent' });
      expect(resend.body).toEqual({ status: 'verification-sent' });
      expect(mailsTo(testApp, unknown)).toEqual([]);
    });

    it('can start in protected mode from sign-up', async () => {
      const email = uniqueEmail('protected');
      await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email, password: 'protected from day one', displayName: 'Hidden', privacyMode: 'protected' })
        .expect(202);
      const session = await signIn(testApp, email, 'protected from day one');
      expect(session.user.privacyMode).toBe('protected');
    });

    it('takes part as a migrant from sign-up when the person says so, as an individual otherwise, never as an organisation type', async () => {
      const email = uniqueEmail('migrant');
      await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email, password: 'speaking for myself', displayName: 'Rina', stakeholderType: 'migrant' })
        .expect(202);
      expect((await signIn(testApp, email, 'speaking for myself')).user.stakeholderType).toBe('migrant');
      expect((await signUpAndIn(testApp)).user.stakeholderType).toBe('individual');
      const organisationType = await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email: uniqueEmail('ngo'), password: 'speaking for an ngo', displayName: 'NGO', stakeholderType: 'civil-society' })
        .expect(400);
      expect(organisationType.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field: 'stakeholderType' })],
      });
    });

    it('verifies an address once through the mailed link, in the person’s language', async () => {
      const email = uniqueEmail('verify');
      await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email, password: 'verify me please', displayName: 'Sari', locale: 'id' })
        .expect(202);
      const [mail] = mailsTo(testApp, email);
      expect(mail!.subject).toBe('Konfirmasi alamat email Anda untuk Compact Voices');
      expect(mail!.text).toContain('http://app.test/verify-email#token=');
      const token = tokenFromMail(mail!.text);
      await request(server).post('/api/v1/auth/verify-email').send({ token }).expect(200, { status: 'accepted' });
      const again = await request(server).post('/api/v1/auth/verify-email').send({ token }).expect(400);
      expect(again.body.code).toBe('INVALID_TOKEN');
      const session = await signIn(testApp, email, 'verify me please');
      expect(session.user).toMatchObject({ email, emailVerified: true, locale: 'id', roles: ['participant'], privacyMode: 'public' });
      expect(session.user.pseudonym).toMatch(/^Participant [0-9A-Z]{6}$/);
    });

    it.each([
      ['short1', 'tooShort'],
      ['password123', 'common'],
      ['iloveyou', 'common'],
      ['x'.repeat(129), 'tooLong'],
    ])('refuses the password %j as WEAK_PASSWORD (%s) and creates nothing', async (password, reason) => {
      const email = uniqueEmail('weak');
      const response = await request(server).post('/api/v1/auth/sign-up').send({ email, password, displayName: 'Weak' }).expect(400);
      expect(response.body).toMatchObject({ code: 'WEAK_PASSWORD', details: [{ field: 'password', reason }] });
      const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM app_user WHERE email_normalized = $1`, [
        email,
      ]);
      expect(count).toBe(0);
    });

    it('accepts long passphrases of any composition, and compares every character (no 72-byte truncation)', async () => {
      const prefix = 'é'.repeat(40); // 80 bytes in UTF-8: past bcrypt's 72-byte limit
      const password = `${prefix}-one`;
      const { email } = await signUpAndIn(testApp, { password });
      await request(server)
        .post('/api/v1/auth/sign-in')
        .send({ email, password: `${prefix}-two` })
        .expect(401);
      await request(server).post('/api/v1/auth/sign-in').send({ email, password }).expect(200);
    });

    it.each([
      ['"roles":["admin"]'],
      ['"status":"erased"'],
      ['"emailVerifiedAt":"2020-01-01"'],
      ['"nationality":"NPL"'],
      ['"__proto__":{"isAdmin":true}'],
      ['"constructor":{"prototype":{"isAdmin":true}}'],
      ['"locale":{"__proto__":{"isAdmin":true}}'],
    ])('refuses the extra field %s with 400 and persists nothing', async (extra) => {
      const email = uniqueEmail('extra');
      const body = `${JSON.stringify({ email, password: 'perfectly fine passphrase', displayName: 'Extra' }).slice(0, -1)},${extra}}`;
      const response = await request(server).post('/api/v1/auth/sign-up').set('Content-Type', 'application/json').send(body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM app_user WHERE email_normalized = $1`, [
        email,
      ]);
      expect(count).toBe(0);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('refuses absurdly deep bodies', async () => {
      const deep = `{"email":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
      const response = await request(server).post('/api/v1/auth/sign-up').set('Content-Type', 'application/json').send(deep).expect(400);
      expect(response.body.details[0].reason).toBe('tooDeep');
    });

    it('refuses arrays and numbers where strings belong', async () => {
      for (const body of [
        { email: [uniqueEmail()], password: 'fine passphrase', displayName: 'A' },
        { email: uniqueEmail(), password: 12345678, displayName: 'A' },
      ]) {
        const response = await request(server).post('/api/v1/auth/sign-up').send(body).expect(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('sign-in', () => {
    it('gives an unknown address and a wrong password the same status, body, headers and timing', async () => {
      const { email } = await signUpAndIn(testApp);
      const unknownEmail = uniqueEmail('ghost');
      const attempt = (address: string) =>
        request(server).post('/api/v1/auth/sign-in').send({ email: address, password: 'not the password' });
      const [unknown, wrong] = [await attempt(unknownEmail), await attempt(email)];
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
      expect(strip(unknown.body)).toEqual(strip(wrong.body));
      expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
      const headerNames = (response: request.Response) =>
        Object.keys(response.headers)
          .filter((name) => !['date', 'x-request-id', 'etag'].includes(name))
          .sort();
      expect(headerNames(unknown)).toEqual(headerNames(wrong));
      expect(unknown.headers['content-length']).toBe(wrong.headers['content-length']);
      expect(JSON.stringify(unknown.body)).not.toMatch(/stack|at \//);

      // Timing, by construction: both paths run exactly one argon2id verification with the same
      // parameters (an unknown address against a dummy hash made at start-up), so neither answers
      // sooner. Comparing wall-clock medians here failed on a busy machine; `npm run bench:auth`
      // measures the timing itself. An unknown address that skipped the hash fails this check.
      const passwords = testApp.app.get(PasswordService);
      const verify = jest.spyOn(passwords, 'verify');
      try {
        expect((await attempt(uniqueEmail('ghost'))).status).toBe(401);
        expect((await attempt(email)).status).toBe(401);
        expect(verify).toHaveBeenCalledTimes(2);
      } finally {
        verify.mockRestore();
      }
      const [{ password_hash: stored }] = await testApp.dataSource.query<Array<{ password_hash: string }>>(
        'SELECT password_hash FROM app_user WHERE email_normalized = lower($1)',
        [email],
      );
      const dummy = (passwords as unknown as { dummyHash: string }).dummyHash;
      const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
      expect(parameters(dummy)).toBe(parameters(stored));
      expect(parameters(stored)).toMatch(/^argon2id\$v=19\$m=\d+,t=\d+,p=\d+$/);
    });

    it('holds back a guessing client after 5 failures a minute, never the owner elsewhere, and a reset lets the owner in', async () => {
      const { email, password } = await signUpAndIn(testApp);
      const attacker = '203.0.113.66';
      for (let i = 0; i < 5; i++) {
        await request(server)
          .post('/api/v1/auth/sign-in')
          .set('X-Forwarded-For', attacker)
          .send({ email, password: `wrong ${i}` })
          .expect(401);
      }
      const locked = await request(server)
        .post('/api/v1/auth/sign-in')
        .set('X-Forwarded-For', attacker)
        .send({ email, password: 'wrong again' })
        .expect(429);
      expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      // The guessing client waits even with the right password; the owner, from anywhere else, does not.
      await request(server).post('/api/v1/auth/sign-in').set('X-Forwarded-For', attacker).send({ email, password }).expect(429);
      await request(server).post('/api/v1/auth/sign-in').set('X-Forwarded-For', '198.51.100.7').send({ email, password }).expect(200);
      expect(testApp.logs()).toContain('"event":"auth.sign_in_failed"');

      // Sharing the attacker's address (a dormitory's Wi-Fi), the owner gets in through the mailed reset link.
      const mailed = mailsTo(testApp, email).length;
      await request(server).post('/api/v1/auth/password-reset').set('X-Forwarded-For', attacker).send({ email }).expect(202);
      const resetMail = (await nextMailsTo(testApp, email, mailed)).find((mail) => mail.subject.startsWith('Reset'));
      await request(server)
        .post('/api/v1/auth/password-reset/confirm')
        .set('X-Forwarded-For', attacker)
        .send({ token: tokenFromMail(resetMail!.text), password: 'a brand new passphrase' })
        .expect(200);
      await request(server)
        .post('/api/v1/auth/sign-in')
        .set('X-Forwarded-For', attacker)
        .send({ email, password: 'a brand new passphrase' })
        .expect(200);
    });

    it("forgets a client's slips once it signs in with the right password", async () => {
      const { email, password } = await signUpAndIn(testApp);
      const address = '203.0.113.78';
      // Six times four slips (24, past the 20-an-hour ceiling), each run ended by the right password.
      for (let run = 0; run < 6; run++) {
        for (let i = 0; i < 4; i++)
          await request(server)
            .post('/api/v1/auth/sign-in')
            .set('X-Forwarded-For', address)
            .send({ email, password: `slip ${i}` })
            .expect(401);
        await request(server).post('/api/v1/auth/sign-in').set('X-Forwarded-For', address).send({ email, password }).expect(200);
      }
    });

    it('lets the owner in from a browser that signed in before, whatever others did from the same address', async () => {
      const { email, password } = await signUpAndIn(testApp);
      const shared = '203.0.113.77';
      const first = await request(server).post('/api/v1/auth/sign-in').set('X-Forwarded-For', shared).send({ email, password }).expect(200);
      const device = (first.headers['set-cookie'] as unknown as string[]).find((cookie) => cookie.startsWith('__Host-cv_device='))!;
      expect(device).toMatch(/HttpOnly/i);
      expect(device).toMatch(/SameSite=Strict/i);
      const deviceCookie = device.split(';')[0]!;
      for (let i = 0; i < 5; i++)
        await request(server)
          .post('/api/v1/auth/sign-in')
          .set('X-Forwarded-For', shared)
          .send({ email, password: `guess ${i}` })
          .expect(401);
      await request(server).post('/api/v1/auth/sign-in').set('X-Forwarded-For', shared).send({ email, password }).expect(429);
      // The known browser, same address: in.
      await request(server)
        .post('/api/v1/auth/sign-in')
        .set('X-Forwarded-For', shared)
        .set('Cookie', deviceCookie)
        .send({ email, password })
        .expect(200);
      // The cookie is no key to another account, and a known browser guessing is held back like any client.
      const other = await signUpAndIn(testApp);
      for (let i = 0; i < 5; i++)
        await request(server)
          .post('/api/v1/auth/sign-in')
          .set('X-Forwarded-For', shared)
          .set('Cookie', deviceCookie)
          .send({ email: other.email, password: `guess ${i}` })
          .expect(401);
      await request(server)
        .post('/api/v1/auth/sign-in')
        .set('X-Forwarded-For', shared)
        .set('Cookie', deviceCookie)
        .send({ email: other.email, password: other.password })
        .expect(429);
      for (let i = 0; i < 5; i++)
        await request(server)
          .post('/api/v1/auth/sign-in')
          .set('Cookie', deviceCookie)
          .send({ email, password: `device guess ${i}` })
          .expect(401);
      await request(server).post('/api/v1/auth/sign-in').set('Cookie', deviceCookie).send({ email, password }).expect(429);
    });

    it('alerts, and does not lock, when one account fails from very many clients', async () => {
      const { email, password } = await signUpAndIn(testApp);
      for (let i = 0; i < 101; i++) {
        await request(server)
          .post('/api/v1/auth/sign-in')
          .set('X-Forwarded-For', `198.18.${Math.floor(i / 250)}.${i % 250}`)
          .send({ email, password: `spray ${i}` })
          .expect(401);
      }
      await request(server).post('/api/v1/auth/sign-in').set('X-Forwarded-For', '192.0.2.200').send({ email, password }).expect(200);
      expect(testApp.logs()).toContain('"event":"auth.account_failure_ceiling"');
      expect(testApp.logs().split('auth.account_failure_ceiling').length - 1).toBe(1);
    });
  });

  describe('tokens and sessions', () => {
    it('rejects forged, tampered, expired and mis-typed access tokens', async () => {
      const session = await signUpAndIn(testApp);
      const good = decodePayload(session.accessToken);
      const key = Buffer.from('integration-test-secret-0123456789abcdef');
      const realKey = new AppSecrets('integration-test-secret-0123456789abcdef').accessTokenKey;
      const now = Math.floor(Date.now() / 1000);
      const variants = {
        none: forgeToken({ alg: 'none', typ: 'JWT' }, good, null),
        unsignedHs: `${session.accessToken.split('.').slice(0, 2).join('.')}.`,
        tampered: `${session.accessToken.split('.')[0]}.${base64url({ ...good, sub: '00000000-0000-4000-8000-000000000000' })}.${session.accessToken.split('.')[2]}`,
        otherKey: forgeToken({ alg: 'HS256', typ: 'JWT' }, good, 'someone elses secret'),
        rawSecretKey: forgeToken({ alg: 'HS256', typ: 'JWT' }, good, key),
        jku: forgeToken({ alg: 'HS256', typ: 'JWT', jku: 'https://evil.example/jwks.json', kid: 'x' }, good, 'attacker key'),
        expired: forgeToken({ alg: 'HS256', typ: 'JWT' }, { ...good, iat: now - 7200, exp: now - 3600 }, 'k'),
        refreshAsAccess: session.refreshToken,
        garbage: 'not.a.token',
        // Signed with the real key, but for another audience, issuer or token type, or not yet valid.
        wrongAudience: forgeToken({ alg: 'HS256', typ: 'JWT' }, { ...good, aud: 'another-app' }, realKey),
        wrongIssuer: forgeToken({ alg: 'HS256', typ: 'JWT' }, { ...good, iss: 'someone-else' }, realKey),
        wrongType: forgeToken({ alg: 'HS256', typ: 'JWT' }, { ...good, typ: 'refresh' }, realKey),
        notYetValid: forgeToken({ alg: 'HS256', typ: 'JWT' }, { ...good, nbf: now + 3600 }, realKey),
      };
      // The control: the same forgery with correct claims is accepted, so the refusals above are about the claims.
      await request(server)
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${forgeToken({ alg: 'HS256', typ: 'JWT' }, good, realKey)}`)
        .expect(200);
      for (const [name, token] of Object.entries(variants)) {
        const response = await request(server).get('/api/v1/me').set('Authorization', `Bearer ${token}`);
        expect({ name, status: response.status, code: response.body.code }).toEqual({ name, status: 401, code: 'INVALID_TOKEN' });
      }
      await request(server).get('/api/v1/me').set(session.auth).expect(200);
      expect(good).toMatchObject({ typ: 'access', aud: 'compact-voices', iss: 'compact-voices', sub: session.user.id });
      expect((good.exp as number) - (good.iat as number)).toBeLessThanOrEqual(900);
    });

    it('rotates the refresh cookie; a legitimate retry gets the same successor; reuse later revokes the whole session', async () => {
      const session = await signUpAndIn(testApp);
      const cookie = (token: string) => `${REFRESH_COOKIE}=${token}`;
      const first = await request(server).post('/api/v1/auth/refresh').set(CSRF).set('Cookie', cookie(session.refreshToken)).expect(200);
      const successor = first.headers['set-cookie']![0]!.split(';')[0]!.split('=')[1]!;
      expect(successor).not.toBe(session.refreshToken);
      expect(first.headers['set-cookie']![0]).toMatch(/^__Host-cv_refresh=.*; Path=\/; .*HttpOnly; Secure; SameSite=Strict/);
      // The readable hint carries nothing secret.
      expect(first.headers['set-cookie']![1]).toMatch(/^cv_has_session=1; /);
      expect(first.headers['set-cookie']![1]).not.toMatch(/HttpOnly/);
      expect(first.body.user.id).toBe(session.user.id);

      // A retry within the grace window (two tabs, a lost response) gets the same successor.
      const retry = await request(server).post('/api/v1/auth/refresh').set(CSRF).set('Cookie', cookie(session.refreshToken)).expect(200);
      expect(retry.headers['set-cookie']![0]!.split(';')[0]!.split('=')[1]).toBe(successor);

      // Later, the old token is theft: the session ends, successor included.
      await testApp.dataSource.query(`UPDATE refresh_token SET rotated_at = now() - interval '1 minute' WHERE rotated_at IS NOT NULL`);
      await request(server).post('/api/v1/auth/refresh').set(CSRF).set('Cookie', cookie(session.refreshToken)).expect(401);
      await request(server)
        .post('/api/v1/auth/refresh')
        .set(CSRF)
        .set('Cookie', cookie(decodeURIComponent(successor)))
        .expect(401);
      await request(server).get('/api/v1/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(401);
      expect(testApp.logs()).toContain('"event":"auth.refresh_token_reused"');
    });

    it('refuses refresh without the anti-CSRF header or from another origin', async () => {
      const session = await signUpAndIn(testApp);
      const cookie = `${REFRESH_COOKIE}=${session.refreshToken}`;
      const bare = await request(server).post('/api/v1/auth/refresh').set('Cookie', cookie).expect(403);
      expect(bare.body.code).toBe('CSRF_CHECK_FAILED');
      await request(server).post('/api/v1/auth/refresh').set(CSRF).set('Origin', 'https://evil.example').set('Cookie', cookie).expect(403);
      await request(server).post('/api/v1/auth/refresh').set(CSRF).set('Origin', 'http://app.test').set('Cookie', cookie).expect(200);
    });

    it('sign-out ends both the refresh token and the access token at once', async () => {
      const session = await signUpAndIn(testApp);
      await request(server).post('/api/v1/auth/sign-out').set(CSRF).set(session.auth).expect(204);
      await request(server).get('/api/v1/me').set(session.auth).expect(401);
      await request(server).post('/api/v1/auth/refresh').set(CSRF).set('Cookie', `${REFRESH_COOKIE}=${session.refreshToken}`).expect(401);
    });

    it('a password change ends the other sessions but keeps this one; an admin can end them all', async () => {
      const phone = await signUpAndIn(testApp);
      const laptop = await signIn(testApp, phone.email, phone.password);
      await request(server)
        .post('/api/v1/me/password')
        .set(laptop.auth)
        .send({ currentPassword: phone.password, newPassword: 'changed passphrase 99' })
        .expect(204);
      await request(server).get('/api/v1/me').set(phone.auth).expect(401);
      await request(server).get('/api/v1/me').set(laptop.auth).expect(200);
      const admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
      await request(server).post(`/api/v1/users/${laptop.user.id}/sessions/revoke`).set(admin.auth).expect(204);
      await request(server).get('/api/v1/me').set(laptop.auth).expect(401);
    });

    it('lists my sessions and revokes one; another person’s session id is not found', async () => {
      const mine = await signUpAndIn(testApp);
      const other = await signUpAndIn(testApp);
      const second = await signIn(testApp, mine.email, mine.password);
      const list = await request(server).get('/api/v1/me/sessions').set(mine.auth).expect(200);
      expect(list.body.items).toHaveLength(2);
      expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
      const [otherSession] = (await request(server).get('/api/v1/me/sessions').set(other.auth).expect(200)).body.items;
      const stolen = await request(server).delete(`/api/v1/me/sessions/${otherSession.id}`).set(mine.auth).expect(404);
      expect(stolen.body.code).toBe('SESSION_NOT_FOUND');
      await request(server).get('/api/v1/me').set(other.auth).expect(200);
      const secondId = decodePayload(second.accessToken).sid as string;
      await request(server).delete(`/api/v1/me/sessions/${secondId}`).set(mine.auth).expect(204);
      await request(server).get('/api/v1/me').set(second.auth).expect(401);
    });
  });

  describe('profile, privacy and personal data', () => {
    it('switches to protected mode and keeps personal stakeholder types to those a person may claim', async () => {
      const session = await signUpAndIn(testApp);
      const updated = await request(server)
        .patch('/api/v1/me')
        .set(session.auth)
        .send({ privacyMode: 'protected', countryIso3: 'NPL', stakeholderType: 'academia' })
        .expect(200);
      expect(updated.body).toMatchObject({ privacyMode: 'protected', countryIso3: 'NPL', stakeholderType: 'academia' });
      for (const type of ['migrant', 'returnee', 'migrant-family'])
        expect(
          (await request(server).patch('/api/v1/me').set(session.auth).send({ stakeholderType: type }).expect(200)).body.stakeholderType,
        ).toBe(type);
      const government = await request(server).patch('/api/v1/me').set(session.auth).send({ stakeholderType: 'government' }).expect(400);
      expect(government.body.code).toBe('VALIDATION_FAILED');
      const unknownCountry = await request(server).patch('/api/v1/me').set(session.auth).send({ countryIso3: 'XXX' }).expect(400);
      expect(unknownCountry.body.code).toBe('COUNTRY_NOT_FOUND');
      const roles = await request(server)
        .patch('/api/v1/me')
        .set(session.auth)
        .send({ roles: ['admin'] })
        .expect(400);
      expect(roles.body.details[0]).toMatchObject({ field: 'roles', reason: 'unknownField' });
      expect((await request(server).get('/api/v1/me').set(session.auth)).body.roles).toEqual(['participant']);
    });

    it('exports everything stored about me, without secrets (PRIV)', async () => {
      const session = await signUpAndIn(testApp);
      const response = await request(server).get('/api/v1/me/export').set(session.auth).expect(200);
      expect(response.headers['content-disposition']).toMatch(/attachment/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body.profile).toMatchObject({ id: session.user.id, email: session.email });
      expect(response.body.sessions.length).toBeGreaterThan(0);
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/\$argon2|password_hash|passwordHash|127\.0\.0\.1|::1/);
    });

    it('stores no raw client address, and purges the keyed hashes after 30 days', async () => {
      const session = await signUpAndIn(testApp);
      const [row] = await testApp.dataSource.query(`SELECT * FROM user_session WHERE user_id = $1`, [session.user.id]);
      expect(row.ip_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1|::ffff|::1/);
      await testApp.dataSource.query(`UPDATE user_session SET created_at = now() - interval '31 days' WHERE user_id = $1`, [
        session.user.id,
      ]);
      const { RetentionService } = await import('../src/modules/accounts/retention.service.js');
      const purged = await testApp.app.get(RetentionService).purge();
      expect(purged.addressHashes).toBeGreaterThanOrEqual(1);
      const [after] = await testApp.dataSource.query(`SELECT ip_hash FROM user_session WHERE user_id = $1`, [session.user.id]);
      expect(after.ip_hash).toBeNull();
    });

    it('erases an account: no email, name, password, memberships or sessions remain; the address is free again', async () => {
      const session = await signUpAndIn(testApp, { displayName: 'Erase Me' });
      await request(server)
        .post('/api/v1/organisations')
        .set(session.auth)
        .send({ name: `Erasure Org ${session.user.id}`, stakeholderType: 'civil-society', countryIso3: 'PHL' })
        .expect(201);
      await request(server).delete('/api/v1/me').set(session.auth).send({ password: 'wrong' }).expect(400);
      await request(server).delete('/api/v1/me').set(session.auth).send({ password: session.password }).expect(204);
      await request(server).get('/api/v1/me').set(session.auth).expect(401);
      const [user] = await testApp.dataSource.query(`SELECT * FROM app_user WHERE id = $1`, [session.user.id]);
      expect(user).toMatchObject({
        status: 'erased',
        email: null,
        email_normalized: null,
        mailbox: null,
        password_hash: null,
        display_name: 'Former participant',
        country_iso3: null,
      });
      const leftovers = await testApp.dataSource.query(
        `SELECT (SELECT count(*) FROM user_session WHERE user_id = $1)::int AS sessions,
                (SELECT count(*) FROM organisation_membership WHERE user_id = $1)::int AS memberships,
                (SELECT count(*) FROM email_token WHERE user_id = $1)::int AS tokens`,
        [session.user.id],
      );
      expect(leftovers[0]).toEqual({ sessions: 0, memberships: 0, tokens: 0 });
      await request(server).post('/api/v1/auth/sign-in').send({ email: session.email, password: session.password }).expect(401);
      await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email: session.email, password: 'starting over passphrase', displayName: 'New' })
        .expect(202);
      expect(mailsTo(testApp, session.email).at(-1)!.subject).toBe('Confirm your email address for Compact Voices');
    });

    it('never writes passwords, tokens or email addresses to the logs', async () => {
      const canaryPassword = 'canary passphrase Zq9Xw';
      const canaryEmail = uniqueEmail('canary');
      const session = await signUpAndIn(testApp, { email: canaryEmail, password: canaryPassword });
      await request(server).post('/api/v1/auth/sign-in').send({ email: canaryEmail, password: 'wrong canary' }).expect(401);
      await request(server).post('/api/v1/auth/password-reset').send({ email: canaryEmail }).expect(202);
      await nextMailsTo(testApp, canaryEmail, 1);
      await request(server).get('/api/v1/me').set(session.auth).expect(200);
      const logs = testApp.logs();
      expect(logs.length).toBeGreaterThan(0);
      for (const secret of [
        canaryPassword,
        canaryEmail,
        session.accessToken,
        session.refreshToken,
        session.refreshToken.split('.')[1]!,
        ...mailsTo(testApp, canaryEmail).map((mail) => tokenFromMail(mail.text)),
      ]) {
        expect(logs.includes(secret)).toBe(false);
      }
      expect(logs).not.toMatch(/127\.0\.0\.1|::ffff:/);
    });
  });
});
