import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Per-address limits on the auth endpoints, per-mailbox limits on sign-up, and who may set X-Forwarded-For. */
describe('auth rate limits per client address', () => {
  describe('behind no proxy (TRUST_PROXY=false)', () => {
    let testApp: TestApp;
    let server: App;

    beforeAll(async () => {
      testApp = await createTestApp({ AUTH_IP_LIMIT_PER_MINUTE: '5', TRUST_PROXY: 'false' });
      server = testApp.app.getHttpServer();
    });

    afterAll(() => testApp.close());

    it('answers 429 with Retry-After past the limit, and a spoofed X-Forwarded-For does not reset it', async () => {
      for (let i = 0; i < 5; i++) {
        await request(server)
          .post('/api/v1/auth/sign-in')
          .set('X-Forwarded-For', `198.51.100.${i}`)
          .send({ email: `nobody${i}@test.example`, password: 'whatever it is' })
          .expect(401);
      }
      const limited = await request(server)
        .post('/api/v1/auth/sign-in')
        .set('X-Forwarded-For', '198.51.100.200')
        .send({ email: 'x@test.example', password: 'whatever it is' })
        .expect(429);
      expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      await request(server)
        .post('/api/v1/auth/sign-up')
        .send({ email: 'y@test.example', password: 'fine passphrase', displayName: 'Y' })
        .expect(429);
      await request(server).post('/api/v1/auth/password-reset').send({ email: 'y@test.example' }).expect(429);
      await request(server)
        .post('/api/v1/auth/verify-email')
        .send({ token: 'a'.repeat(43) })
        .expect(429);
      await request(server)
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token: 'a'.repeat(43), password: 'guessing tokens' })
        .expect(429);
      // Reading is not throttled by the auth limiter.
      await request(server).get('/api/v1/principles').expect(200);
      expect(testApp.logs()).not.toContain('198.51.100');
    });
  });

  describe('two instances sharing Redis (REDIS_URL)', () => {
    let first: TestApp;
    let second: TestApp;

    beforeAll(async () => {
      const env = { AUTH_IP_LIMIT_PER_MINUTE: '4', REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' };
      [first, second] = [await createTestApp(env), await createTestApp(env)];
    });

    afterAll(async () => {
      await first.close();
      await second.close();
    });

    it('counts one client across both instances', async () => {
      // A client address of its own, so counters left by an earlier run cannot interfere.
      const client = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      // Different addresses each time, so the per-account limit (shared through Redis too) stays out of it.
      let n = 0;
      const attempt = (app: TestApp) =>
        request(app.app.getHttpServer())
          .post('/api/v1/auth/sign-in')
          .set('X-Forwarded-For', client)
          .send({ email: `${client}-${n++}@test.example`, password: 'whatever it is' });
      const statuses = [];
      for (const app of [first, second, first, second, first, second]) statuses.push((await attempt(app)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    });
  });

  // Behind the default trusted loopback proxy, so each request can come from a client of its own.
  describe('sign-ups per client address and per mailbox', () => {
    let limited: TestApp;
    const PASSWORD = 'a limited passphrase';

    beforeAll(async () => {
      limited = await createTestApp({ SIGNUPS_PER_ADDRESS_PER_HOUR: '3', SIGNUPS_PER_MAILBOX_PER_DAY: '2' });
    });
    afterAll(() => limited.close());

    const signUp = (email: string, from: string) =>
      request(limited.app.getHttpServer())
        .post('/api/v1/auth/sign-up')
        .set('X-Forwarded-For', from)
        .send({ email, password: PASSWORD, displayName: 'Limited' });

    it('counts every attempt per mailbox, registered or not, and answers 429 with Retry-After the same way', async () => {
      const tag = randomUUID().slice(0, 8);
      // A mailbox registered before this day's attempts, and one nobody has.
      const registered = `old${tag}@example.org`;
      await limited.dataSource.query(
        `INSERT INTO app_user (email, email_normalized, mailbox, display_name, pseudonym) VALUES ($1, $1, $1, 'Old', $2)`,
        [registered, `Participant ${tag.toUpperCase()}`],
      );
      const outcomes = async (mailbox: string, spellings: string[]) => {
        const statuses: number[] = [];
        for (const [index, email] of spellings.entries()) {
          const response = await signUp(email, `198.51.100.${10 + index}`);
          statuses.push(response.status);
          if (response.status === 429) {
            expect(response.body.code).toBe('TOO_MANY_REQUESTS');
            const retryAfter = Number(response.headers['retry-after']);
            expect(retryAfter).toBeGreaterThan(3_600);
            expect(retryAfter).toBeLessThanOrEqual(86_400);
          }
        }
        return { mailbox, statuses };
      };
      const old = await outcomes(registered, [`old${tag}+a@example.org`, `old${tag}+b@example.org`, registered]);
      const fresh = await outcomes(`new${tag}@example.org`, [
        `new${tag}@example.org`,
        `new${tag}+b@example.org`,
        `new${tag}+c@example.org`,
      ]);
      expect(old.statuses).toEqual([202, 202, 429]);
      expect(fresh.statuses).toEqual(old.statuses);
    });

    it('counts attempts per client address, an IPv6 /64 as one', async () => {
      const tag = randomUUID().slice(0, 8);
      for (let i = 0; i < 3; i++) await signUp(`v4-${i}-${tag}@example.org`, '203.0.113.50').expect(202);
      const over = await signUp(`v4-3-${tag}@example.org`, '203.0.113.50').expect(429);
      expect(over.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(3_600);
      await signUp(`v4-4-${tag}@example.org`, '203.0.113.51').expect(202);

      for (let i = 0; i < 3; i++) await signUp(`v6-${i}-${tag}@example.org`, `2001:db8:7:1::${i + 1}`).expect(202);
      await signUp(`v6-3-${tag}@example.org`, '2001:db8:7:1:ffff:ffff:ffff:fffe').expect(429);
      await signUp(`v6-4-${tag}@example.org`, '2001:db8:7:2::1').expect(202);
      // Refused attempts created nothing.
      const [{ count }] = await limited.dataSource.query(`SELECT count(*)::int AS count FROM app_user WHERE email_normalized LIKE $1`, [
        `%-${tag}@example.org`,
      ]);
      expect(count).toBe(8);
    });
  });

  describe('behind a trusted proxy on loopback (the default)', () => {
    let testApp: TestApp;
    let server: App;

    beforeAll(async () => {
      testApp = await createTestApp({ AUTH_IP_LIMIT_PER_MINUTE: '3' });
      server = testApp.app.getHttpServer();
    });

    afterAll(() => testApp.close());

    it('counts each forwarded client separately', async () => {
      for (const client of ['192.0.2.1', '192.0.2.2']) {
        for (let i = 0; i < 3; i++) {
          await request(server)
            .post('/api/v1/auth/sign-in')
            .set('X-Forwarded-For', client)
            .send({ email: `n${i}@test.example`, password: 'whatever it is' })
            .expect(401);
        }
        await request(server)
          .post('/api/v1/auth/sign-in')
          .set('X-Forwarded-For', client)
          .send({ email: 'n@test.example', password: 'whatever it is' })
          .expect(429);
      }
    });
  });
});
