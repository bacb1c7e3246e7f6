import request from 'supertest';
import type { App } from 'supertest/types.js';
import type {
  Comment,
  CommentModerationHistory,
  Consultation,
  ModeratedRound,
  ModerationDecision,
  QueueItem,
  RoundRoleList,
} from '@compact-voices/contracts';
import { DATASETS } from '../src/modules/exports/datasets.js';
import { signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { quickOrganisation } from './support/participants.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';
import { usesEmbedded } from './support/test-database.js';

const REC = 'PC-1';

/**
 * Government moderation that cannot be turned against critics. Each test is one of
 * the ways an official or a troll used due process against someone, now refused or queued.
 */
describe('moderation that cannot be turned against critics', () => {
  let testApp: TestApp;
  let mirror: TestApp;
  let server: App;
  let admin: SignedIn;
  let round: Consultation;
  let officerRound: Consultation;
  let moderator: SignedIn;
  let official: SignedIn;
  let fellowOfficial: SignedIn;
  let officer: SignedIn;
  let secondOfficer: SignedIn;
  let address = 0;

  /** A distinct client address per call unless one is given: reports from one address count once. */
  function from(who: SignedIn, ip = `203.0.113.${++address % 250}`) {
    return { ...who.auth, 'X-Forwarded-For': ip };
  }

  async function post(author: SignedIn, body: string, extra: Record<string, unknown> = {}, consultation = round): Promise<Comment> {
    return (
      await request(server)
        .post(`/api/v1/consultations/${consultation.id}/recommendations/${REC}/comments`)
        .set(author.auth)
        .send({ body, ...extra })
        .expect(201)
    ).body as Comment;
  }

  async function decide(who: SignedIn, commentId: string, action: string, expected = 201) {
    return request(server)
      .post('/api/v1/moderation/decisions')
      .set(who.auth)
      .send({ commentId, action, ruleCode: 'R1', reason: 'Breaks the house rules' })
      .expect(expected);
  }

  async function flag(who: SignedIn, commentId: string, reason: string, ip?: string, expected = 201) {
    return request(server).post(`/api/v1/comments/${commentId}/flags`).set(from(who, ip)).send({ reason }).expect(expected);
  }

  async function anonymousThread(app: TestApp = testApp, consultation = round): Promise<Comment[]> {
    return (
      await request(app.app.getHttpServer())
        .get(`/api/v1/consultations/${consultation.id}/recommendations/${REC}/comments`)
        .query({ limit: 100 })
        .expect(200)
    ).body.items;
  }

  async function queue(who: SignedIn, consultation = round): Promise<QueueItem[]> {
    return (await request(server).get('/api/v1/moderation/queue').query({ consultationId: consultation.id }).set(who.auth).expect(200)).body
      .items;
  }

  async function safeguardingQueue(who: SignedIn, expected = 200): Promise<QueueItem[]> {
    return (await request(server).get('/api/v1/moderation/safeguarding-queue').set(who.auth).expect(expected)).body.items;
  }

  async function governmentMember(person: SignedIn, iso3: string, verified = false): Promise<string> {
    const organisationId = await quickOrganisation(testApp, { stakeholderType: 'government', countryIso3: iso3, verified });
    await member(person, organisationId);
    return organisationId;
  }

  async function member(person: SignedIn, organisationId: string): Promise<void> {
    await testApp.dataSource.query(
      `INSERT INTO organisation_membership (organisation_id, user_id, role, status, decided_at) VALUES ($1, $2, 'member', 'active', now())`,
      [organisationId, person.user.id],
    );
  }

  async function verifiedMember(person: SignedIn): Promise<void> {
    await member(person, await quickOrganisation(testApp, { stakeholderType: 'migrant-organisation', countryIso3: 'PHL' }));
  }

  beforeAll(async () => {
    testApp = await createTestApp(
      { FLAG_HIDE_THRESHOLD: '3', SAFEGUARDING_HIDE_REPORTERS: '3', FLAGS_PER_ADDRESS_PER_HOUR: '12', COMMENTS_PER_MINUTE: '1000' },
      { listen: true },
    );
    // A second instance on the same database: what one instance decides, the other serves at once.
    // (The embedded database serves one process only: there the fleet is one instance.)
    mirror = usesEmbedded ? testApp : await createTestApp({}, { shareDatabaseWith: testApp });
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    round = await openConsultation(testApp, admin, { recommendationCodes: [REC], countryIso3s: ['NPL', 'LKA', 'IDN', 'PHL'] });
    officerRound = await openConsultation(testApp, admin, { recommendationCodes: [REC] });
    moderator = await signUpAndIn(testApp, { displayName: 'Independent Moderator' });
    official = await signUpAndIn(testApp, { displayName: 'Official of Nepal' });
    await governmentMember(official, 'NPL');
    fellowOfficial = await signUpAndIn(testApp, { displayName: 'Another Official of Nepal' });
    await governmentMember(fellowOfficial, 'NPL');
    officer = await signUpAndIn(testApp, { displayName: 'Safeguarding Officer' });
    secondOfficer = await signUpAndIn(testApp, { displayName: 'Second Safeguarding Officer' });
    for (const consultation of [round, officerRound]) {
      await request(server)
        .put(`/api/v1/consultations/${consultation.id}/moderators`)
        .set(admin.auth)
        .send({ userIds: [moderator.user.id, official.user.id, fellowOfficial.user.id] })
        .expect(200);
    }
    await request(server)
      .put(`/api/v1/consultations/${officerRound.id}/safeguarding-officers`)
      .set(admin.auth)
      .send({ userIds: [officer.user.id, secondOfficer.user.id] })
      .expect(200);
  });

  afterAll(async () => {
    if (mirror !== testApp) await mirror.close();
    await testApp.close();
  });

  describe('conflict of interest from what a comment is about', () => {
    it('an untagged reply in a thread about Nepal needs a co-signature from a Nepal official, and the co-signer may not share the tie', async () => {
      const starter = await signUpAndIn(testApp, { displayName: 'Migrant Worker' });
      const critic = await signUpAndIn(testApp, { displayName: 'Critic' });
      const root = await post(starter, 'Recruitment fees are still charged in Nepal', { countryIso3: 'NPL' });
      const reply = await post(critic, 'And the ministry knows it', { parentId: root.id });
      expect(reply.countryIso3).toBeNull();
      const proposed = (await decide(official, reply.id, 'hide')).body as ModerationDecision;
      expect(proposed).toMatchObject({ status: 'awaiting-cosign', conflictCountryIso3: 'NPL', conflict: true, appliedAt: null });
      expect((await anonymousThread()).find((c) => c.id === reply.id)?.status).toBe('published');
      expect(
        (await request(server).post(`/api/v1/moderation/decisions/${proposed.id}/cosign`).set(fellowOfficial.auth).expect(403)).body.code,
      ).toBe('COSIGN_NOT_ALLOWED');
      const applied = (await request(server).post(`/api/v1/moderation/decisions/${proposed.id}/cosign`).set(moderator.auth).expect(201))
        .body as ModerationDecision;
      expect(applied.status).toBe('applied');
      // Restoring is silencing's twin: the same rule.
      expect((await decide(official, reply.id, 'restore')).body).toMatchObject({ status: 'awaiting-cosign', conflictCountryIso3: 'NPL' });
    });

    it('a thread with no tag is about its starter’s country, or else about every country of the round', async () => {
      const nepali = await signUpAndIn(testApp, { displayName: 'Returnee' });
      await request(server).patch('/api/v1/me').set(nepali.auth).send({ countryIso3: 'NPL' }).expect(200);
      const root = await post(nepali, 'Nobody answered my complaint');
      const reply = await post(moderator, 'Which office did you write to?', { parentId: root.id });
      expect((await decide(official, reply.id, 'hide')).body.status).toBe('awaiting-cosign');
      const stateless = await signUpAndIn(testApp, { displayName: 'No Country Given' });
      const general = await post(stateless, 'A regional question for every government');
      expect((await decide(official, general.id, 'hide')).body).toMatchObject({ status: 'awaiting-cosign', conflictCountryIso3: 'NPL' });
      // About another country only: the official decides alone.
      const lanka = await post(stateless, 'About Sri Lanka', { countryIso3: 'LKA' });
      expect((await decide(official, lanka.id, 'hide')).body.status).toBe('applied');
    });

    it('any tie makes a protected author’s comment need a co-signature, and nothing says why', async () => {
      const hidden = await signUpAndIn(testApp, { displayName: 'Real Name Kept Secret' });
      await request(server).patch('/api/v1/me').set(hidden.auth).send({ countryIso3: 'LKA' }).expect(200);
      await request(server).patch('/api/v1/me').set(hidden.auth).send({ privacyMode: 'protected' }).expect(200);
      const comment = await post(hidden, 'What happened to me at the border');
      await flag(await signUpAndIn(testApp), comment.id, 'misinformation');
      const proposed = (await decide(official, comment.id, 'hide')).body as ModerationDecision;
      expect(proposed).toMatchObject({ status: 'awaiting-cosign', conflict: true, conflictCountryIso3: null });
      expect(JSON.stringify(proposed)).not.toContain('LKA');
      const item = (await queue(official)).find((i) => i.comment.id === comment.id);
      expect(item?.conflictOfInterest).toBe(true);
      expect((await queue(moderator)).find((i) => i.comment.id === comment.id)?.conflictOfInterest).toBe(false);
      const refusal = await request(server).post(`/api/v1/moderation/decisions/${proposed.id}/cosign`).set(fellowOfficial.auth).expect(403);
      expect(refusal.body.message).not.toMatch(/LKA|NPL|Sri Lanka|Nepal|protected/i);
      const audit: Array<{ details: unknown }> = await testApp.dataSource.query(`SELECT details FROM audit_event WHERE target_id = $1`, [
        comment.id,
      ]);
      expect(JSON.stringify(audit)).not.toContain('LKA');
    });
  });

  describe('safeguarding without a censorship lever', () => {
    it('one report from a fresh account queues the comment for the round’s officers and hides nothing', async () => {
      const author = await signUpAndIn(testApp, { displayName: 'Outspoken Author' });
      const comment = await post(author, 'The shelter in Kathmandu turns women away', {}, officerRound);
      const fresh = await signUpAndIn(testApp, { displayName: 'Fresh Account', newcomer: true });
      await flag(fresh, comment.id, 'safeguarding');
      expect((await anonymousThread(testApp, officerRound)).find((c) => c.id === comment.id)?.status).toBe('published');
      const items = await safeguardingQueue(officer);
      expect(items[0]?.comment.id).toBe(comment.id);
      // Nobody else handles it: not the round's moderators, not admins while the round has officers.
      await safeguardingQueue(moderator, 403);
      expect((await safeguardingQueue(admin)).find((i) => i.comment.id === comment.id)).toBeUndefined();
      expect((await decide(admin, comment.id, 'hide', 403)).body.code).toBe('NOT_A_MODERATOR');
      expect((await decide(moderator, comment.id, 'hide', 403)).body.code).toBe('NOT_A_MODERATOR');
      const rounds = (await request(server).get('/api/v1/moderation/rounds').set(officer.auth).expect(200)).body.items as ModeratedRound[];
      expect(rounds.find((r) => r.consultationId === officerRound.id)).toMatchObject({
        safeguards: true,
        moderates: false,
        safeguardingQueued: 1,
        queued: 0,
      });
      expect(rounds.find((r) => r.consultationId === round.id)).toBeUndefined();
      // The officer decides; the author learns the rule and may appeal; another officer decides the appeal.
      const decision = (await decide(officer, comment.id, 'hide')).body as ModerationDecision;
      expect(decision.status).toBe('applied');
      const mine = (await request(server).get(`/api/v1/moderation/decisions/${decision.id}`).set(author.auth).expect(200))
        .body as ModerationDecision;
      expect(mine).toMatchObject({ ruleCode: 'R1', appealableUntil: expect.any(String) });
      const appeal = (
        await request(server).post('/api/v1/appeals').set(author.auth).send({ decisionId: decision.id, text: 'I named no one' }).expect(201)
      ).body;
      expect(
        (
          await request(server)
            .post(`/api/v1/appeals/${appeal.id}/decision`)
            .set(officer.auth)
            .send({ outcome: 'overturned', reason: 'x' })
            .expect(403)
        ).body.code,
      ).toBe('ORIGINAL_DECIDER');
      await request(server)
        .post(`/api/v1/appeals/${appeal.id}/decision`)
        .set(moderator.auth)
        .send({ outcome: 'overturned', reason: 'x' })
        .expect(404);
      await request(server)
        .post(`/api/v1/appeals/${appeal.id}/decision`)
        .set(secondOfficer.auth)
        .send({ outcome: 'overturned', reason: 'Names no one' })
        .expect(200);
      expect((await anonymousThread(testApp, officerRound)).find((c) => c.id === comment.id)?.status).toBe('published');
    });

    it('admins act where a round has no officer', async () => {
      const author = await signUpAndIn(testApp);
      const comment = await post(author, 'A concern in a round without officers');
      await flag(await signUpAndIn(testApp), comment.id, 'safeguarding');
      expect((await safeguardingQueue(admin)).find((i) => i.comment.id === comment.id)).toBeDefined();
      expect((await safeguardingQueue(officer)).find((i) => i.comment.id === comment.id)).toBeUndefined();
      expect((await decide(admin, comment.id, 'hide')).body.status).toBe('applied');
    });

    it('hides before review only when three independent established reporters agree, one of them in a verified organisation', async () => {
      const author = await signUpAndIn(testApp, { displayName: 'Target of a Campaign' });
      const comment = await post(author, 'The labour attaché ignored us');
      const shared = '198.51.100.77';
      // Three accounts behind one address are one voice; fresh accounts are no voice.
      for (let i = 0; i < 3; i++) await flag(await signUpAndIn(testApp), comment.id, 'safeguarding', shared);
      for (let i = 0; i < 3; i++) await flag(await signUpAndIn(testApp, { newcomer: true }), comment.id, 'safeguarding');
      // Two more independent voices make three, but none vouched for by a verified organisation.
      await flag(await signUpAndIn(testApp), comment.id, 'safeguarding');
      await flag(await signUpAndIn(testApp), comment.id, 'safeguarding');
      expect((await anonymousThread()).find((c) => c.id === comment.id)?.status).toBe('published');
      const anchored = await signUpAndIn(testApp);
      await verifiedMember(anchored);
      await flag(anchored, comment.id, 'safeguarding');
      expect((await anonymousThread()).find((c) => c.id === comment.id)?.status).toBe('hidden');
      const logged: Array<{ n: number }> = await testApp.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'comment.flagged' AND target_id = $1`,
        [comment.id],
      );
      expect(logged[0]!.n).toBe(9);
    });

    it('the same rule holds for ordinary reports', async () => {
      const author = await signUpAndIn(testApp);
      const comment = await post(author, 'An unpopular but lawful opinion');
      for (let i = 0; i < 4; i++) await flag(await signUpAndIn(testApp), comment.id, 'abuse');
      expect((await anonymousThread()).find((c) => c.id === comment.id)?.status).toBe('published');
      const anchored = await signUpAndIn(testApp);
      await verifiedMember(anchored);
      await flag(anchored, comment.id, 'abuse');
      expect((await anonymousThread()).find((c) => c.id === comment.id)?.status).toBe('hidden');
    });

    it('rate-limits reports per client address, whatever the accounts', async () => {
      const author = await signUpAndIn(testApp);
      const targets = [];
      for (let i = 0; i < 13; i++) targets.push(await post(author, `Comment number ${i} in a flood target`));
      const ip = '192.0.2.200';
      for (let i = 0; i < 12; i++) await flag(await signUpAndIn(testApp), targets[i]!.id, 'spam', ip);
      const refused = await flag(await signUpAndIn(testApp), targets[12]!.id, 'spam', ip, 429);
      expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
      await flag(await signUpAndIn(testApp), targets[12]!.id, 'spam', '192.0.2.201');
    });

    it('shows a general moderator a restricted parent as the public sees it', async () => {
      const author = await signUpAndIn(testApp);
      const parent = await post(author, 'My neighbour’s maid is at 4 Lotus Lane', {}, officerRound);
      const reply = await post(await signUpAndIn(testApp), 'Please remove that address', { parentId: parent.id }, officerRound);
      await flag(await signUpAndIn(testApp), parent.id, 'safeguarding');
      await decide(officer, parent.id, 'hide');
      await flag(await signUpAndIn(testApp), reply.id, 'off-topic');
      const item = (await queue(moderator, officerRound)).find((i) => i.comment.id === reply.id);
      expect(item?.parent).toMatchObject({ id: parent.id, status: 'hidden', body: '', author: null });
      expect(JSON.stringify(item)).not.toContain('Lotus Lane');
      const history = await request(server).get(`/api/v1/moderation/comments/${parent.id}/history`).set(moderator.auth).expect(403);
      expect(history.body.code).toBe('NOT_A_MODERATOR');
      const restricted = (await request(server).get(`/api/v1/moderation/comments/${parent.id}/history`).set(officer.auth).expect(200))
        .body as CommentModerationHistory;
      expect(restricted.flags).toEqual([expect.objectContaining({ reason: 'safeguarding', resolved: true })]);
      expect(restricted.decisions.map((d) => d.action)).toEqual(['hide']);
    });
  });

  describe('decisions reach every reader at once', () => {
    it('a hide is served to signed-out readers on every instance from its commit on', async () => {
      const author = await signUpAndIn(testApp);
      const comment = await post(author, 'Read by many signed-out visitors');
      // Warm the anonymous caches of both instances.
      for (const app of [testApp, mirror, testApp, mirror])
        expect((await anonymousThread(app)).find((c) => c.id === comment.id)?.status).toBe('published');
      await decide(moderator, comment.id, 'hide');
      expect((await anonymousThread(testApp)).find((c) => c.id === comment.id)?.status).toBe('hidden');
      expect((await anonymousThread(mirror)).find((c) => c.id === comment.id)?.status).toBe('hidden');
    });

    it('an erasure relabels kept comments for signed-out readers at once', async () => {
      const leaving = await signUpAndIn(testApp, { displayName: 'Leaving Soon' });
      const comment = await post(leaving, 'I was here');
      for (const app of [testApp, mirror])
        expect((await anonymousThread(app)).find((c) => c.id === comment.id)?.author?.displayName).toBe('Leaving Soon');
      await request(server).delete('/api/v1/me').set(leaving.auth).send({ password: leaving.password }).expect(204);
      for (const app of [mirror, testApp])
        expect((await anonymousThread(app)).find((c) => c.id === comment.id)?.author?.displayName).toBe('Former participant');
    });
  });

  describe('edits are moderated like posts', () => {
    it('in a pre-moderated round an approved comment’s edit waits; the public keeps the approved text', async () => {
      const pre = await openConsultation(testApp, admin, { recommendationCodes: [REC], moderationMode: 'pre' });
      await request(server)
        .put(`/api/v1/consultations/${pre.id}/moderators`)
        .set(admin.auth)
        .send({ userIds: [moderator.user.id] })
        .expect(200);
      const author = await signUpAndIn(testApp);
      const comment = await post(author, 'The approved version', {}, pre);
      await decide(moderator, comment.id, 'approve');
      const edited = (
        await request(server)
          .patch(`/api/v1/comments/${comment.id}`)
          .set(author.auth)
          .send({ body: 'Something the moderators never saw' })
          .expect(200)
      ).body as Comment;
      expect(edited).toMatchObject({ body: 'The approved version', pendingEdit: { body: 'Something the moderators never saw' } });
      const publicView = (await anonymousThread(testApp, pre)).find((c) => c.id === comment.id)!;
      expect(publicView.body).toBe('The approved version');
      expect(publicView.pendingEdit).toBeUndefined();
      const item = (await queue(moderator, pre)).find((i) => i.comment.id === comment.id);
      expect(item).toMatchObject({
        heldReason: 'edit',
        comment: { body: 'The approved version', pendingEdit: { body: 'Something the moderators never saw' } },
      });
      // Turning it down leaves the approved text; it is not a removal to appeal.
      const rejected = (await decide(moderator, comment.id, 'reject')).body as ModerationDecision;
      expect(
        (await request(server).get(`/api/v1/moderation/decisions/${rejected.id}`).set(author.auth).expect(200)).body.appealableUntil,
      ).toBeNull();
      expect((await anonymousThread(testApp, pre)).find((c) => c.id === comment.id)).toMatchObject({
        status: 'published',
        body: 'The approved version',
      });
      // Approving publishes it, and the replaced text joins a history only the author and moderators read.
      await request(server).patch(`/api/v1/comments/${comment.id}`).set(author.auth).send({ body: 'A better second version' }).expect(200);
      await decide(moderator, comment.id, 'approve');
      expect((await anonymousThread(testApp, pre)).find((c) => c.id === comment.id)).toMatchObject({
        body: 'A better second version',
        editedAt: expect.any(String),
      });
      for (const reader of [author, moderator]) {
        const revisions = (await request(server).get(`/api/v1/comments/${comment.id}/revisions`).set(reader.auth).expect(200)).body.items;
        expect(revisions.map((r: { body: string }) => r.body)).toEqual(['The approved version']);
      }
      await request(server)
        .get(`/api/v1/comments/${comment.id}/revisions`)
        .set((await signUpAndIn(testApp)).auth)
        .expect(404);
      await request(server).get(`/api/v1/comments/${comment.id}/revisions`).expect(401);
    });

    it('an edit of a comment that was reported goes back to the queue', async () => {
      const author = await signUpAndIn(testApp);
      const comment = await post(author, 'Originally harmless');
      await flag(await signUpAndIn(testApp), comment.id, 'spam');
      await decide(moderator, comment.id, 'approve');
      expect((await queue(moderator)).find((i) => i.comment.id === comment.id)).toBeUndefined();
      await request(server)
        .patch(`/api/v1/comments/${comment.id}`)
        .set(author.auth)
        .send({ body: 'Now rewritten after approval' })
        .expect(200);
      expect((await queue(moderator)).find((i) => i.comment.id === comment.id)).toMatchObject({
        heldReason: 'edit',
        comment: { body: 'Now rewritten after approval' },
      });
    });
  });

  describe('the word filter reads what people read', () => {
    it('sees through entities, emphasis, invisible characters, look-alike letters and links, and never names the term', async () => {
      await request(server).post('/api/v1/moderation/word-filter').set(admin.auth).send({ term: 'fraudster', action: 'block' }).expect(201);
      const author = await signUpAndIn(testApp);
      const disguises = [
        '&#102;raudster',
        'fr**au**dster',
        'fr\u200Baudster',
        'frau\u00ADdster',
        'fr\u0430udster',
        '[fraud](https://example.org)ster',
        'ｆｒａｕｄｓｔｅｒ',
      ];
      for (const body of disguises) {
        const refused = await request(server)
          .post(`/api/v1/consultations/${round.id}/recommendations/${REC}/comments`)
          .set(author.auth)
          .send({ body: `The minister is a ${body}` })
          .expect(422);
        expect(refused.body.code).toBe('BLOCKED_TERM');
        expect(JSON.stringify(refused.body).toLowerCase()).not.toContain('fraud');
      }
      expect((await post(author, 'Fraud is a crime; fraudsters are prosecuted')).status).toBe('published');
    });
  });

  describe('verified voices', () => {
    it('an unverified “ministry” speaks as its member’s own type, and shows unverified', async () => {
      const impostor = await signUpAndIn(testApp, { displayName: 'Claims To Be A Ministry' });
      const fake = await request(server)
        .post('/api/v1/organisations')
        .set(impostor.auth)
        .send({ name: 'Ministry of Foreign Affairs Nepal', stakeholderType: 'government', countryIso3: 'NPL' })
        .expect(201);
      const spoken = await post(impostor, 'Official position: all is well', { actingOrganisationId: fake.body.id });
      expect(spoken.author).toMatchObject({ stakeholderType: 'individual', organisation: { id: fake.body.id, verified: false } });
      // The real ministry can still register, and the secretariat verifies the real one.
      const real = await signUpAndIn(testApp, { displayName: 'Real Official' });
      const genuine = await request(server)
        .post('/api/v1/organisations')
        .set(real.auth)
        .send({ name: 'Ministry of Foreign Affairs Nepal', stakeholderType: 'government', countryIso3: 'NPL' })
        .expect(201);
      await request(server).post(`/api/v1/organisations/${genuine.body.id}/verify`).set(admin.auth).expect(200);
      expect((await request(server).post(`/api/v1/organisations/${fake.body.id}/verify`).set(admin.auth).expect(409)).body.code).toBe(
        'ORGANISATION_EXISTS',
      );
      const third = await request(server)
        .post('/api/v1/organisations')
        .set(impostor.auth)
        .send({ name: 'ministry of foreign affairs nepal', stakeholderType: 'government', countryIso3: 'NPL' })
        .expect(409);
      expect(third.body.code).toBe('ORGANISATION_EXISTS');
      const official = await post(real, 'The ministry’s position', { actingOrganisationId: genuine.body.id });
      expect(official.author).toMatchObject({ stakeholderType: 'government', organisation: { verified: true } });
    });

    it('lists a round’s moderators with their government ties', async () => {
      const list = (await request(server).get(`/api/v1/consultations/${round.id}/moderators`).set(admin.auth).expect(200))
        .body as RoundRoleList;
      expect(list.people.find((p) => p.userId === official.user.id)).toMatchObject({
        displayName: 'Official of Nepal',
        governmentTies: ['NPL'],
      });
      expect(list.people.find((p) => p.userId === moderator.user.id)?.governmentTies).toEqual([]);
      const officers = (
        await request(server).get(`/api/v1/consultations/${officerRound.id}/safeguarding-officers`).set(admin.auth).expect(200)
      ).body as RoundRoleList;
      expect(officers.userIds.sort()).toEqual([officer.user.id, secondOfficer.user.id].sort());
      await request(server).get(`/api/v1/consultations/${officerRound.id}/safeguarding-officers`).set(moderator.auth).expect(403);
    });
  });

  describe('public moderation data', () => {
    it('holds applied decisions only: no safeguarding decisions, no proposals awaiting a co-signature', async () => {
      const spec = DATASETS.moderation.query({ consultationId: officerRound.id }, 'public', 'seed');
      const rows: Array<{ status: string; comment_key: string }> = await testApp.dataSource.query(spec.sql, spec.params);
      const full = DATASETS.moderation.query({ consultationId: officerRound.id }, 'full', 'seed');
      const all: Array<{ status: string; comment_id: string }> = await testApp.dataSource.query(full.sql, full.params);
      expect(all.length).toBeGreaterThan(rows.length);
      expect(rows.every((row) => row.status === 'applied')).toBe(true);
      const safeguarded: Array<{ id: string }> = await testApp.dataSource.query(
        `SELECT DISTINCT d.id FROM moderation_decision d JOIN comment_flag f ON f.comment_id = d.comment_id AND f.reason = 'safeguarding' WHERE d.consultation_id = $1`,
        [officerRound.id],
      );
      expect(safeguarded.length).toBeGreaterThan(0);
      expect(rows.length).toBe(all.filter((row) => row.status === 'applied').length - safeguarded.length);
      const pending = DATASETS.moderation.query({ consultationId: round.id }, 'public', 'seed');
      const publicRows: Array<{ status: string }> = await testApp.dataSource.query(pending.sql, pending.params);
      expect(publicRows.some((row) => row.status !== 'applied')).toBe(false);
    });
  });
});
