import request from 'supertest';
import type { App } from 'supertest/types.js';
import { io, type Socket } from 'socket.io-client';
import type { Consultation, Dashboard, RatingSummary } from '@compact-voices/contracts';
import { RatingReleasesService } from '../src/modules/disclosure/rating-releases.service.js';
import { signIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { quickOrganisation, quickParticipants, rate } from './support/participants.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';
import { seededRandom } from '../src/modules/disclosure/statistics.js';

/**
 * Differencing and padding attacks on public figures, run as an attacker would (public API, no
 * account), each over repeated trials with a hidden rater whose score is random. For every trial
 * the attacker forms the difference of two public answers and tries to read the hidden score off
 * it: it is "recovered" when the difference holds that person alone, or with fewer than four others.
 * The same attack on the admins' (unpublished) figures recovers every hidden score — so the attack
 * works, and only the disclosure layer stops it.
 */

type Histogram = [number, number, number, number, number];

function histogramOf(summary: Pick<RatingSummary, 'distribution'> | { counts: RatingSummary['distribution'] } | undefined): Histogram {
  const distribution = summary && ('distribution' in summary ? summary.distribution : summary.counts);
  return distribution ? [distribution['0'], distribution['1'], distribution['2'], distribution['3'], distribution['4']] : [0, 0, 0, 0, 0];
}

const minus = (a: Histogram, b: Histogram): Histogram => a.map((value, score) => value - b[score]!) as Histogram;

/** What the difference tells about the people it adds: how many, and the most likely score. */
function read(difference: Histogram): { people: number; guess: number | null } {
  const people = difference.reduce((sum, value) => sum + Math.max(0, value), 0);
  if (people === 0) return { people, guess: null };
  return { people, guess: difference.indexOf(Math.max(...difference)) };
}

const TRIALS = 8;
const CODES = ['PC-1', 'PC-2', 'PC-3', 'IC-1', 'IC-2', 'NS-1', 'RL-1', 'RL-2', 'SD-1', 'HR-1', 'HR-2', 'GR-1'];

describe('disclosure control against differencing and padding', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    testApp = await createTestApp({}, { listen: true });
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await testApp.close();
  });

  const summary = async (round: Consultation, code: string, country?: string, as?: SignedIn): Promise<RatingSummary> => {
    const call = request(server)
      .get(`/api/v1/consultations/${round.id}/recommendations/${code}/ratings/summary`)
      .query(country ? { country } : {});
    if (as) call.set(as.auth);
    return (await call.expect(200)).body as RatingSummary;
  };
  const dashboard = async (query: Record<string, string>): Promise<Dashboard> =>
    (await request(server).get('/api/v1/dashboard').query(query).expect(200)).body as Dashboard;
  const distributionOf = (board: Dashboard, code: string) => board.distributions.find((d) => d.recommendationCode === code);

  it('differencing countries, a subregion and the dashboard recovers no hidden score; the same attack on unpublished figures recovers every one', async () => {
    const round = await openConsultation(testApp, admin, { recommendationCodes: CODES, countryIso3s: ['PHL', 'MYS', 'NPL'] });
    const rand = seededRandom(12);
    const outcomes: Array<{
      hidden: number;
      attacks: Array<{ people: number; guess: number | null }>;
      control: { people: number; guess: number | null };
      visible: Histogram;
    }> = [];
    for (const code of CODES.slice(0, TRIALS)) {
      const visibleScores = Array.from({ length: 5 }, () => Math.floor(rand() * 5));
      const hidden = Math.floor(rand() * 5);
      await rate(
        testApp,
        await quickParticipants(testApp, 5, { countryIso3: 'PHL' }),
        { consultationId: round.id, recommendationCode: code, countryIso3: 'PHL' },
        visibleScores,
      );
      await rate(
        testApp,
        await quickParticipants(testApp, 1, { countryIso3: 'MYS' }),
        { consultationId: round.id, recommendationCode: code, countryIso3: 'MYS' },
        [hidden],
      );
      const philippines = histogramOf(await summary(round, code, 'PHL'));
      const attacks = [
        // All countries minus the sibling country.
        read(minus(histogramOf(await summary(round, code)), philippines)),
        // The subregion minus its visible country, and everything minus it, on the dashboard.
        read(
          minus(
            histogramOf(
              distributionOf(await dashboard({ consultationId: round.id, recommendationCode: code, subregion: 'South-East Asia' }), code),
            ),
            histogramOf(distributionOf(await dashboard({ consultationId: round.id, recommendationCode: code, countryIso3: 'PHL' }), code)),
          ),
        ),
        read(
          minus(
            histogramOf(distributionOf(await dashboard({ recommendationCode: code }), code)),
            histogramOf(distributionOf(await dashboard({ recommendationCode: code, countryIso3: 'PHL' }), code)),
          ),
        ),
      ];
      const control = read(
        minus(histogramOf(await summary(round, code, undefined, admin)), histogramOf(await summary(round, code, 'PHL', admin))),
      );
      outcomes.push({ hidden, attacks, control, visible: philippines });
    }
    // The attack itself works: on the admins' figures every hidden score is read off exactly.
    expect(outcomes.every((o) => o.control.people === 1 && o.control.guess === o.hidden)).toBe(true);
    // On public figures no difference holds anyone at all: the hidden rater is in none of them.
    expect(outcomes.flatMap((o) => o.attacks).filter((attack) => attack.people > 0)).toEqual([]);
    // And a cell of five ordinary raters still shows its distribution.
    expect(outcomes.every((o) => o.visible.reduce((a, b) => a + b, 0) === 5)).toBe(true);
    // The round page counts the five published raters, not the hidden one.
    const coverage = (await request(server).get(`/api/v1/consultations/${round.id}/coverage`).expect(200)).body.items;
    expect(coverage.find((c: { recommendationCode: string }) => c.recommendationCode === CODES[0])).toMatchObject({
      raters: 5,
      countriesRated: 1,
    });
  });

  it('a breakdown inside a visible cell gives no one away: no type against its cell, no type moving by one person', async () => {
    const round = await openConsultation(testApp, admin, { recommendationCodes: CODES, countryIso3s: ['NPL'] });
    const rand = seededRandom(7);
    for (const code of CODES.slice(0, TRIALS)) {
      const cell = { consultationId: round.id, recommendationCode: code, countryIso3: 'NPL' };
      const hidden = Math.floor(rand() * 5);
      // Five civil-society and five individual raters: both types published.
      await rate(testApp, await quickParticipants(testApp, 5, { stakeholderType: 'civil-society' }), cell, [1, 2, 2, 3, 0]);
      await rate(testApp, await quickParticipants(testApp, 5, { stakeholderType: 'individual' }), cell, [4, 4, 3, 2, 1]);
      const before = await summary(round, code, 'NPL');
      expect(before.byStakeholderType).toMatchObject({ 'civil-society': { n: 5, median: 2 }, individual: { n: 5, median: 3 } });
      // A hidden academic (the only one) and four more civil-society raters: a batch of five.
      await rate(testApp, await quickParticipants(testApp, 1, { stakeholderType: 'academia' }), cell, [hidden]);
      await rate(testApp, await quickParticipants(testApp, 4, { stakeholderType: 'civil-society' }), cell, [2, 2, 2, 2]);
      const after = await summary(round, code, 'NPL');
      expect(after.n).toBe(15);
      // "Overall mean × n minus a type's mean × n": the public gets no mean for a type.
      expect(Object.values(after.byStakeholderType ?? {}).every((figures) => 'suppressed' in figures || figures.mean === null)).toBe(true);
      // The lone academic has no figure, and no type figure moved by fewer than five people.
      expect(after.byStakeholderType?.academia).toBeUndefined();
      for (const [type, figures] of Object.entries(after.byStakeholderType ?? {})) {
        const earlier = before.byStakeholderType?.[type as 'individual'];
        if (earlier && !('suppressed' in earlier) && !('suppressed' in figures))
          expect([0, ...[5, 6, 7, 8, 9, 10]]).toContain(Math.abs(figures.n - earlier.n));
      }
      // The cell moved by the whole batch of five: the hidden score is one of five.
      expect(read(minus(histogramOf(after), histogramOf(before))).people).toBe(5);
    }
  });

  it('time cuts are whole days at least a week apart, and see releases only: one rating a day isolates no one', async () => {
    const round = await openConsultation(testApp, admin, { recommendationCodes: CODES, countryIso3s: ['LKA'] });
    const noon = new Date();
    noon.setUTCHours(12, 0, 0, 0);
    const day = (offset: number) => new Date(Date.UTC(noon.getUTCFullYear(), noon.getUTCMonth(), noon.getUTCDate() + offset)).toISOString();
    const refused = await request(server).get('/api/v1/dashboard').query({ to: noon.toISOString() }).expect(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'to', reason: 'wholeDays' })],
    });
    expect(
      (
        await request(server)
          .get('/api/v1/dashboard')
          .query({ from: day(-3), to: day(0) })
          .expect(400)
      ).body.details[0],
    ).toMatchObject({ reason: 'minimumWindow' });
    const rand = seededRandom(3);
    for (const code of CODES.slice(0, TRIALS)) {
      const cell = { consultationId: round.id, recommendationCode: code, countryIso3: 'LKA' };
      // Day 1: five raters, published; the release is moved to three days ago.
      await rate(testApp, await quickParticipants(testApp, 5), cell, [0, 1, 2, 3, 4]);
      await testApp.dataSource.query(
        `UPDATE rating_release SET released_at = now() - interval '3 days' WHERE consultation_id = $1 AND recommendation_code = $2`,
        [round.id, code],
      );
      // Day 2: the hidden rater alone. Nothing is published for one rating.
      const hidden = Math.floor(rand() * 5);
      await rate(testApp, await quickParticipants(testApp, 1), cell, [hidden]);
      const cuts = async (days: number[]) =>
        Promise.all(
          days.map(async (offset) =>
            histogramOf(distributionOf(await dashboard({ consultationId: round.id, recommendationCode: code, to: day(offset) }), code)),
          ),
        );
      const [yesterday, today, tomorrow] = await cuts([-1, 0, 1]);
      expect(read(minus(tomorrow!, yesterday!)).people).toBe(0);
      expect(read(minus(today!, yesterday!)).people).toBe(0);
      // Day 3: four more, and the batch of five is published together.
      await rate(testApp, await quickParticipants(testApp, 4), cell, [2, 2, 3, 3]);
      const [beforeBatch, afterBatch] = await cuts([0, 1]);
      const batch = read(minus(afterBatch!, beforeBatch!));
      expect(batch.people).toBe(5);
      // The log of live events carries the batch, not the single rating: one summary event per release.
      const logged = await testApp.dataSource.query(
        `SELECT seq FROM thread_event WHERE consultation_id = $1 AND recommendation_code = $2 AND type = 'ratings.summary' ORDER BY seq`,
        [round.id, code],
      );
      expect(logged).toHaveLength(2);
      // A replay from before both renders the cell once, as it reads now (the summary is a state, not a change).
      const events = (
        await request(server).get(`/api/v1/consultations/${round.id}/recommendations/${code}/events`).query({ after: 0 }).expect(200)
      ).body.items;
      expect(events.filter((event: { type: string }) => event.type === 'ratings.summary')).toHaveLength(1);
    }
  });

  it('live summaries arrive per batch of five or more, never one rating at a time', async () => {
    const round = await openConsultation(testApp, admin, { recommendationCodes: ['WS-1'], countryIso3s: ['BGD'] });
    const socket = io(`${testApp.url()}/live`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    expect(await socket.timeout(5_000).emitWithAck('thread:join', { consultationId: round.id, recommendationCode: 'WS-1' })).toMatchObject({
      ok: true,
    });
    const received: RatingSummary[] = [];
    socket.on('ratings.summary', (event: { summary: RatingSummary }) => received.push(event.summary));
    const cell = { consultationId: round.id, recommendationCode: 'WS-1', countryIso3: 'BGD' };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
    for (const score of [1, 2, 3, 4]) {
      await rate(testApp, await quickParticipants(testApp, 1), cell, [score]);
      await settle();
      expect(received).toHaveLength(0);
    }
    await rate(testApp, await quickParticipants(testApp, 1), cell, [0]);
    await settle();
    expect(received.map((s) => s.n)).toEqual([5]);
    // One more (the hidden rater), then three: nothing is sent; the fourth completes a batch.
    for (const score of [4, 1, 1, 1]) {
      await rate(testApp, await quickParticipants(testApp, 1), cell, [score]);
      await settle();
      expect(received).toHaveLength(1);
    }
    await rate(testApp, await quickParticipants(testApp, 1), cell, [1]);
    await settle();
    expect(received.map((s) => s.n)).toEqual([5, 10]);
    expect(read(minus(histogramOf(received[1]!), histogramOf(received[0]!))).people).toBe(5);
  });

  it('padding opens no cell: "don’t know" sybils, one person’s several countries, accounts made the same day', async () => {
    const round = await openConsultation(testApp, admin, {
      recommendationCodes: ['GR-2', 'GR-3'],
      countryIso3s: ['PHL', 'MYS', 'THA', 'IDN', 'VNM'],
    });
    // Four throwaway "don't know" and one real score.
    const padded = { consultationId: round.id, recommendationCode: 'GR-2', countryIso3: 'PHL' };
    await rate(testApp, await quickParticipants(testApp, 4), padded, [null]);
    await rate(testApp, await quickParticipants(testApp, 1), padded, [4]);
    expect(await summary(round, 'GR-2', 'PHL')).toMatchObject({ suppressed: true, n: null, distribution: null });
    // One person rating five countries: five ratings, one person — nothing pooled or per country.
    const [one] = await quickParticipants(testApp, 1);
    for (const country of ['PHL', 'MYS', 'THA', 'IDN', 'VNM'])
      await rate(testApp, [one!], { consultationId: round.id, recommendationCode: 'GR-3', countryIso3: country }, [0]);
    expect(await summary(round, 'GR-3')).toMatchObject({ suppressed: true, n: null });
    const board = await dashboard({ consultationId: round.id, principleCode: 'GR' });
    expect(board.heatmap).toEqual([]);
    expect(board.distributions.filter((d) => d.counts !== null)).toEqual([]);
  });

  it('a country’s gap compares its own verified government bodies with civil society: a Malaysian ministry does not move the Philippines’ gap', async () => {
    const round = await openConsultation(testApp, admin, { recommendationCodes: ['HR-3'], countryIso3s: ['PHL', 'NPL'] });
    const philippines = { consultationId: round.id, recommendationCode: 'HR-3', countryIso3: 'PHL' };
    const malaysianMinistry = await quickOrganisation(testApp, { stakeholderType: 'government', countryIso3: 'MYS' });
    const manila = await quickOrganisation(testApp, { stakeholderType: 'government', countryIso3: 'PHL' });
    await rate(testApp, await quickParticipants(testApp, 5, { stakeholderType: 'civil-society' }), philippines, [1, 1, 1, 2, 0]);
    await rate(testApp, await quickParticipants(testApp, 5, { organisationId: malaysianMinistry }), philippines, [4, 4, 4, 4, 4]);
    // Ten raters published; the Malaysian ministry is no side of the Philippines' gap.
    expect(await summary(round, 'HR-3', 'PHL')).toMatchObject({ n: 10, gap: null });
    await rate(testApp, await quickParticipants(testApp, 5, { organisationId: manila }), philippines, [3, 3, 2, 3, 3]);
    const withGovernment = await summary(round, 'HR-3', 'PHL');
    expect(withGovernment.n).toBe(15);
    // median(3,3,2,3,3) − median(1,1,1,2,0) = 3 − 1.
    expect(withGovernment.gap?.value).toBe(2);
    // Pooled over countries: the mean of the per-country gaps.
    const nepal = { consultationId: round.id, recommendationCode: 'HR-3', countryIso3: 'NPL' };
    const kathmandu = await quickOrganisation(testApp, { stakeholderType: 'government', countryIso3: 'NPL' });
    await rate(testApp, await quickParticipants(testApp, 5, { stakeholderType: 'migrant-organisation' }), nepal, [0, 0, 1, 0, 0]);
    await rate(testApp, await quickParticipants(testApp, 5, { organisationId: kathmandu }), nepal, [4, 4, 4, 4, 4]);
    expect((await summary(round, 'HR-3', 'NPL')).gap?.value).toBe(4);
    expect((await summary(round, 'HR-3')).gap?.value).toBe(3);
    const board = await dashboard({ consultationId: round.id });
    expect(board.gaps).toEqual([expect.objectContaining({ recommendationCode: 'HR-3', value: 3 })]);
  });

  it('counts a rating only from an account at least RATER_MIN_ACCOUNT_AGE_HOURS old; it joins once the account comes of age', async () => {
    const strict = await createTestApp({ RATER_MIN_ACCOUNT_AGE_HOURS: '24' });
    try {
      const strictAdmin = await signIn(strict, TEST_ADMIN.email, TEST_ADMIN.password);
      const round = await openConsultation(strict, strictAdmin, { recommendationCodes: ['CS-1'], countryIso3s: ['KHM'] });
      const cell = { consultationId: round.id, recommendationCode: 'CS-1', countryIso3: 'KHM' };
      const newcomers = await quickParticipants(strict, 5, { ageHours: 1 });
      await rate(strict, newcomers, cell, [0, 1, 2, 3, 4]);
      const read = async () =>
        (
          await request(strict.app.getHttpServer())
            .get(`/api/v1/consultations/${round.id}/recommendations/CS-1/ratings/summary`)
            .query({ country: 'KHM' })
            .expect(200)
        ).body;
      expect(await read()).toMatchObject({ suppressed: true });
      const [{ checkAt }] = await strict.dataSource.query(`SELECT check_at AS "checkAt" FROM rating_cell WHERE consultation_id = $1`, [
        round.id,
      ]);
      expect(new Date(checkAt).getTime()).toBeGreaterThan(Date.now() + 20 * 3_600_000);
      // A day later (the clock moved by hand): the sweep publishes them.
      await strict.dataSource.query(`UPDATE app_user SET created_at = created_at - interval '1 day' WHERE id = ANY($1::uuid[])`, [
        newcomers.map((p) => p.id),
      ]);
      await strict.dataSource.query(`UPDATE rating_cell SET check_at = now() WHERE consultation_id = $1`, [round.id]);
      await strict.app.get(RatingReleasesService).sweep();
      expect(await read()).toMatchObject({ suppressed: false, n: 5 });
    } finally {
      await strict.close();
    }
  });
});
