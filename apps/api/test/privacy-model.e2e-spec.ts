import JSZip from 'jszip';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { Comment, Consultation, ExportJob } from '@compact-voices/contracts';
import { REFRESH_COOKIE, signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { quickParticipants, rate } from './support/participants.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

/**
 * docs/privacy.md, "Who can learn what about a protected participant": one test per row. Priya
 * writes in her own name, joins a trade union, turns protection on, writes again, and rates a
 * country with enough others for the cell to be published. Each role then looks for her.
 */
describe('the privacy model, role by role', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;
  let round: Consultation;
  let priya: SignedIn;
  let pseudonym: string;
  let namedComment: Comment;
  let protectedComment: Comment;
  let unionAdmin: SignedIn;
  let unionId: string;
  const NAME = 'Priya Raghunathan';

  /** Everything about Priya that must not be tied to her protected comment. */
  const secrets = () => [priya.email, priya.user.id, NAME];

  beforeAll(async () => {
    testApp = await createTestApp({}, { listen: true });
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    round = await openConsultation(testApp, admin, { recommendationCodes: ['PC-1'], countryIso3s: ['MYS'] });
    priya = await signUpAndIn(testApp, { displayName: NAME });
    unionAdmin = await signUpAndIn(testApp, { displayName: 'Union Secretary' });
    unionId = (
      await request(server)
        .post('/api/v1/organisations')
        .set(unionAdmin.auth)
        .send({ name: 'Domestic Workers Union', stakeholderType: 'trade-union', countryIso3: 'MYS' })
        .expect(201)
    ).body.id;
    await request(server).post(`/api/v1/organisations/${unionId}/join`).set(priya.auth).expect(202);
    const pending = (await request(server).get(`/api/v1/organisations/${unionId}/members`).set(unionAdmin.auth).expect(200)).body.items;
    await request(server)
      .post(`/api/v1/organisations/${unionId}/members/${pending.find((m: { status: string }) => m.status === 'pending').memberId}/accept`)
      .set(unionAdmin.auth)
      .expect(200);
    const thread = `/api/v1/consultations/${round.id}/recommendations/PC-1/comments`;
    namedComment = (await request(server).post(thread).set(priya.auth).send({ body: 'Our employers hold our passports.' }).expect(201))
      .body;
    await request(server).patch('/api/v1/me').set(priya.auth).send({ privacyMode: 'protected' }).expect(200);
    pseudonym = (await request(server).get('/api/v1/me').set(priya.auth).expect(200)).body.pseudonym;
    protectedComment = (
      await request(server)
        .post(thread)
        .set(priya.auth)
        .send({ body: 'I was sent home without my last three months of wages.', countryIso3: 'MYS' })
        .expect(201)
    ).body;
    await request(server)
      .put(`/api/v1/consultations/${round.id}/recommendations/PC-1/ratings/MYS`)
      .set(priya.auth)
      .send({ score: 0, evidence: 'My own case, with names of the agency staff' })
      .expect(200);
    await rate(
      testApp,
      await quickParticipants(testApp, 4),
      { consultationId: round.id, recommendationCode: 'PC-1', countryIso3: 'MYS' },
      [1, 2, 3, 4],
    );
  }, 120_000);

  afterAll(() => testApp.close());

  it('a public reader sees the pseudonym and the comment, published figures, and nothing that leads to her', async () => {
    const items: Comment[] = (await request(server).get(`/api/v1/consultations/${round.id}/recommendations/PC-1/comments`).expect(200)).body
      .items;
    const shown = items.find((c) => c.id === protectedComment.id)!;
    expect(shown.author).toEqual({ displayName: pseudonym });
    // Her earlier comment keeps the name it was published with; the two share no label.
    expect(items.find((c) => c.id === namedComment.id)!.author?.displayName).toBe(NAME);
    const single = await request(server).get(`/api/v1/comments/${protectedComment.id}`).expect(200);
    const summary = await request(server)
      .get(`/api/v1/consultations/${round.id}/recommendations/PC-1/ratings/summary`)
      .query({ country: 'MYS' })
      .expect(200);
    expect(summary.body).toMatchObject({ n: 5, suppressed: false });
    const replay = await request(server)
      .get(`/api/v1/consultations/${round.id}/recommendations/PC-1/events`)
      .query({ after: 0 })
      .expect(200);
    for (const body of [JSON.stringify(shown), single.text, summary.text])
      for (const secret of secrets()) expect(body).not.toContain(secret);
    // Nowhere does a public answer name who rated, or show rating evidence.
    for (const body of [summary.text, replay.text]) expect(body).not.toContain('agency staff');
    expect(replay.text).not.toContain(priya.user.id);
  });

  it('a signed-in participant sees what the public sees, and only their own ratings', async () => {
    const other = await signUpAndIn(testApp);
    const single = (await request(server).get(`/api/v1/comments/${protectedComment.id}`).set(other.auth).expect(200)).body as Comment;
    expect(single.author).toEqual({ displayName: pseudonym });
    expect(
      (await request(server).get(`/api/v1/consultations/${round.id}/recommendations/PC-1/ratings/mine`).set(other.auth).expect(200)).body
        .items,
    ).toEqual([]);
    expect(
      (await request(server).get(`/api/v1/consultations/${round.id}/recommendations/PC-1/ratings/mine`).set(priya.auth).expect(200)).body
        .items,
    ).toEqual([expect.objectContaining({ countryIso3: 'MYS', score: 0, evidence: 'My own case, with names of the agency staff' })]);
    expect((await request(server).get(`/api/v1/organisations/${unionId}/members`).set(other.auth).expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('a moderator sees the comment and its pseudonym in the queue, not who wrote it', async () => {
    const moderator = await signUpAndIn(testApp, { displayName: 'Ministry Moderator' });
    await request(server)
      .patch(`/api/v1/users/${moderator.user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['moderator'] })
      .expect(200);
    const asModerator = await signIn(testApp, moderator.email, moderator.password);
    await request(server)
      .put(`/api/v1/consultations/${round.id}/moderators`)
      .set(admin.auth)
      .send({ userIds: [moderator.user.id] })
      .expect(200);
    const flagger = await signUpAndIn(testApp);
    await request(server)
      .post(`/api/v1/comments/${protectedComment.id}/flags`)
      .set(flagger.auth)
      .send({ reason: 'personal-data' })
      .expect(201);
    const queue = await request(server)
      .get('/api/v1/moderation/queue')
      .query({ consultationId: round.id })
      .set(asModerator.auth)
      .expect(200);
    const item = queue.body.items.find((entry: { comment: Comment }) => entry.comment.id === protectedComment.id);
    expect(item.comment.author).toEqual({ displayName: pseudonym });
    for (const secret of secrets()) expect(queue.text).not.toContain(secret);
  });

  it('her organisation’s admin sees a protected member under an alias of that organisation only', async () => {
    const members = await request(server).get(`/api/v1/organisations/${unionId}/members`).set(unionAdmin.auth).expect(200);
    const her = members.body.items.find((m: { displayName: string }) => m.displayName.startsWith('Protected member'));
    expect(her).toMatchObject({ userId: null, status: 'active' });
    for (const secret of [...secrets(), pseudonym]) expect(members.text).not.toContain(secret);
  });

  it('an admin of the platform may see everything, and a full export is audit-logged', async () => {
    const users = await request(server).get('/api/v1/users').query({ q: 'Priya' }).set(admin.auth).expect(200);
    expect(users.body.items).toEqual([expect.objectContaining({ id: priya.user.id, email: priya.email, privacyMode: 'protected' })]);
    const created = (
      await request(server)
        .post('/api/v1/exports')
        .set(admin.auth)
        .send({ dataset: 'pack', format: 'zip', privacy: 'full', filters: { consultationId: round.id } })
        .expect(202)
    ).body as ExportJob;
    let job = created;
    for (let i = 0; i < 150 && !['done', 'failed'].includes(job.status); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (await request(server).get(`/api/v1/exports/${created.id}`).set(admin.auth).expect(200)).body;
    }
    expect(job.status).toBe('done');
    const zip = await JSZip.loadAsync(
      (
        await request(server)
          .get(job.downloadUrl!)
          .set('Cookie', `${REFRESH_COOKIE}=${admin.refreshToken}`)
          .buffer(true)
          .parse((response, callback) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => callback(null, Buffer.concat(chunks)));
          })
          .expect(200)
      ).body as Buffer,
    );
    expect(await zip.file('ratings.csv')!.async('string')).toContain('agency staff');
    expect(await zip.file('comments.csv')!.async('string')).toContain(priya.user.id);
    const [entry] = await testApp.dataSource.query(
      `SELECT actor_id AS "actorId" FROM audit_event WHERE action = 'export.full_requested' AND target_id = $1`,
      [job.id],
    );
    expect(entry).toEqual({ actorId: admin.user.id });
  });

  it('an operator reading the logs finds no e-mail, token, name or pseudonym of hers, nor that she is protected', () => {
    const logs = testApp.logs();
    for (const secret of [priya.email, NAME, pseudonym, priya.accessToken, priya.refreshToken]) expect(logs).not.toContain(secret);
    const hers = logs.split('\n').filter((line) => line.includes(priya.user.id));
    expect(hers.filter((line) => /protected/i.test(line))).toEqual([]);
  });
});
