import request from 'supertest';
import type { App } from 'supertest/types.js';
import { io, type Socket } from 'socket.io-client';
import type { Comment, Consultation, ExportJob } from '@compact-voices/contracts';
import { STATISTIC_FIELDS } from '../src/modules/disclosure/seal.js';
import { signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { quickOrganisation, quickParticipants, rate } from './support/participants.js';
import { registeredRoutes } from './support/routes.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

/** Does a JSON body hold a count or statistic (a STATISTIC_FIELDS name with a number or an object)? */
function statisticsIn(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(statisticsIn);
  return Object.entries(value as Record<string, unknown>).some(
    ([key, field]) =>
      (STATISTIC_FIELDS.has(key) &&
        (typeof field === 'number' || (field !== null && typeof field === 'object' && !Array.isArray(field)))) ||
      statisticsIn(field),
  );
}

/**
 * "No aggregate path may bypass it": every public route is walked (as an anonymous reader, with
 * data in every table behind it), and every live event a thread sends is triggered. Each response
 * and payload that carries counts or statistics must have been made by the disclosure layer — the
 * StatisticsGuard and the gateway log `disclosure.unsealed` otherwise — and the walk must have met
 * statistics on every route known to publish them, so a route that stops using the layer fails here.
 */
describe('every public count and statistic passes the disclosure layer', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;
  let round: Consultation;
  let closed: Consultation;
  let comment: Comment;
  let organisationId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    testApp = await createTestApp({ COMMENTS_PER_MINUTE: '100' }, { listen: true });
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    round = await openConsultation(testApp, admin, { recommendationCodes: ['PC-1', 'PC-2'], countryIso3s: ['NPL', 'LKA'] });
    closed = await openConsultation(testApp, admin, { recommendationCodes: ['PC-1'], countryIso3s: ['NPL'] });
    for (const target of [round, closed]) {
      await rate(
        testApp,
        await quickParticipants(testApp, 5),
        { consultationId: target.id, recommendationCode: 'PC-1', countryIso3: 'NPL' },
        [0, 1, 2, 3, 4],
      );
      await rate(
        testApp,
        await quickParticipants(testApp, 5, { stakeholderType: 'trade-union' }),
        { consultationId: target.id, recommendationCode: 'PC-1', countryIso3: 'NPL' },
        [2, 2, 3, 3, null],
      );
    }
    organisationId = await quickOrganisation(testApp, { stakeholderType: 'trade-union', countryIso3: 'NPL' });
    await quickParticipants(testApp, 2, { organisationId });
    const author = await signUpAndIn(testApp);
    comment = (
      await request(server)
        .post(`/api/v1/consultations/${round.id}/recommendations/PC-1/comments`)
        .set(author.auth)
        .send({ body: 'Recruitment fees are still charged.', countryIso3: 'NPL' })
        .expect(201)
    ).body;
    const hidden = (
      await request(server)
        .post(`/api/v1/consultations/${round.id}/recommendations/PC-1/comments`)
        .set(author.auth)
        .send({ body: 'Off topic' })
        .expect(201)
    ).body;
    await request(server)
      .post('/api/v1/moderation/decisions')
      .set(admin.auth)
      .send({ commentId: hidden.id, action: 'hide', ruleCode: 'R1', reason: 'Off topic' })
      .expect(201);
    await request(server).put(`/api/v1/comments/${comment.id}/reaction`).set(admin.auth).send({ kind: 'agree' }).expect(200);
    // A published open-data pack, for /open-data.
    await request(server).patch(`/api/v1/consultations/${closed.id}`).set(admin.auth).send({ status: 'closed' }).expect(200);
    const job = (
      await request(server)
        .post('/api/v1/exports')
        .set(admin.auth)
        .send({ dataset: 'pack', format: 'zip', privacy: 'public', filters: { consultationId: closed.id }, publish: true })
        .expect(202)
    ).body as ExportJob;
    for (let i = 0; i < 150; i++) {
      const state = (await request(server).get(`/api/v1/exports/${job.id}`).set(admin.auth).expect(200)).body as ExportJob;
      if (state.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await testApp.close();
  });

  it('walks every public route: statistics come sealed by the layer, and every route that publishes them was met', async () => {
    const params: Record<string, string> = {
      ':id': round.id,
      ':code': 'PC-1',
      ':number': '1',
      ':commentId': comment.id,
      ':consultationId': closed.id,
      ':token': 'not-a-token',
    };
    const variants: Record<string, Array<Record<string, string>>> = {
      'GET /consultations/:id/recommendations/:code/ratings/summary': [{}, { country: 'NPL' }, { country: 'LKA' }],
      'GET /consultations/:id/recommendations/:code/events': [{ after: '0' }],
      'GET /dashboard': [
        {},
        { consultationId: round.id },
        { stakeholderType: 'trade-union' },
        { countryIso3: 'NPL', recommendationCode: 'PC-1' },
        { subregion: 'South and South-West Asia' },
      ],
      'GET /transparency': [{}, { consultationId: round.id }],
    };
    const publishing = new Set<string>();
    const routes = registeredRoutes(testApp).filter((route) => route.method === 'GET' && route.policy?.kind === 'public');
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const ids = route.path.startsWith('/organisations') ? { ...params, ':id': organisationId } : params;
      const path = route.path.replace(/:[A-Za-z]+/g, (param) => ids[param] ?? param);
      const base = path.startsWith('/health') ? `/api${path}` : path === '/metrics' ? path : `/api/v1${path}`;
      for (const query of variants[key] ?? [{}]) {
        const response = await request(server).get(base).query(query);
        expect(response.status).toBeLessThan(500);
        if (response.type === 'application/json' && statisticsIn(response.body)) publishing.add(key);
      }
    }
    expect(testApp.logs()).not.toContain('disclosure.unsealed');
    expect([...publishing].sort()).toEqual(
      expect.arrayContaining([
        'GET /comments/:commentId',
        'GET /consultations/:id/coverage',
        'GET /consultations/:id/recommendations/:code/comments',
        'GET /consultations/:id/recommendations/:code/events',
        'GET /consultations/:id/recommendations/:code/ratings/summary',
        'GET /dashboard',
        'GET /open-data',
        'GET /transparency',
      ]),
    );
  });

  it('sends every live event with counts through the layer: summaries, reactions, comments, presence', async () => {
    const socket = io(`${testApp.url()}/live`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const seen = new Set<string>();
    for (const event of ['ratings.summary', 'reactions.updated', 'comment.created', 'presence']) socket.on(event, () => seen.add(event));
    await socket.timeout(5_000).emitWithAck('thread:join', { consultationId: round.id, recommendationCode: 'PC-2' });
    const author = await signUpAndIn(testApp);
    const posted = (
      await request(server)
        .post(`/api/v1/consultations/${round.id}/recommendations/PC-2/comments`)
        .set(author.auth)
        .send({ body: 'Wage theft persists.' })
        .expect(201)
    ).body;
    await request(server).put(`/api/v1/comments/${posted.id}/reaction`).set(admin.auth).send({ kind: 'agree' }).expect(200);
    await rate(
      testApp,
      await quickParticipants(testApp, 5),
      { consultationId: round.id, recommendationCode: 'PC-2', countryIso3: 'LKA' },
      [1, 2, 3, 4, 0],
    );
    for (let i = 0; i < 50 && seen.size < 4; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...seen].sort()).toEqual(['comment.created', 'presence', 'ratings.summary', 'reactions.updated']);
    expect(testApp.logs()).not.toContain('disclosure.unsealed');
  });
});
