import request from 'supertest';
import type { App } from 'supertest/types.js';
import { io, type Socket } from 'socket.io-client';
import type { Appeal, Comment, Consultation, ModerationDecision, Notification, Sanction } from '@compact-voices/contracts';
import { CSRF, signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

const REC = 'PC-1';
const DAY = 86_400_000;
const sockets: Socket[] = [];

/**
 * Sanctions and their appeals: scoped to a round unless an admin makes them global,
 * co-signed when long or conflicted, never against the round's own moderators without an admin,
 * notified, appealable, and — when global — read-only rather than locked out.
 */
describe('sanctions and their appeals', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;
  let secondAdmin: SignedIn;
  let round: Consultation;
  let otherRound: Consultation;
  let moderator: SignedIn;
  let secondModerator: SignedIn;
  let thirdModerator: SignedIn;
  let tied: SignedIn;
  let alsoTied: SignedIn;
  let otherRoundModerator: SignedIn;
  let bystander: SignedIn;

  const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

  async function post(
    author: SignedIn,
    body: string,
    extra: Record<string, unknown> = {},
    consultation = round,
    expected = 201,
  ): Promise<request.Response> {
    return request(server)
      .post(`/api/v1/consultations/${consultation.id}/recommendations/${REC}/comments`)
      .set(author.auth)
      .send({ body, ...extra })
      .expect(expected);
  }

  async function comment(author: SignedIn, body: string, extra: Record<string, unknown> = {}, consultation = round): Promise<Comment> {
    return (await post(author, body, extra, consultation)).body as Comment;
  }

  function sanction(who: SignedIn, body: Record<string, unknown>, expected = 201): request.Test {
    return request(server)
      .post('/api/v1/moderation/sanctions')
      .set(who.auth)
      .send({ ruleCode: 'R6', reason: 'Repeated advertising', ...body })
      .expect(expected);
  }

  function cosign(who: SignedIn, id: string, expected = 201): request.Test {
    return request(server).post(`/api/v1/moderation/sanctions/${id}/cosign`).set(who.auth).expect(expected);
  }

  function decideAppeal(who: SignedIn, id: string, outcome: 'upheld' | 'overturned', expected = 200): request.Test {
    return request(server)
      .post(`/api/v1/appeals/${id}/decision`)
      .set(who.auth)
      .send({ outcome, reason: 'Reviewed against the rule' })
      .expect(expected);
  }

  async function notifications(who: SignedIn): Promise<Notification[]> {
    return (await request(server).get('/api/v1/notifications').set(who.auth).expect(200)).body.items as Notification[];
  }

  async function auditOf(sanctionId: string): Promise<Array<{ action: string; details: Record<string, unknown> }>> {
    return testApp.dataSource.query(
      `SELECT action, details FROM audit_event WHERE target_type = 'sanction' AND target_id = $1 ORDER BY id`,
      [sanctionId],
    );
  }

  /** A member of a government organisation of `iso3`: a conflict of interest for comments about it. */
  async function tieToGovernment(person: SignedIn, iso3: string): Promise<void> {
    await request(server)
      .post('/api/v1/organisations')
      .set(person.auth)
      .send({ name: `Ministry of Labour ${iso3} ${person.user.id.slice(0, 8)}`, stakeholderType: 'government', countryIso3: iso3 })
      .expect(201);
  }

  function connect(token: string): Socket {
    const socket = io(`${testApp.url()}/live`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token },
      extraHeaders: { Origin: 'http://app.test' },
    });
    sockets.push(socket);
    return socket;
  }

  beforeAll(async () => {
    testApp = await createTestApp({}, { listen: true });
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    const adminToBe = await signUpAndIn(testApp, { displayName: 'Second Admin' });
    await request(server)
      .patch(`/api/v1/users/${adminToBe.user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['participant', 'admin'] })
      .expect(200);
    secondAdmin = await signIn(testApp, adminToBe.email, adminToBe.password);
    round = await openConsultation(testApp, admin, { recommendationCodes: [REC] });
    otherRound = await openConsultation(testApp, admin, { recommendationCodes: [REC] });
    moderator = await signUpAndIn(testApp, { displayName: 'Moderator One' });
    secondModerator = await signUpAndIn(testApp, { displayName: 'Moderator Two' });
    thirdModerator = await signUpAndIn(testApp, { displayName: 'Moderator Three' });
    tied = await signUpAndIn(testApp, { displayName: 'Official of Nepal' });
    alsoTied = await signUpAndIn(testApp, { displayName: 'Another official of Nepal' });
    otherRoundModerator = await signUpAndIn(testApp, { displayName: 'Moderator Elsewhere' });
    bystander = await signUpAndIn(testApp, { displayName: 'Bystander' });
    await tieToGovernment(tied, 'NPL');
    await tieToGovernment(alsoTied, 'NPL');
    const roundModerators = [moderator, secondModerator, thirdModerator, tied, alsoTied].map((person) => person.user.id);
    await request(server)
      .put(`/api/v1/consultations/${round.id}/moderators`)
      .set(admin.auth)
      .send({ userIds: roundModerators })
      .expect(200);
    await request(server)
      .put(`/api/v1/consultations/${otherRound.id}/moderators`)
      .set(admin.auth)
      .send({ userIds: [otherRoundModerator.user.id] })
      .expect(200);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await testApp.close();
  });

  it('a round sanction stops its person contributing to that round only; their sessions live on', async () => {
    const author = await signUpAndIn(testApp, { displayName: 'Round Offender' });
    const offending = await comment(author, 'Buy cheap followers here');
    const earlier = await comment(author, 'An earlier, fine comment');
    const other = await comment(bystander, 'A comment by someone else');
    const until = inDays(3);

    const created = (await sanction(moderator, { commentId: offending.id, until })).body as Sanction;
    expect(created).toMatchObject({
      status: 'in-force',
      consultationId: round.id,
      until,
      ruleCode: 'R6',
      reason: 'Repeated advertising',
      liftedAt: null,
      appeal: null,
      appealableUntil: null,
      createdByMe: true,
      needsCosign: false,
      conflict: false,
      user: { displayName: 'Round Offender' },
    });
    expect(created.ruleTitle.length).toBeGreaterThan(0);

    // Still signed in, with every session; only this round refuses contributions.
    expect((await request(server).get('/api/v1/me').set(author.auth).expect(200)).body.suspendedUntil).toBeNull();
    const refused = (await post(author, 'Trying again', {}, round, 403)).body;
    expect(refused).toMatchObject({ code: 'SUSPENDED_IN_ROUND' });
    expect(refused.message).toContain(until);
    const base = `/api/v1/consultations/${round.id}/recommendations/${REC}`;
    const attempts = [
      post(author, 'A reply', { parentId: other.id }, round, 403),
      request(server).patch(`/api/v1/comments/${earlier.id}`).set(author.auth).send({ body: 'Edited' }).expect(403),
      request(server).put(`/api/v1/comments/${other.id}/reaction`).set(author.auth).send({ kind: 'agree' }).expect(403),
      request(server).post(`/api/v1/comments/${other.id}/flags`).set(author.auth).send({ reason: 'spam' }).expect(403),
      request(server).put(`${base}/ratings/NPL`).set(author.auth).send({ score: 3 }).expect(403),
      request(server).put(`${base}/official/NPL`).set(author.auth).send({ score: 3 }).expect(403),
    ];
    for (const attempt of attempts) expect((await attempt).body.code).toBe('SUSPENDED_IN_ROUND');
    // Another round is open to them.
    const elsewhere = await comment(author, 'On topic in another round', {}, otherRound);
    await request(server).put(`/api/v1/comments/${elsewhere.id}/reaction`).set(bystander.auth).send({ kind: 'agree' }).expect(200);
    await request(server)
      .put(`/api/v1/consultations/${otherRound.id}/recommendations/${REC}/ratings/NPL`)
      .set(author.auth)
      .send({ score: 2 })
      .expect(200);
    const socket = connect(author.accessToken);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));

    // Its person is told: rule, reason, until, round, and how long they may appeal.
    const told = (await notifications(author)).find((n) => n.kind === 'sanction');
    expect(told).toMatchObject({ ruleCode: 'R6', reason: 'Repeated advertising', until, consultationId: round.id, sanctionId: created.id });
    expect(told?.ruleTitle).toBe(created.ruleTitle);
    expect(Date.parse(told!.appealableUntil!)).toBeGreaterThan(Date.now() + 13 * DAY);

    // Readers: its person (no creator, no flags for moderators), the round's moderators, admins.
    const own = (await request(server).get(`/api/v1/moderation/sanctions/${created.id}`).set(author.auth).expect(200)).body as Sanction;
    expect(own.appealableUntil).toBe(told!.appealableUntil);
    for (const key of ['user', 'createdByMe', 'needsCosign', 'conflict']) expect(own).not.toHaveProperty(key);
    await request(server).get(`/api/v1/moderation/sanctions/${created.id}`).set(otherRoundModerator.auth).expect(404);
    await request(server).get(`/api/v1/moderation/sanctions/${created.id}`).set(bystander.auth).expect(404);
    expect(
      (await request(server).get(`/api/v1/moderation/sanctions/${created.id}`).set(secondModerator.auth).expect(200)).body,
    ).toMatchObject({ createdByMe: false, appealableUntil: null });
    const ofRound = (
      await request(server).get('/api/v1/moderation/sanctions').query({ consultationId: round.id }).set(secondModerator.auth).expect(200)
    ).body.items as Sanction[];
    expect(ofRound.find((s) => s.id === created.id)?.user).toEqual({ displayName: 'Round Offender' });
    expect(JSON.stringify(ofRound)).not.toContain(author.user.id);
    expect(
      (
        await request(server)
          .get('/api/v1/moderation/sanctions')
          .query({ consultationId: round.id })
          .set(otherRoundModerator.auth)
          .expect(403)
      ).body.code,
    ).toBe('NOT_A_MODERATOR');
    await request(server).get('/api/v1/moderation/sanctions').set(moderator.auth).expect(403);
    expect(
      ((await request(server).get('/api/v1/moderation/sanctions').set(admin.auth).expect(200)).body.items as Sanction[]).map((s) => s.id),
    ).toContain(created.id);

    const audit = await auditOf(created.id);
    expect(audit.map((entry) => entry.action)).toEqual(['sanction.imposed']);
    expect(JSON.stringify(audit)).not.toContain(author.email);

    // Lifted by an admin: the round is open to them again.
    await request(server).delete(`/api/v1/moderation/sanctions/${created.id}`).set(admin.auth).expect(204);
    await post(author, 'Back, and on topic');
  });

  it('one longer than 7 days waits for a second person before anything is enforced or notified', async () => {
    const author = await signUpAndIn(testApp, { displayName: 'Long Offender' });
    const offending = await comment(author, 'Spam, again and again');
    const proposed = (await sanction(moderator, { commentId: offending.id, until: inDays(30) })).body as Sanction;
    expect(proposed).toMatchObject({ status: 'awaiting-cosign', needsCosign: true, conflict: false, createdByMe: true });
    await post(author, 'Not yet suspended');
    expect((await notifications(author)).filter((n) => n.kind === 'sanction')).toEqual([]);
    await request(server).get(`/api/v1/moderation/sanctions/${proposed.id}`).set(author.auth).expect(404);

    expect((await cosign(moderator, proposed.id, 403)).body.code).toBe('COSIGN_NOT_ALLOWED');
    expect((await cosign(otherRoundModerator, proposed.id, 403)).body.code).toBe('NOT_A_MODERATOR');
    expect((await cosign(author, proposed.id, 403)).body.code).toBe('NOT_A_MODERATOR');
    const cosigned = (await cosign(secondModerator, proposed.id)).body as Sanction;
    expect(cosigned).toMatchObject({ status: 'in-force', needsCosign: false, createdByMe: false });
    expect((await cosign(thirdModerator, proposed.id, 409)).body.code).toBe('INVALID_STATUS_TRANSITION');
    const [row] = await testApp.dataSource.query(
      `SELECT created_by AS "createdBy", cosigned_by AS "cosignedBy", cosigned_at IS NOT NULL AS signed FROM sanction WHERE id = $1`,
      [proposed.id],
    );
    expect(row).toEqual({ createdBy: moderator.user.id, cosignedBy: secondModerator.user.id, signed: true });

    expect((await post(author, 'Now suspended', {}, round, 403)).body.code).toBe('SUSPENDED_IN_ROUND');
    expect((await notifications(author)).find((n) => n.kind === 'sanction')).toMatchObject({
      sanctionId: proposed.id,
      consultationId: round.id,
    });
    expect((await auditOf(proposed.id)).map((entry) => entry.action)).toEqual(['sanction.proposed', 'sanction.cosigned']);

    // Four eyes on the appeal too: neither the proposer nor the co-signer decides it.
    const appeal = (
      await request(server)
        .post('/api/v1/appeals')
        .set(author.auth)
        .send({ sanctionId: proposed.id, text: 'It was one post, copied by mistake.' })
        .expect(201)
    ).body as Appeal;
    expect((await decideAppeal(moderator, appeal.id, 'upheld', 403)).body.code).toBe('ORIGINAL_DECIDER');
    expect((await decideAppeal(secondModerator, appeal.id, 'upheld', 403)).body.code).toBe('ORIGINAL_DECIDER');
    expect((await decideAppeal(thirdModerator, appeal.id, 'upheld')).body).toMatchObject({
      status: 'upheld',
      sanction: { status: 'in-force', liftedAt: null },
    });
    expect((await post(author, 'Still suspended', {}, round, 403)).body.code).toBe('SUSPENDED_IN_ROUND');
  });

  it('a moderator tied to the country a thread is about proposes; a co-signer with the same tie is refused', async () => {
    const starter = await signUpAndIn(testApp);
    const author = await signUpAndIn(testApp, { displayName: 'Replier' });
    const top = await comment(starter, 'Nepal still charges recruitment fees', { countryIso3: 'NPL' });
    const reply = await comment(author, 'Agencies there are run by crooks, every one of them', { parentId: top.id });
    expect(reply.countryIso3).toBeNull();
    const response = await sanction(tied, { commentId: reply.id, until: inDays(2) });
    const proposed = response.body as Sanction;
    expect(proposed).toMatchObject({ status: 'awaiting-cosign', needsCosign: true, conflict: true });
    expect(response.text).not.toContain('NPL');
    await post(author, 'Nothing enforced yet');
    expect((await cosign(alsoTied, proposed.id, 403)).body).toMatchObject({ code: 'COSIGN_NOT_ALLOWED' });
    expect((await cosign(alsoTied, proposed.id, 403)).text).not.toContain('NPL');
    expect((await cosign(secondModerator, proposed.id)).body).toMatchObject({ status: 'in-force', conflict: true });
    const [row] = await testApp.dataSource.query(`SELECT conflict_ties AS ties FROM sanction WHERE id = $1`, [proposed.id]);
    expect(row.ties).toEqual(['NPL']);
    expect(JSON.stringify(await auditOf(proposed.id))).not.toContain('NPL');
  });

  it('for a protected author any government tie is a conflict, and nothing says which or whose', async () => {
    const author = await signUpAndIn(testApp, { displayName: 'Hidden Whistleblower' });
    await request(server).patch('/api/v1/me').set(author.auth).send({ privacyMode: 'protected' }).expect(200);
    const pseudonym = (await request(server).get('/api/v1/me').set(author.auth).expect(200)).body.pseudonym as string;
    const offending = await comment(author, 'Sri Lankan agencies forge contracts', { countryIso3: 'LKA' });
    const response = await sanction(tied, { commentId: offending.id, until: inDays(2) });
    expect(response.body).toMatchObject({ status: 'awaiting-cosign', conflict: true, user: { displayName: pseudonym } });
    for (const secret of ['NPL', 'LKA', 'Hidden Whistleblower', author.user.id, author.email]) expect(response.text).not.toContain(secret);
    const listed = await request(server)
      .get('/api/v1/moderation/sanctions')
      .query({ consultationId: round.id })
      .set(secondModerator.auth)
      .expect(200);
    for (const secret of ['Hidden Whistleblower', author.user.id]) expect(listed.text).not.toContain(secret);
    // A moderator without a tie decides alone about the same comment.
    expect((await sanction(secondModerator, { commentId: offending.id, until: inDays(1) })).body).toMatchObject({
      status: 'in-force',
      conflict: false,
    });
  });

  it('only an admin sanctions a moderator, safeguarding officer or admin of the round, and only an admin co-signs that', async () => {
    const fellow = await comment(secondModerator, 'A moderator’s own comment');
    const officer = await signUpAndIn(testApp, { displayName: 'Round Safeguarding Officer' });
    await testApp.dataSource.query(`INSERT INTO consultation_safeguarding_officer (consultation_id, user_id) VALUES ($1, $2)`, [
      round.id,
      officer.user.id,
    ]);
    const officersComment = await comment(officer, 'An officer’s comment');
    const adminsComment = await comment(secondAdmin, 'An admin’s comment');
    for (const target of [fellow, officersComment, adminsComment]) {
      const refused = (await sanction(moderator, { commentId: target.id, until: inDays(2) }, 403)).body;
      expect(refused).toMatchObject({ code: 'NOT_A_MODERATOR', message: 'You do not moderate this' });
    }
    const own = await comment(moderator, 'My own comment');
    expect((await sanction(moderator, { commentId: own.id, until: inDays(2) }, 400)).body.code).toBe('VALIDATION_FAILED');
    expect((await sanction(admin, { commentId: fellow.id, until: inDays(2) })).body).toMatchObject({
      status: 'in-force',
      consultationId: round.id,
    });

    const long = (await sanction(admin, { commentId: officersComment.id, until: inDays(20) })).body as Sanction;
    expect(long.status).toBe('awaiting-cosign');
    expect((await cosign(moderator, long.id, 403)).body).toMatchObject({ code: 'NOT_A_MODERATOR', message: 'You do not moderate this' });
    expect((await cosign(secondAdmin, long.id)).body.status).toBe('in-force');
  });

  it('its person appeals once; someone untied who took no part decides; overturning lifts it', async () => {
    const author = await signUpAndIn(testApp, { displayName: 'Appellant' });
    const offending = await comment(author, 'Nepal’s ministry is a gang of thieves', { countryIso3: 'NPL' });
    const imposed = (await sanction(moderator, { commentId: offending.id, until: inDays(5) })).body as Sanction;
    expect(imposed.status).toBe('in-force');
    const stranger = await signUpAndIn(testApp);
    expect(
      (await request(server).post('/api/v1/appeals').set(stranger.auth).send({ sanctionId: imposed.id, text: 'Not mine' }).expect(404)).body
        .code,
    ).toBe('SANCTION_NOT_FOUND');
    expect((await request(server).post('/api/v1/appeals').set(author.auth).send({ text: 'Neither' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const both = { sanctionId: imposed.id, decisionId: imposed.id, text: 'Both' };
    expect((await request(server).post('/api/v1/appeals').set(author.auth).send(both).expect(400)).body.code).toBe('VALIDATION_FAILED');

    const appeal = (
      await request(server)
        .post('/api/v1/appeals')
        .set(author.auth)
        .send({ sanctionId: imposed.id, text: 'It was criticism of a policy, not of people.' })
        .expect(201)
    ).body as Appeal;
    expect(appeal).toMatchObject({
      status: 'pending',
      sanctionId: imposed.id,
      decisionId: null,
      decision: null,
      sanction: { id: imposed.id, appeal: { status: 'pending' } },
      comment: { id: offending.id },
    });
    expect(
      (await request(server).post('/api/v1/appeals').set(author.auth).send({ sanctionId: imposed.id, text: 'Again' }).expect(409)).body
        .code,
    ).toBe('APPEAL_EXISTS');
    await request(server).get(`/api/v1/appeals/${appeal.id}`).set(stranger.auth).expect(404);
    const listed = (
      await request(server)
        .get('/api/v1/moderation/appeals')
        .query({ consultationId: round.id, status: 'pending' })
        .set(secondModerator.auth)
        .expect(200)
    ).body.items as Appeal[];
    expect(listed.find((a) => a.id === appeal.id)).toMatchObject({ sanctionId: imposed.id, readerIsOriginalDecider: false });

    expect((await decideAppeal(moderator, appeal.id, 'overturned', 403)).body.code).toBe('ORIGINAL_DECIDER');
    expect((await decideAppeal(otherRoundModerator, appeal.id, 'overturned', 403)).body.code).toBe('NOT_A_MODERATOR');
    expect((await decideAppeal(author, appeal.id, 'overturned', 403)).body.code).toBe('NOT_A_MODERATOR');
    const conflicted = await decideAppeal(tied, appeal.id, 'overturned', 403);
    expect(conflicted.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST', message: 'Another moderator must decide this appeal' });
    expect(conflicted.text).not.toContain('NPL');

    const decided = (await decideAppeal(secondModerator, appeal.id, 'overturned')).body as Appeal;
    expect(decided).toMatchObject({ status: 'overturned', outcomeReason: 'Reviewed against the rule' });
    expect(decided.sanction?.liftedAt).not.toBeNull();
    const [row] = await testApp.dataSource.query(`SELECT lifted_by AS "liftedBy" FROM sanction WHERE id = $1`, [imposed.id]);
    expect(row.liftedBy).toBe(secondModerator.user.id);
    await post(author, 'Allowed to speak again');
    expect((await notifications(author)).find((n) => n.kind === 'appeal.outcome')).toMatchObject({
      outcome: 'overturned',
      sanctionId: imposed.id,
      appealId: appeal.id,
    });
    expect((await auditOf(imposed.id)).map((entry) => entry.action)).toEqual(['sanction.imposed', 'sanction.lifted']);
    const appealAudit = await testApp.dataSource.query(
      `SELECT action, details FROM audit_event WHERE target_type = 'appeal' AND target_id = $1 ORDER BY id`,
      [appeal.id],
    );
    expect(appealAudit).toEqual([
      { action: 'appeal.filed', details: { sanctionId: imposed.id } },
      { action: 'appeal.decided', details: { outcome: 'overturned', sanctionId: imposed.id } },
    ]);
    // Lifted: nothing left to appeal.
    expect(
      (await request(server).post('/api/v1/appeals').set(author.auth).send({ sanctionId: imposed.id, text: 'Again' }).expect(409)).body
        .code,
    ).toBe('NOT_APPEALABLE');
  });

  it('a moderator tied to the country a comment is about does not decide the appeal of a decision on it', async () => {
    const author = await signUpAndIn(testApp);
    const about = await comment(author, 'Nepal does not inspect agencies at all', { countryIso3: 'NPL' });
    const decision = (
      await request(server)
        .post('/api/v1/moderation/decisions')
        .set(moderator.auth)
        .send({ commentId: about.id, action: 'hide', ruleCode: 'R5', reason: 'Unsourced' })
        .expect(201)
    ).body as ModerationDecision;
    expect(decision.status).toBe('applied');
    const appeal = (
      await request(server)
        .post('/api/v1/appeals')
        .set(author.auth)
        .send({ decisionId: decision.id, text: 'The labour inspectorate report says so.' })
        .expect(201)
    ).body as Appeal;
    expect(appeal).toMatchObject({ decisionId: decision.id, sanctionId: null, sanction: null });
    const refused = await decideAppeal(tied, appeal.id, 'overturned', 403);
    expect(refused.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST', message: 'Another moderator must decide this appeal' });
    expect(refused.text).not.toContain('NPL');
    expect((await decideAppeal(thirdModerator, appeal.id, 'upheld')).body.status).toBe('upheld');
  });

  it('a global sanction (admins only): signed out at once, then read-only — appeal, notifications, sign-out; no writes, no socket', async () => {
    const author = await signUpAndIn(testApp, { displayName: 'Global Offender' });
    await comment(author, 'Posted before the sanction');
    const until = inDays(4);
    expect((await sanction(moderator, { userId: author.user.id, until, global: true }, 403)).body.code).toBe('NOT_A_MODERATOR');
    expect((await sanction(moderator, { userId: author.user.id, until, consultationId: round.id }, 403)).body.code).toBe('NOT_A_MODERATOR');
    expect((await sanction(admin, { userId: author.user.id, until }, 400)).body.code).toBe('VALIDATION_FAILED');
    expect((await sanction(admin, { userId: author.user.id, until, global: true, consultationId: round.id }, 400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const imposed = (await sanction(admin, { userId: author.user.id, until, global: true })).body as Sanction;
    expect(imposed).toMatchObject({ status: 'in-force', consultationId: null, user: { displayName: 'Global Offender' } });
    await request(server).get('/api/v1/me').set(author.auth).expect(401);

    const readOnly = await signIn(testApp, author.email, author.password);
    expect(readOnly.user.suspendedUntil).toBe(until);
    expect((await request(server).get('/api/v1/me').set(readOnly.auth).expect(200)).body.suspendedUntil).toBe(until);
    expect((await post(readOnly, 'Can I post?', {}, round, 403)).body.code).toBe('ACCOUNT_SUSPENDED');
    expect((await post(readOnly, 'Or here?', {}, otherRound, 403)).body.code).toBe('ACCOUNT_SUSPENDED');
    expect((await request(server).patch('/api/v1/me').set(readOnly.auth).send({ displayName: 'Renamed' }).expect(403)).body.code).toBe(
      'ACCOUNT_SUSPENDED',
    );
    await request(server).get(`/api/v1/consultations/${round.id}/recommendations/${REC}/comments`).set(readOnly.auth).expect(200);
    const told = (await notifications(readOnly)).find((n) => n.kind === 'sanction');
    expect(told).toMatchObject({ sanctionId: imposed.id, consultationId: null, until, ruleCode: 'R6' });
    await request(server).post('/api/v1/notifications/read-all').set(readOnly.auth).expect(204);
    const socket = connect(readOnly.accessToken);
    const refusal = await new Promise<Error>((resolve, reject) =>
      socket.once('connect', () => reject(new Error('connected'))).once('connect_error', resolve),
    );
    expect(refusal.message).toBe('ACCOUNT_SUSPENDED');

    const appeal = (
      await request(server)
        .post('/api/v1/appeals')
        .set(readOnly.auth)
        .send({ sanctionId: imposed.id, text: 'I was hacked; the posts were not mine.' })
        .expect(201)
    ).body as Appeal;
    expect(appeal).toMatchObject({ sanctionId: imposed.id, comment: null, decision: null });
    // Global: admins decide, and not the one who imposed it.
    expect((await decideAppeal(moderator, appeal.id, 'overturned', 403)).body.code).toBe('NOT_A_MODERATOR');
    expect((await decideAppeal(admin, appeal.id, 'overturned', 403)).body.code).toBe('ORIGINAL_DECIDER');
    await decideAppeal(secondAdmin, appeal.id, 'overturned');
    expect((await request(server).get('/api/v1/me').set(readOnly.auth).expect(200)).body.suspendedUntil).toBeNull();
    await post(readOnly, 'Back everywhere', {}, otherRound);
    await request(server).post('/api/v1/auth/sign-out').set(readOnly.auth).set(CSRF).set('Origin', 'http://app.test').expect(204);
  });

  it('a suspended account may still sign out, and a long global sanction waits for a second admin', async () => {
    const author = await signUpAndIn(testApp, { displayName: 'Long Global Offender' });
    const proposed = (await sanction(admin, { userId: author.user.id, until: inDays(60), global: true })).body as Sanction;
    expect(proposed.status).toBe('awaiting-cosign');
    await request(server).get('/api/v1/me').set(author.auth).expect(200);
    expect((await cosign(moderator, proposed.id, 403)).body.code).toBe('NOT_A_MODERATOR');
    expect((await cosign(admin, proposed.id, 403)).body.code).toBe('COSIGN_NOT_ALLOWED');
    await cosign(secondAdmin, proposed.id);
    await request(server).get('/api/v1/me').set(author.auth).expect(401);
    const readOnly = await signIn(testApp, author.email, author.password);
    expect(Date.parse(readOnly.user.suspendedUntil!)).toBeGreaterThan(Date.now() + 59 * DAY);
    await request(server).post('/api/v1/auth/sign-out').set(readOnly.auth).set(CSRF).set('Origin', 'http://app.test').expect(204);
    await request(server).get('/api/v1/me').set(readOnly.auth).expect(401);
  });
});
