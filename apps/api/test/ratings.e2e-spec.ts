import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { Consultation } from '@compact-voices/contracts';
import { signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

describe('ratings, summaries and official self-assessments', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;
  let round: Consultation;
  const ratingUrl = (code: string, iso3: string) => `/api/v1/consultations/${round.id}/recommendations/${code}/ratings/${iso3}`;
  const summaryUrl = (code: string, iso3: string) =>
    `/api/v1/consultations/${round.id}/recommendations/${code}/ratings/summary?country=${iso3}`;

  /** An organisation of `type` in `country` with `n` active members acting for it. */
  async function organisationWithMembers(type: string, country: string, n: number, verify: boolean): Promise<SignedIn[]> {
    const owner = await signUpAndIn(testApp);
    const organisation = (
      await request(server)
        .post('/api/v1/organisations')
        .set(owner.auth)
        .send({ name: `${type} ${country} ${owner.user.id}`, stakeholderType: type, countryIso3: country })
        .expect(201)
    ).body;
    if (verify) await request(server).post(`/api/v1/organisations/${organisation.id}/verify`).set(admin.auth).expect(200);
    const members = [owner];
    for (let i = 1; i < n; i++) {
      const member = await signUpAndIn(testApp);
      await request(server).post(`/api/v1/organisations/${organisation.id}/join`).set(member.auth).expect(202);
      await request(server).post(`/api/v1/organisations/${organisation.id}/members/${member.user.id}/accept`).set(owner.auth).expect(200);
      members.push(member);
    }
    for (const member of members)
      await request(server).patch('/api/v1/me').set(member.auth).send({ actingOrganisationId: organisation.id }).expect(200);
    return members;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    round = await openConsultation(testApp, admin, {
      recommendationCodes: ['PC-1', 'HR-1', 'CS-3', 'WS-2'],
      countryIso3s: ['NPL', 'PHL', 'LKA'],
    });
  }, 120_000);

  afterAll(() => testApp.close());

  it('creates and replaces my rating, keeping history, with the acting identity copied in', async () => {
    const me = await signUpAndIn(testApp);
    const first = await request(server)
      .put(ratingUrl('PC-1', 'NPL'))
      .set(me.auth)
      .send({ score: 1, evidence: 'A draft policy exists', evidenceUrl: 'https://example.gov.np/policy' })
      .expect(200);
    expect(first.body).toMatchObject({ countryIso3: 'NPL', score: 1, dontKnow: false, evidence: 'A draft policy exists' });
    const second = await request(server).put(ratingUrl('PC-1', 'NPL')).set(me.auth).send({ score: null, dontKnow: true }).expect(200);
    expect(second.body).toMatchObject({ score: null, dontKnow: true, evidence: null });
    const rows = await testApp.dataSource.query(`SELECT id, score, dont_know, rater_stakeholder_type FROM rating WHERE user_id = $1`, [
      me.user.id,
    ]);
    expect(rows).toEqual([{ id: expect.any(String), score: null, dont_know: true, rater_stakeholder_type: 'individual' }]);
    const history = await testApp.dataSource.query(`SELECT score FROM rating_revision WHERE rating_id = $1`, [rows[0].id]);
    expect(history).toEqual([{ score: 1 }]);
    const mine = await request(server).get(`/api/v1/consultations/${round.id}/recommendations/PC-1/ratings/mine`).set(me.auth).expect(200);
    expect(mine.body.items).toHaveLength(1);
  });

  it.each([
    [{ score: 5 }, 'score'],
    [{ score: -1 }, 'score'],
    [{ score: 2.5 }, 'score'],
    [{ score: '3' }, 'score'],
    [{ score: null }, 'score'],
    [{ score: 2, dontKnow: true }, 'score'],
    [{ score: 2, evidence: 'x'.repeat(2001) }, 'evidence'],
    [{ score: 2, evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl'],
    [{ score: 2, userId: '00000000-0000-4000-8000-000000000000' }, 'userId'],
  ])('refuses %j with 400 and changes nothing', async (body, field) => {
    const me = await signUpAndIn(testApp);
    const response = await request(server).put(ratingUrl('HR-1', 'NPL')).set(me.auth).send(body).expect(400);
    expect(response.body.details[0].field).toBe(field);
    expect(await testApp.dataSource.query(`SELECT 1 FROM rating WHERE user_id = $1`, [me.user.id])).toEqual([]);
  });

  it('refuses countries and recommendations outside the round', async () => {
    const me = await signUpAndIn(testApp);
    expect((await request(server).put(ratingUrl('HR-1', 'IND')).set(me.auth).send({ score: 2 }).expect(400)).body.code).toBe(
      'NOT_IN_SCOPE',
    );
    expect((await request(server).put(ratingUrl('GR-1', 'NPL')).set(me.auth).send({ score: 2 }).expect(404)).body.code).toBe(
      'NOT_IN_SCOPE',
    );
    expect((await request(server).put(ratingUrl('HR-1', 'N1L')).set(me.auth).send({ score: 2 }).expect(404)).body.code).toBe(
      'COUNTRY_NOT_FOUND',
    );
  });

  it('keeps exactly one row when one person sends 20 updates at once', async () => {
    const me = await signUpAndIn(testApp);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(server)
          .put(ratingUrl('CS-3', 'PHL'))
          .set(me.auth)
          .send({ score: i % 5 }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const rows = await testApp.dataSource.query(`SELECT id, score FROM rating WHERE user_id = $1`, [me.user.id]);
    expect(rows).toHaveLength(1);
    const [{ revisions }] = await testApp.dataSource.query(`SELECT count(*)::int AS revisions FROM rating_revision WHERE rating_id = $1`, [
      rows[0].id,
    ]);
    expect(revisions).toBe(19);
    // The final value is the one whose update committed last: the newest history row's successor.
    const [{ last }] = await testApp.dataSource.query(`SELECT max(replaced_at) AS last FROM rating_revision WHERE rating_id = $1`, [
      rows[0].id,
    ]);
    expect(last).toBeTruthy();
  });

  it('shows a cell only once five people scored — "don’t know" neither pads it nor shows under five — and all to admins', async () => {
    const raters: SignedIn[] = [];
    for (let i = 0; i < 4; i++) {
      const rater = await signUpAndIn(testApp);
      raters.push(rater);
      await request(server).put(ratingUrl('WS-2', 'LKA')).set(rater.auth).send({ score: i }).expect(200);
    }
    const hidden = await request(server).get(summaryUrl('WS-2', 'LKA')).expect(200);
    expect(hidden.body).toMatchObject({
      suppressed: true,
      n: null,
      distribution: null,
      median: null,
      mean: null,
      gap: null,
      byStakeholderType: null,
    });
    const seen = await request(server).get(summaryUrl('WS-2', 'LKA')).set(admin.auth).expect(200);
    expect(seen.body).toMatchObject({
      suppressed: true,
      n: 4,
      median: 1.5,
      mean: 1.5,
      distribution: { '0': 1, '1': 1, '2': 1, '3': 1, '4': 0, dontKnow: 0 },
    });
    const unsure = await signUpAndIn(testApp);
    await request(server).put(ratingUrl('WS-2', 'LKA')).set(unsure.auth).send({ score: null, dontKnow: true }).expect(200);
    expect((await request(server).get(summaryUrl('WS-2', 'LKA')).expect(200)).body).toMatchObject({ suppressed: true, n: null });
    const fifth = await signUpAndIn(testApp);
    await request(server).put(ratingUrl('WS-2', 'LKA')).set(fifth.auth).send({ score: 4 }).expect(200);
    const shown = await request(server).get(summaryUrl('WS-2', 'LKA')).expect(200);
    expect(shown.body).toMatchObject({
      suppressed: false,
      n: 5,
      median: 2,
      mean: 2,
      distribution: { '0': 1, '1': 1, '2': 1, '3': 1, '4': 1, dontKnow: null },
    });
    expect(shown.body.byStakeholderType).toEqual({ individual: { n: 5, median: 2, mean: null } });
  });

  it('computes the perception gap on a hand-computed fixture, counting only verified governments (and posts the official status)', async () => {
    const government = await organisationWithMembers('government', 'NPL', 5, true);
    const civilSociety = await organisationWithMembers('migrant-organisation', 'NPL', 5, false);
    const pretenders = await organisationWithMembers('government', 'NPL', 2, false);
    const governmentScores = [4, 4, 3, 4, 3];
    const civilScores = [1, 2, 1, 0, 2];
    for (const [i, member] of government.entries())
      await request(server).put(ratingUrl('HR-1', 'NPL')).set(member.auth).send({ score: governmentScores[i] }).expect(200);
    for (const [i, member] of civilSociety.entries())
      await request(server).put(ratingUrl('HR-1', 'NPL')).set(member.auth).send({ score: civilScores[i] }).expect(200);
    for (const member of pretenders) await request(server).put(ratingUrl('HR-1', 'NPL')).set(member.auth).send({ score: 0 }).expect(200);

    // The two pretenders are a change of two: held back until more ratings can go with them.
    const summary = (await request(server).get(summaryUrl('HR-1', 'NPL')).expect(200)).body;
    expect(summary).toMatchObject({ suppressed: false, n: 10, median: 2.5, mean: 2.4 });
    expect(summary.distribution).toEqual({ '0': 1, '1': 2, '2': 2, '3': 2, '4': 3, dontKnow: null });
    // median(4,4,3,4,3) = 4; median(1,2,1,0,2) = 1; the unverified "government" is not the government side.
    expect(summary.gap.value).toBe(3);
    expect(summary.gap.ciLow).toBeGreaterThanOrEqual(1);
    expect(summary.gap.ciHigh).toBeLessThanOrEqual(4);
    expect(summary.gap.ciLow).toBeLessThanOrEqual(3);
    expect(summary.gap.ciHigh).toBeGreaterThanOrEqual(3);
    // Types publish n and median, never a mean (n × mean would subtract).
    expect(summary.byStakeholderType.government).toEqual({ n: 5, median: 4, mean: null });
    expect(summary.byStakeholderType['migrant-organisation']).toEqual({ n: 5, median: 1, mean: null });
    expect((await request(server).get(summaryUrl('HR-1', 'NPL')).expect(200)).body.gap).toEqual(summary.gap);
    // Three more raters make a batch of five with the pretenders: published, and the gap is unmoved by them.
    for (const score of [2, 2, 2]) {
      const individual = await signUpAndIn(testApp);
      await request(server).put(ratingUrl('HR-1', 'NPL')).set(individual.auth).send({ score }).expect(200);
    }
    const later = (await request(server).get(summaryUrl('HR-1', 'NPL')).expect(200)).body;
    expect(later).toMatchObject({ n: 15, distribution: { '0': 3, '1': 2, '2': 5, '3': 2, '4': 3, dontKnow: null } });
    // An unverified "government" speaks as the people in it (individuals), never as the government: the
    // other side is now 1,2,1,0,2 + 0,0 + 2,2,2, median 1.5; the government side is unmoved at 4.
    expect(later.gap.value).toBe(2.5);
    expect(later.byStakeholderType.government).toEqual({ n: 5, median: 4, mean: null });
    expect(later.byStakeholderType.individual).toMatchObject({ n: 5 });

    // Official status: only a member of a verified government organisation of that country.
    const officialUrl = `/api/v1/consultations/${round.id}/recommendations/HR-1/official/NPL`;
    expect((await request(server).put(officialUrl).set(civilSociety[0]!.auth).send({ score: 4 }).expect(403)).body.code).toBe(
      'NOT_GOVERNMENT_REPRESENTATIVE',
    );
    await request(server).put(officialUrl).set(pretenders[0]!.auth).send({ score: 4 }).expect(403);
    await request(server)
      .put(`/api/v1/consultations/${round.id}/recommendations/HR-1/official/PHL`)
      .set(government[0]!.auth)
      .send({ score: 4 })
      .expect(403);
    await request(server).put(officialUrl).set(government[0]!.auth).send({ score: 3, narrative: 'Ratification under review.' }).expect(200);
    const updated = await request(server)
      .put(officialUrl)
      .set(government[1]!.auth)
      .send({ score: 4, narrative: 'Ratified in 2027.' })
      .expect(200);
    expect(updated.body).toMatchObject({
      countryIso3: 'NPL',
      score: 4,
      narrative: 'Ratified in 2027.',
      organisation: { name: expect.stringContaining('government NPL') },
    });
    expect((await request(server).get(summaryUrl('HR-1', 'NPL')).expect(200)).body.official).toMatchObject({ score: 4 });
    const [{ revisions }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS revisions FROM official_assessment_revision WHERE consultation_id = $1`,
      [round.id],
    );
    expect(revisions).toBe(1);

    // Coverage on the round page: counts only, every recommendation in scope, in the chapter's order.
    const coverage = (await request(server).get(`/api/v1/consultations/${round.id}/coverage`).expect(200)).body.items;
    expect(coverage.map((c: { recommendationCode: string }) => c.recommendationCode)).toEqual(['PC-1', 'HR-1', 'CS-3', 'WS-2']);
    expect(coverage.find((c: { recommendationCode: string }) => c.recommendationCode === 'HR-1')).toEqual({
      recommendationCode: 'HR-1',
      raters: 15,
      countriesRated: 1,
      comments: 0,
    });
    expect(JSON.stringify(coverage)).not.toMatch(/score|median|user/);
  }, 120_000);
});
