import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { RatingSummary } from '@compact-voices/contracts';
import { signIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { quickParticipants, rate } from './support/participants.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

/**
 * No anonymous request costs database time again when it is repeated. A burst of readers
 * asking the same aggregate (a cell's summary, a round's coverage, a dashboard question) shares one
 * computation; repeats are answered from memory until a release changes the figures; and new
 * dashboard questions — the only aggregate with an open-ended set of keys — are budgeted per address.
 */
describe('public aggregates under repeated anonymous reads', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;
  /** Statements sent through the app's data source since the last reset. */
  let counted: string[] = [];
  /**
   * Statements held back 300 ms before they run, so that requests sent together really overlap
   * (a fast query may otherwise finish before the next request arrives).
   */
  let slow: RegExp | null = null;

  beforeAll(async () => {
    testApp = await createTestApp({ DASHBOARD_MISSES_PER_ADDRESS_PER_MINUTE: '3', REPLAY_MISSES_PER_ADDRESS_PER_MINUTE: '3' });
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    const query = testApp.dataSource.query.bind(testApp.dataSource);
    testApp.dataSource.query = (async (sql: string, ...rest: unknown[]) => {
      counted.push(sql);
      if (slow?.test(sql)) await new Promise((resolve) => setTimeout(resolve, 300));
      return (query as (sql: string, ...rest: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as typeof testApp.dataSource.query;
  }, 60_000);

  afterAll(() => testApp.close());

  const statementsDuring = async (work: () => Promise<unknown>, pattern: RegExp, holdBack = false): Promise<number> => {
    counted = [];
    slow = holdBack ? pattern : null;
    try {
      await work();
    } finally {
      slow = null;
    }
    return counted.filter((sql) => pattern.test(sql)).length;
  };
  const summaryOf = (roundId: string, code: string, country?: string) =>
    request(server)
      .get(`/api/v1/consultations/${roundId}/recommendations/${code}/ratings/summary`)
      .query(country ? { country } : {})
      .expect(200);
  const burst = <T>(n: number, call: () => Promise<T>) => Promise.all(Array.from({ length: n }, call));
  const PUBLISHED = /rating_statistic|rating_release|released_rating/;

  it('answers a burst of readers of one summary with one computation, and repeats with none until a release', async () => {
    const round = await openConsultation(testApp, admin, { recommendationCodes: ['PC-1', 'PC-2'], countryIso3s: ['PHL', 'NPL'] });
    await rate(
      testApp,
      await quickParticipants(testApp, 5, { countryIso3: 'PHL' }),
      { consultationId: round.id, recommendationCode: 'PC-1', countryIso3: 'PHL' },
      [1, 2, 3, 4, 4],
    );
    await rate(
      testApp,
      await quickParticipants(testApp, 5, { countryIso3: 'NPL' }),
      { consultationId: round.id, recommendationCode: 'PC-2', countryIso3: 'NPL' },
      [0, 1, 1, 2, 3],
    );

    const one = await statementsDuring(() => summaryOf(round.id, 'PC-1', 'PHL'), PUBLISHED);
    expect(one).toBeGreaterThan(0);
    // Eight at once for another cell: the work of one.
    expect(await statementsDuring(() => burst(8, () => summaryOf(round.id, 'PC-2', 'NPL')), PUBLISHED, true)).toBeLessThanOrEqual(one);
    // Repeated, pooled or not: nothing.
    await summaryOf(round.id, 'PC-2');
    expect(
      await statementsDuring(() => burst(8, () => summaryOf(round.id, 'PC-2', 'NPL').then(() => summaryOf(round.id, 'PC-2'))), PUBLISHED),
    ).toBe(0);

    // A release of the cell replaces the cached figures at once, pooled ones included.
    await rate(
      testApp,
      await quickParticipants(testApp, 5, { countryIso3: 'NPL' }),
      { consultationId: round.id, recommendationCode: 'PC-2', countryIso3: 'NPL' },
      [4, 4, 4, 4, 4],
    );
    const after = (await summaryOf(round.id, 'PC-2', 'NPL')).body as RatingSummary;
    expect(after.n).toBe(10);
    expect(((await summaryOf(round.id, 'PC-2')).body as RatingSummary).n).toBe(10);
    // The other cell's entry is untouched by that release.
    expect(await statementsDuring(() => summaryOf(round.id, 'PC-1', 'PHL'), PUBLISHED)).toBe(0);
    // Signed-in admins see every rating as it stands: never from the public cache.
    const adminView = await request(server)
      .get(`/api/v1/consultations/${round.id}/recommendations/PC-2/ratings/summary`)
      .query({ country: 'NPL' })
      .set(admin.auth)
      .expect(200);
    expect(adminView.body.n).toBe(10);
  });

  it('counts a round’s coverage once for readers who ask together, and never serves an older count', async () => {
    const round = await openConsultation(testApp, admin, { recommendationCodes: ['HR-1'], countryIso3s: ['PHL'] });
    const coverage = () => request(server).get(`/api/v1/consultations/${round.id}/coverage`).expect(200);
    const COUNT = /count\(\*\)::int AS comments/;
    await coverage();
    expect(await statementsDuring(() => burst(8, coverage), COUNT, true)).toBe(1);
    // A comment posted now is in the next answer: only overlapping requests share a count.
    const [author] = await quickParticipants(testApp, 1, { countryIso3: 'PHL' });
    await request(server)
      .post(`/api/v1/consultations/${round.id}/recommendations/HR-1/comments`)
      .set(author!.auth)
      .send({ body: 'Counted at once' })
      .expect(201);
    expect((await coverage()).body.items[0].comments).toBe(1);
  });

  it('renders a replay page once for clients reconnecting together, and a new event makes a new page', async () => {
    const round = await openConsultation(testApp, admin, { recommendationCodes: ['SD-1'], countryIso3s: ['PHL'] });
    const [author] = await quickParticipants(testApp, 1, { countryIso3: 'PHL' });
    const url = `/api/v1/consultations/${round.id}/recommendations/SD-1/comments`;
    for (let i = 0; i < 5; i++)
      await request(server)
        .post(url)
        .set(author!.auth)
        .send({ body: `Event ${i}` })
        .expect(201);
    const replay = () =>
      request(server)
        .get(`/api/v1/consultations/${round.id}/recommendations/SD-1/events`)
        .set('X-Forwarded-For', '203.0.113.95')
        .query({ after: 0, limit: 100 })
        .expect(200);
    const LOG = /FROM thread_event/;
    await replay();
    expect(await statementsDuring(() => burst(8, replay), LOG, true)).toBe(0);
    await request(server).post(url).set(author!.auth).send({ body: 'One more' }).expect(201);
    const pages = await Promise.all([replay(), replay()]);
    for (const page of pages)
      expect(page.body.items.map((item: { payload: { body?: string } }) => item.payload.body)).toContain('One more');
  });

  it('budgets signed-out replay pages that must be rendered, per address; cached pages and signed-in readers are not counted', async () => {
    const round = await openConsultation(testApp, admin, { recommendationCodes: ['SD-2'], countryIso3s: ['PHL'] });
    const [author] = await quickParticipants(testApp, 1, { countryIso3: 'PHL' });
    for (let i = 0; i < 6; i++)
      await request(server)
        .post(`/api/v1/consultations/${round.id}/recommendations/SD-2/comments`)
        .set(author!.auth)
        .send({ body: `Page ${i}` })
        .expect(201);
    const replay = (address: string, after: number) =>
      request(server).get(`/api/v1/consultations/${round.id}/recommendations/SD-2/events`).set('X-Forwarded-For', address).query({ after });
    for (const after of [0, 1, 2]) await replay('203.0.113.96', after).expect(200);
    const refused = await replay('203.0.113.96', 3).expect(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    // Once the budget is spent, the address waits out the minute (before any database work).
    await replay('203.0.113.96', 0).expect(429);
    await replay('198.51.100.96', 3).expect(200);
    await replay('198.51.100.96', 3).expect(200);
    for (const after of [4, 5, 6, 4, 5]) await replay('203.0.113.96', after).set(author!.auth).expect(200);
  });

  it('budgets new dashboard questions per address; asked again, or from elsewhere, they are answered', async () => {
    const round = await openConsultation(testApp, admin, { recommendationCodes: ['WS-1'], countryIso3s: ['PHL'] });
    const ask = (address: string, query: Record<string, string>) =>
      request(server)
        .get('/api/v1/dashboard')
        .set('X-Forwarded-For', address)
        .query({ consultationId: round.id, ...query });
    const questions: Array<Record<string, string>> = [{}, { countryIso3: 'PHL' }, { to: '2026-12-01' }];
    for (const question of questions) await ask('203.0.113.90', question).expect(200);
    const refused = await ask('203.0.113.90', { stakeholderType: 'academia' }).expect(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Questions already answered cost nothing, so they are not refused, in any spelling.
    await ask('203.0.113.90', {}).expect(200);
    await ask('203.0.113.90', { to: '2026-12-01T00:00:00.000Z' }).expect(200);
    // Another address has its own budget.
    await ask('198.51.100.90', { stakeholderType: 'academia' }).expect(200);
    // And eight readers asking one new question together cost one computation of it.
    const computed = await statementsDuring(
      () =>
        Promise.all(
          ['198.51.100.91', '198.51.100.92'].flatMap((address) =>
            [0, 1, 2, 3].map(() => ask(address, { stakeholderType: 'media' }).expect(200)),
          ),
        ),
      PUBLISHED,
      true,
    );
    const single = await statementsDuring(() => ask('198.51.100.93', { stakeholderType: 'other' }).expect(200), PUBLISHED);
    expect(computed).toBeLessThanOrEqual(single);
  });
});
