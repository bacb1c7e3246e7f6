import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { LifecycleService } from '../src/core/lifecycle/lifecycle.service.js';
import { LiveGateway } from '../src/modules/realtime/live.gateway.js';
import { REFRESH_COOKIE, mailsTo, nextMailsTo, signIn, tokenFromMail } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';
import { usesEmbedded } from './support/test-database.js';

const METRICS = 'metrics-token-for-tests-0123';
/** What Prometheus 2.x/3.x sends when it scrapes. */
const PROMETHEUS_ACCEPT =
  'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

describe('operations: health, readiness, metrics, draining', () => {
  let testApp: TestApp;
  let webDist: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // A built web app beside the API, as in production: its shell must not answer a scraper.
    webDist = mkdtempSync(join(tmpdir(), 'cv-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Compact Voices</title>');
    testApp = await createTestApp(
      {
        METRICS_TOKEN: METRICS,
        LOG_LEVEL: 'debug',
        SERVE_WEB: 'true',
        WEB_DIST_DIR: webDist,
        ...(usesEmbedded ? {} : { REDIS_URL: 'redis://127.0.0.1:6379' }),
      },
      { listen: true },
    );
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await testApp.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('reports readiness with its dependencies, and keeps liveness free of them', async () => {
    const server = testApp.app.getHttpServer();
    expect((await request(server).get('/api/health').expect(200)).body.status).toBe('ok');
    // Redis connects in the background; readiness says so once it has.
    const deadline = Date.now() + 5_000;
    let ready = (await request(server).get('/api/health/ready')).body;
    while (!usesEmbedded && ready.redis !== 'up' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ready = (await request(server).get('/api/health/ready')).body;
    }
    expect(ready).toEqual({ status: 'ok', database: 'up', redis: usesEmbedded ? 'not-configured' : 'up', accepting: true });
  });

  it('serves Prometheus metrics to the metrics token only, labelled by route pattern', async () => {
    const server = testApp.app.getHttpServer();
    await request(server).get('/api/v1/recommendations/PC-1').expect(200);
    await request(server).get('/metrics').expect(401);
    await request(server).get('/metrics').auth('metrics', 'wrong-token-of-the-same-size').expect(401);
    const scrape = await request(server).get('/metrics').auth('metrics', METRICS).expect(200);
    expect(scrape.headers['content-type']).toMatch(/^text\/plain/);
    expect(scrape.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/recommendations\/:code",status="200"\} \d+/,
    );
    for (const name of [
      'live_sockets',
      'live_events_sent_total',
      'export_jobs_in_flight{status="queued"}',
      'database_pool_connections',
      'nodejs_eventloop_lag_p99_seconds',
    ])
      expect(scrape.text).toContain(name);
    expect(scrape.text).not.toContain('PC-1');
    // Whatever Accept a scraper sends — Prometheus's own, a bare */* (curl) — the exposition format, never the web app's page.
    for (const accept of [PROMETHEUS_ACCEPT, '*/*', 'text/plain']) {
      const scraped = await request(server).get('/metrics').set('Accept', accept).auth('metrics', METRICS).expect(200);
      expect(scraped.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(scraped.text).toContain('http_request_duration_seconds_count');
    }
    // A browser's navigation still gets the app shell on a client-side route.
    const page = await request(server).get('/consultations').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(200);
    expect(page.text).toContain('<title>Compact Voices</title>');
  });

  it('keeps the process up when a pooled connection fails', () => {
    const pool = (
      testApp.dataSource.driver as unknown as {
        master?: { listenerCount(event: string): number; emit(event: string, error: Error): boolean };
      }
    ).master;
    if (!pool) return; // the embedded database has no pool
    expect(pool.listenerCount('error')).toBeGreaterThan(0);
    expect(() => pool.emit('error', new Error('terminating connection due to administrator command'))).not.toThrow();
    expect(testApp.logs()).toContain('database.connection_lost');
  });

  it('sends live clients to reconnect, spread over the window, when draining', async () => {
    const reasons: string[] = [];
    let reconnects = 0;
    for (let i = 0; i < 5; i++) {
      const socket = io(`${testApp.url()}/live`, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 100,
        forceNew: true,
        extraHeaders: { Origin: 'http://app.test' },
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      socket.on('disconnect', (reason) => reasons.push(reason));
      socket.io.on('reconnect', () => (reconnects += 1));
    }
    const started = Date.now();
    const drained = await testApp.app.get(LiveGateway).drain(400);
    expect(drained).toBe(5);
    // It ends with its 400 ms window, not with the clients' reconnections: a generous bound, as a busy machine stretches both.
    expect(Date.now() - started).toBeLessThan(5_000);
    const deadline = Date.now() + 5_000;
    while (reconnects < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    // A transport close, not a server "disconnect": socket.io clients reconnect by themselves.
    expect(reasons).toEqual(Array(5).fill('transport close'));
    expect(reconnects).toBe(5);
  });

  it('never logs e-mail addresses, passwords, tokens or client addresses (log canary)', async () => {
    const server = testApp.app.getHttpServer();
    const email = `canary-${Date.now()}@canary.example`;
    const password = 'canary passphrase 8c1f2e';
    await request(server)
      .post('/api/v1/auth/sign-up')
      .set('X-Forwarded-For', '203.0.113.77')
      .send({ email, password, displayName: 'Canary Person' })
      .expect(202);
    const [mail] = mailsTo(testApp, email);
    const verifyToken = tokenFromMail(mail!.text);
    await request(server).post('/api/v1/auth/verify-email').send({ token: verifyToken }).expect(200);
    await request(server).post('/api/v1/auth/sign-in').send({ email, password: 'wrong canary passphrase' }).expect(401);
    const person = await signIn(testApp, email, password);
    await request(server).get('/api/v1/me').set(person.auth).expect(200);
    await request(server)
      .post('/api/v1/auth/refresh')
      .set('X-Requested-With', 'compact-voices')
      .set('Origin', 'http://app.test')
      .set('Cookie', `${REFRESH_COOKIE}=${person.refreshToken}`)
      .expect(200);
    const mailed = mailsTo(testApp, email).length;
    await request(server).post('/api/v1/auth/password-reset').send({ email }).expect(202);
    const resetToken = tokenFromMail((await nextMailsTo(testApp, email, mailed)).at(-1)!.text);
    await request(server).get('/api/v1/me').set('Authorization', `Bearer ${person.accessToken}x`).expect(401);
    const admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    await request(server)
      .get(`/api/v1/users?q=${encodeURIComponent(email)}`)
      .set(admin.auth);
    const logs = testApp.logs();
    expect(logs).toContain('auth.sign_in_failed');
    for (const secret of [
      email,
      password,
      'wrong canary passphrase',
      verifyToken,
      resetToken,
      person.accessToken,
      person.refreshToken,
      TEST_ADMIN.password,
      '203.0.113.77',
    ]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('carries a request id from the write to its live event, and from an export request to its job', async () => {
    const server = testApp.app.getHttpServer();
    const admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    const round = await openConsultation(testApp, admin, { recommendationCodes: ['HR-1'] });
    await request(server)
      .post(`/api/v1/consultations/${round.id}/recommendations/HR-1/comments`)
      .set(admin.auth)
      .set('X-Request-Id', 'req-live-0123456789')
      .send({ body: 'Traced from the proxy to the sockets' })
      .expect(201);
    const job = await request(server)
      .post('/api/v1/exports')
      .set(admin.auth)
      .set('X-Request-Id', 'req-export-0123456789')
      .send({ dataset: 'comments', format: 'csv', privacy: 'public' });
    expect(job.status).toBeLessThan(300);
    const lines = () =>
      testApp
        .logs()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { event?: string; requestId?: string });
    const deadline = Date.now() + 15_000;
    while (!lines().some((line) => line.event === 'export.done') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines().find((line) => line.event === 'live.sent')?.requestId).toBe('req-live-0123456789');
    expect(
      lines()
        .filter((line) => line.event === 'export.started' || line.event === 'export.done')
        .map((line) => line.requestId),
    ).toEqual(['req-export-0123456789', 'req-export-0123456789']);
  });

  it('turns readiness false once a shutdown begins', async () => {
    testApp.app.get(LifecycleService).beginShutdown();
    const response = await request(testApp.app.getHttpServer()).get('/api/health/ready').expect(503);
    expect(response.body).toMatchObject({ status: 'error', database: 'up', accepting: false });
    expect((await request(testApp.app.getHttpServer()).get('/api/health').expect(200)).body.status).toBe('ok');
  });
});
