import { EventEmitter2 } from '@nestjs/event-emitter';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { AppConfig } from '../src/config/app-config.js';
import { AuditService } from '../src/core/audit/audit.service.js';
import { AccountsRepository } from '../src/modules/accounts/accounts.repository.js';
import { AdminBootstrapService } from '../src/modules/accounts/admin-bootstrap.service.js';
import { PasswordService } from '../src/modules/accounts/password.service.js';
import { MailService } from '../src/modules/mail/mail.service.js';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JobQueue } from '../src/core/jobs/job-queue.service.js';
import { RETENTION_CRON, RetentionService } from '../src/modules/accounts/retention.service.js';
import { CSRF, REFRESH_COOKIE, mailsTo, nextMailsTo, signIn, signUpAndIn, tokenFromMail, uniqueEmail } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { registeredRoutes } from './support/routes.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

/**
 * The identity layer against someone who registers first, locks others out or replays old
 * links. Each case as the attacker would try it, now answered safely.
 */
describe('accounts hardened', () => {
  let testApp: TestApp;
  let server: App;

  beforeAll(async () => {
    testApp = await createTestApp();
    server = testApp.app.getHttpServer();
  });

  afterAll(() => testApp.close());

  async function signUpUnverified(email = uniqueEmail('unverified'), password = `passphrase ${Math.random()}`) {
    await request(server).post('/api/v1/auth/sign-up').send({ email, password, displayName: 'Early Bird' }).expect(202);
    return { email, password, session: await signIn(testApp, email, password) };
  }

  function refresh(cookie: string) {
    return request(server).post('/api/v1/auth/refresh').set(CSRF).set('Cookie', `${REFRESH_COOKIE}=${cookie}`);
  }

  describe('admin bootstrap', () => {
    it('adopts a squatted address only after revoking its sessions and mailed links, and logs it', async () => {
      // Someone registers the address the operator will later put in ADMIN_EMAIL, and stays signed in.
      const squatter = await signUpUnverified(uniqueEmail('future-admin'));
      await refresh(squatter.session.refreshToken).expect(200);
      const unusedLink = tokenFromMail(mailsTo(testApp, squatter.email)[0]!.text);

      // The operator restarts with ADMIN_EMAIL/ADMIN_PASSWORD: the bootstrap runs as it does at start.
      const config = testApp.app.get(AppConfig);
      const bootstrap = new AdminBootstrapService(
        testApp.app.get(PasswordService),
        testApp.app.get(AuditService),
        Object.assign(Object.create(Object.getPrototypeOf(config) as object) as AppConfig, config, {
          admin: { email: squatter.email, password: 'the operator passphrase 2027' },
        }),
        testApp.app.get(AccountsRepository),
        testApp.app.get(EventEmitter2),
      );
      await bootstrap.onApplicationBootstrap();

      // The squatter's cookie, token and unused link are worthless; only ADMIN_PASSWORD opens the account.
      expect((await refresh(squatter.session.refreshToken).expect(401)).body.code).toBeDefined();
      await request(server).get('/api/v1/users').set(squatter.session.auth).expect(401);
      await request(server).post('/api/v1/auth/verify-email').send({ token: unusedLink }).expect(400);
      await request(server).post('/api/v1/auth/sign-in').send({ email: squatter.email, password: squatter.password }).expect(401);
      const operator = await signIn(testApp, squatter.email, 'the operator passphrase 2027');
      await request(server).get('/api/v1/users').set(operator.auth).expect(200);
      const [entry] = await testApp.dataSource.query(
        `SELECT details FROM audit_event WHERE action = 'user.admin_bootstrapped' AND target_id = $1 ORDER BY id DESC LIMIT 1`,
        [operator.user.id],
      );
      expect(entry.details).toEqual({ adopted: true, sessionsRevoked: 1 });
    });
  });

  describe('unconfirmed accounts', () => {
    it('get a session that can manage the account and nothing else', async () => {
      const { session } = await signUpUnverified();
      await request(server).get('/api/v1/me').set(session.auth).expect(200);
      await request(server).get('/api/v1/me/sessions').set(session.auth).expect(200);
      await request(server).get('/api/v1/notifications').set(session.auth).expect(200);
      await request(server).patch('/api/v1/me').set(session.auth).send({ locale: 'id' }).expect(200);
      for (const attempt of [
        request(server)
          .post('/api/v1/organisations')
          .set(session.auth)
          .send({ name: 'Early Org', stakeholderType: 'civil-society', countryIso3: 'NPL' }),
        request(server).get('/api/v1/moderation/rounds').set(session.auth),
        request(server).get('/api/v1/moderation/appeals').set(session.auth),
      ]) {
        const refused = await attempt.expect(403);
        expect(refused.body.code).toBe('EMAIL_NOT_VERIFIED');
      }
      // Public reads stay public.
      await request(server).get('/api/v1/consultations').set(session.auth).expect(200);
    });
  });

  describe('mailed links', () => {
    it('an older reset link stops working once a newer one is used, and with it the verification link', async () => {
      const { email, password } = await signUpUnverified();
      const verification = tokenFromMail(mailsTo(testApp, email)[0]!.text);
      await request(server).post('/api/v1/auth/password-reset').send({ email }).expect(202);
      const first = tokenFromMail((await nextMailsTo(testApp, email, 1)).at(-1)!.text);
      await request(server).post('/api/v1/auth/password-reset').send({ email }).expect(202);
      const second = tokenFromMail((await nextMailsTo(testApp, email, 2)).at(-1)!.text);
      expect(second).not.toBe(first);
      await request(server)
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token: second, password: 'a second new passphrase' })
        .expect(200);
      const stale = await request(server)
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token: first, password: 'the attacker passphrase' })
        .expect(400);
      expect(stale.body.code).toBeDefined();
      await request(server).post('/api/v1/auth/verify-email').send({ token: verification }).expect(400);
      await request(server).post('/api/v1/auth/sign-in').send({ email, password }).expect(401);
      await signIn(testApp, email, 'a second new passphrase');
    });

    it('a password change voids outstanding reset links', async () => {
      const person = await signUpAndIn(testApp);
      const mailed = mailsTo(testApp, person.email).length;
      await request(server).post('/api/v1/auth/password-reset').send({ email: person.email }).expect(202);
      const link = tokenFromMail((await nextMailsTo(testApp, person.email, mailed)).at(-1)!.text);
      await request(server)
        .post('/api/v1/me/password')
        .set(person.auth)
        .send({ currentPassword: person.password, newPassword: 'changed by the owner 2027' })
        .expect(204);
      await request(server)
        .post('/api/v1/auth/password-reset/confirm')
        .send({ token: link, password: 'the attacker passphrase' })
        .expect(400);
      await signIn(testApp, person.email, 'changed by the owner 2027');
    });

    it('answers reset and resend requests before any token or mail work, for known and unknown addresses alike', async () => {
      // By structure, not by timing: with the mail transport stuck, a known address is answered all the same.
      const { email } = await signUpUnverified();
      const mail = testApp.app.get(MailService);
      const original = mail.send.bind(mail);
      let release!: () => void;
      const stuck = new Promise<void>((resolve) => {
        release = resolve;
      });
      const sent: string[] = [];
      mail.send = async (outgoing) => {
        await stuck;
        sent.push(outgoing.kind);
        return original(outgoing);
      };
      try {
        const known = await request(server).post('/api/v1/auth/password-reset').send({ email }).expect(202);
        const unknown = await request(server)
          .post('/api/v1/auth/password-reset')
          .send({ email: uniqueEmail('nobody') })
          .expect(202);
        expect(known.body).toEqual(unknown.body);
        const resendKnown = await request(server).post('/api/v1/auth/resend-verification').send({ email }).expect(202);
        const resendUnknown = await request(server)
          .post('/api/v1/auth/resend-verification')
          .send({ email: uniqueEmail('nobody') })
          .expect(202);
        expect(resendKnown.body).toEqual(resendUnknown.body);
        expect(sent).toEqual([]);
        release();
        await nextMailsTo(testApp, email, 2);
        expect(sent.sort()).toEqual(['password-reset', 'verify-email']);
      } finally {
        release();
        mail.send = original;
      }
    });
  });

  describe('retention', () => {
    it('forgets an Idempotency-Key after 7 days, deletes its copy of the response, and drops every one of an erased account', async () => {
      const admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
      const round = await openConsultation(testApp, admin, { recommendationCodes: ['PC-2'] });
      const url = `/api/v1/consultations/${round.id}/recommendations/PC-2/comments`;
      const author = await signUpAndIn(testApp, { displayName: 'Retained Name' });
      const first = await request(server)
        .post(url)
        .set(author.auth)
        .set('Idempotency-Key', 'offline-retry-1')
        .send({ body: 'Sent from the bus' })
        .expect(201);
      const [stored] = await testApp.dataSource.query(`SELECT response_body FROM idempotency_key WHERE user_id = $1`, [author.user.id]);
      expect(JSON.stringify(stored.response_body)).toContain('Retained Name');
      // Six days on, a retry is still the same comment; eight days on, the key starts a new request.
      await testApp.dataSource.query(`UPDATE idempotency_key SET created_at = now() - interval '6 days' WHERE user_id = $1`, [
        author.user.id,
      ]);
      expect(
        (
          await request(server)
            .post(url)
            .set(author.auth)
            .set('Idempotency-Key', 'offline-retry-1')
            .send({ body: 'Sent from the bus' })
            .expect(201)
        ).body.id,
      ).toBe(first.body.id);
      await testApp.dataSource.query(`UPDATE idempotency_key SET created_at = now() - interval '8 days' WHERE user_id = $1`, [
        author.user.id,
      ]);
      const purged = await testApp.app.get(RetentionService).purge();
      expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(1);
      expect(await testApp.dataSource.query(`SELECT 1 FROM idempotency_key WHERE user_id = $1`, [author.user.id])).toEqual([]);
      const later = await request(server)
        .post(url)
        .set(author.auth)
        .set('Idempotency-Key', 'offline-retry-1')
        .send({ body: 'A new thought, days later' })
        .expect(201);
      expect(later.body.id).not.toBe(first.body.id);
      // Erasure drops the rest at once.
      await request(server).delete('/api/v1/me').set(author.auth).send({ password: author.password }).expect(204);
      expect(await testApp.dataSource.query(`SELECT 1 FROM idempotency_key WHERE user_id = $1`, [author.user.id])).toEqual([]);
    });

    it('deletes a full export from disk 7 days after it finished, and keeps public ones', async () => {
      const admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
      const config = testApp.app.get(AppConfig);
      const jobs: Array<{ id: string }> = [];
      for (const [privacy, daysAgo] of [
        ['full', 8],
        ['full', 6],
        ['public', 30],
      ] as const) {
        const [job] = await testApp.dataSource.query(
          `INSERT INTO export_job (requested_by, dataset, format, privacy, status, file_name, pseudonym_seed, finished_at)
           VALUES ($1, 'comments', 'csv', $2, 'done', 'comments.csv', 'ab', now() - make_interval(days => $3)) RETURNING id`,
          [admin.user.id, privacy, daysAgo],
        );
        mkdirSync(join(config.exportDir, job.id), { recursive: true });
        writeFileSync(join(config.exportDir, job.id, 'comments.csv'), 'names,account ids\n');
        jobs.push(job);
      }
      const purged = await testApp.app.get(RetentionService).purge();
      expect(purged.fullExports).toBe(1);
      expect(jobs.map((job) => existsSync(join(config.exportDir, job.id, 'comments.csv')))).toEqual([false, true, true]);
      const link = await request(server).get(`/api/v1/exports/${jobs[0]!.id}`).set(admin.auth).expect(200);
      expect(link.body.downloadUrl).toBeUndefined();
    });

    it('runs the purge as an hourly job on the shared queue, once for the whole fleet', async () => {
      const [schedule] = await testApp.dataSource.query(`SELECT cron FROM pgboss.schedule WHERE name = 'retention'`);
      expect(schedule.cron).toBe(RETENTION_CRON);
      const { user } = await signUpAndIn(testApp);
      await testApp.dataSource.query(
        `INSERT INTO email_token (user_id, purpose, token_hash, expires_at) VALUES ($1, 'password-reset', 'spent-token-hash', now() - interval '2 days')`,
        [user.id],
      );
      await testApp.app.get(JobQueue).send('retention', {}, { singletonKey: `test-${user.id}` });
      const deadline = Date.now() + 30_000;
      while (
        (await testApp.dataSource.query(`SELECT 1 FROM email_token WHERE user_id = $1 AND token_hash = 'spent-token-hash'`, [user.id]))
          .length > 0
      ) {
        if (Date.now() > deadline) throw new Error('the queued purge never ran');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });

    it('answers every private route with Cache-Control: no-store', async () => {
      const admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
      const privateReads = registeredRoutes(testApp).filter(
        (route) => route.method === 'GET' && route.policy && route.policy.kind !== 'public' && !route.path.includes(':'),
      );
      expect(privateReads.length).toBeGreaterThan(10);
      for (const route of privateReads) {
        const response = await request(server).get(`/api/v1${route.path}`).set(admin.auth);
        expect(`${route.path} ${response.headers['cache-control']}`).toBe(`${route.path} no-store`);
      }
      for (const path of [
        '/api/v1/notifications',
        '/api/v1/moderation/queue',
        '/api/v1/moderation/decisions',
        '/api/v1/moderation/appeals',
      ]) {
        expect((await request(server).get(path).set(admin.auth)).headers['cache-control']).toBe('no-store');
      }
    });
  });
});
