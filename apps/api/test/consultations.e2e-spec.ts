import request from 'supertest';
import type { App } from 'supertest/types.js';
import { signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3_600_000;

describe('consultation rounds', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;
  let participant: SignedIn;

  beforeAll(async () => {
    testApp = await createTestApp();
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    participant = await signUpAndIn(testApp);
  });

  afterAll(() => testApp.close());

  const draft = (overrides: Record<string, unknown> = {}) => ({
    title: 'Draft round',
    description: 'Round **one** <script>alert(1)</script>',
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 48 * HOUR).toISOString(),
    moderationMode: 'post',
    ...overrides,
  });

  it('lets only admins create rounds; a draft is invisible to everyone else', async () => {
    await request(server).post('/api/v1/consultations').set(participant.auth).send(draft()).expect(403);
    await request(server).post('/api/v1/consultations').send(draft()).expect(401);
    const created = await request(server)
      .post('/api/v1/consultations')
      .set(admin.auth)
      .send(draft({ recommendationCodes: ['HR-1', 'PC-1'], countryIso3s: ['NPL', 'PHL'] }))
      .expect(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      acceptingContributions: false,
      recommendationCodes: ['PC-1', 'HR-1'],
      countryIso3s: ['NPL', 'PHL'],
      moderationMode: 'post',
    });
    expect(created.body.descriptionHtml).toBe('<p>Round <strong>one</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    const hidden = await request(server).get(`/api/v1/consultations/${created.body.id}`).expect(404);
    expect(hidden.body.code).toBe('CONSULTATION_NOT_FOUND');
    await request(server).get(`/api/v1/consultations/${created.body.id}`).set(participant.auth).expect(404);
    await request(server).get(`/api/v1/consultations/${created.body.id}`).set(admin.auth).expect(200);
    const publicList = await request(server).get('/api/v1/consultations').expect(200);
    expect(publicList.body.items.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
    const adminList = await request(server).get('/api/v1/consultations').set(admin.auth).expect(200);
    expect(adminList.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
  });

  it('takes every recommendation and country when no scope is given', async () => {
    const created = await request(server).post('/api/v1/consultations').set(admin.auth).send(draft()).expect(201);
    expect(created.body.recommendationCodes).toHaveLength(32);
    expect(created.body.countryIso3s).toHaveLength(66);
  });

  it.each([
    [{ closesAt: new Date(Date.now() - 48 * HOUR).toISOString() }, 'closesAt'],
    [{ opensAt: 'tomorrow' }, 'opensAt'],
    [{ moderationMode: 'none' }, 'moderationMode'],
    [{ title: 'x' }, 'title'],
    [{ recommendationCodes: ['ZZ-1'] }, 'recommendationCodes'],
    [{ countryIso3s: ['XXX'] }, 'countryIso3s'],
    [{ recommendationCodes: [] }, 'recommendationCodes'],
    [{ countryIso3s: [] }, 'countryIso3s'],
    [{ status: 'open' }, 'status'],
  ])('refuses %j with 400', async (overrides, field) => {
    const response = await request(server).post('/api/v1/consultations').set(admin.auth).send(draft(overrides)).expect(400);
    expect(response.body.details[0].field).toBe(field);
  });

  it('moves draft → open → closed → archived by hand, refuses other moves, and logs each', async () => {
    const round = await openConsultation(testApp, admin);
    expect(round).toMatchObject({ status: 'open', acceptingContributions: true });
    const back = await request(server).patch(`/api/v1/consultations/${round.id}`).set(admin.auth).send({ status: 'draft' }).expect(409);
    expect(back.body.code).toBe('INVALID_STATUS_TRANSITION');
    await request(server).patch(`/api/v1/consultations/${round.id}`).set(participant.auth).send({ status: 'closed' }).expect(403);
    const closed = await request(server).patch(`/api/v1/consultations/${round.id}`).set(admin.auth).send({ status: 'closed' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', acceptingContributions: false });
    await request(server).patch(`/api/v1/consultations/${round.id}`).set(admin.auth).send({ status: 'archived' }).expect(200);
    await request(server).patch(`/api/v1/consultations/${round.id}`).set(admin.auth).send({ status: 'open' }).expect(409);
    const actions = (await testApp.dataSource.query(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY id`, [round.id])).map(
      (row: { action: string }) => row.action,
    );
    expect(actions).toEqual(['consultation.created', 'consultation.open', 'consultation.closed', 'consultation.archived']);
  });

  it('closes by time: past its closing time an open round reads as closed and refuses writes', async () => {
    const round = await openConsultation(testApp, admin);
    await testApp.dataSource.query(
      `UPDATE consultation SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 second' WHERE id = $1`,
      [round.id],
    );
    const read = await request(server).get(`/api/v1/consultations/${round.id}`).expect(200);
    expect(read.body).toMatchObject({ status: 'closed', acceptingContributions: false });
    const write = await request(server)
      .post(`/api/v1/consultations/${round.id}/recommendations/PC-1/comments`)
      .set(participant.auth)
      .send({ body: 'Too late?' })
      .expect(409);
    expect(write.body.code).toBe('CONSULTATION_CLOSED');
    // Not yet open either: published but before opensAt.
    const early = await openConsultation(testApp, admin, {
      opensAt: new Date(Date.now() + HOUR).toISOString(),
      closesAt: new Date(Date.now() + 2 * HOUR).toISOString(),
    });
    expect(early).toMatchObject({ status: 'open', acceptingContributions: false });
    await request(server)
      .put(`/api/v1/consultations/${early.id}/recommendations/PC-1/ratings/NPL`)
      .set(participant.auth)
      .send({ score: 2 })
      .expect(409);
  });

  it('sets the moderators of a round (admin), refusing unknown accounts', async () => {
    const round = await openConsultation(testApp, admin);
    const moderator = await signUpAndIn(testApp);
    const set = await request(server)
      .put(`/api/v1/consultations/${round.id}/moderators`)
      .set(admin.auth)
      .send({ userIds: [moderator.user.id] })
      .expect(200);
    // With each person's name and government ties, so the secretariat sees a conflict before assigning one.
    expect(set.body).toEqual({
      userIds: [moderator.user.id],
      people: [{ userId: moderator.user.id, displayName: moderator.user.displayName, governmentTies: [] }],
    });
    const unknown = await request(server)
      .put(`/api/v1/consultations/${round.id}/moderators`)
      .set(admin.auth)
      .send({ userIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(unknown.body.code).toBe('USER_NOT_FOUND');
    await request(server).put(`/api/v1/consultations/${round.id}/moderators`).set(participant.auth).send({ userIds: [] }).expect(403);
    expect((await request(server).get(`/api/v1/consultations/${round.id}/moderators`).set(admin.auth).expect(200)).body.userIds).toEqual([
      moderator.user.id,
    ]);
  });
});
