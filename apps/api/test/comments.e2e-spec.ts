import request from 'supertest';
import type { App } from 'supertest/types.js';
import { z } from 'zod';
import { type Comment, type Consultation } from '@compact-voices/contracts';
import { commentAuthorSchema, commentSchema } from '@compact-voices/contracts/schemas';
import { signIn, signUpAndIn, uniqueEmail, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

describe('comments', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;
  let round: Consultation;
  let alice: SignedIn;
  let bob: SignedIn;
  const thread = () => `/api/v1/consultations/${round.id}/recommendations/HR-1/comments`;

  beforeAll(async () => {
    testApp = await createTestApp({ COMMENTS_PER_MINUTE: '1000' });
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    round = await openConsultation(testApp, admin, { recommendationCodes: ['HR-1', 'CS-3'], countryIso3s: ['NPL', 'MYS', 'PHL'] });
    alice = await signUpAndIn(testApp, { displayName: 'Alice' });
    bob = await signUpAndIn(testApp, { displayName: 'Bob' });
  });

  afterAll(async () => {
    if (process.env.DUMP_LOGS)
      process.stderr.write(
        testApp
          .logs()
          .split('\n')
          .filter((l) => l.includes('"level":50'))
          .join('\n'),
      );
    await testApp.close();
  });

  const post = (who: SignedIn, body: Record<string, unknown>, path = thread()) => request(server).post(path).set(who.auth).send(body);

  it('creates a comment with sanitised Markdown and the author as they acted', async () => {
    await request(server).patch('/api/v1/me').set(alice.auth).send({ countryIso3: 'NPL' }).expect(200);
    const created = await post(alice, {
      body: 'Ratify **C190**. [Text](https://www.ilo.org) <img src=x onerror=alert(1)>',
      countryIso3: 'MYS',
      stance: 'concern',
      language: 'en',
    }).expect(201);
    expect(created.body).toMatchObject({
      consultationId: round.id,
      recommendationCode: 'HR-1',
      parentId: null,
      depth: 0,
      countryIso3: 'MYS',
      stance: 'concern',
      language: 'en',
      status: 'published',
      editedAt: null,
      author: { displayName: 'Alice', stakeholderType: 'individual', organisation: null, countryIso3: 'NPL' },
      reactions: { agree: 0, disagree: 0, mine: null },
      mine: true,
    });
    expect(created.body.bodyHtml).toBe(
      '<p>Ratify <strong>C190</strong>. <a href="https://www.ilo.org" rel="nofollow ugc noopener">Text</a> &lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(JSON.stringify(created.body)).not.toMatch(/authorId|email|@test\.example/);
  });

  it('shows a protected author only by pseudonym, in every response', async () => {
    const carol = await signUpAndIn(testApp, { displayName: 'Carol Realname' });
    const { pseudonym } = (
      await request(server).patch('/api/v1/me').set(carol.auth).send({ privacyMode: 'protected', countryIso3: 'PHL' }).expect(200)
    ).body;
    const created = await post(carol, { body: 'I was recruited with false promises.' }).expect(201);
    expect(created.body.author).toEqual({ displayName: pseudonym });
    const listed = await request(server).get(thread()).expect(200);
    const text = JSON.stringify(listed.body);
    expect(text).toContain(pseudonym);
    expect(text).not.toContain('Carol Realname');
    expect(listed.body.items.find((c: Comment) => c.id === created.body.id).author).toEqual({ displayName: pseudonym });
  });

  it('threads replies to depth 3, and refuses a fourth level', async () => {
    let parent = (await post(alice, { body: 'Level zero' }).expect(201)).body as Comment;
    for (const depth of [1, 2, 3]) {
      parent = (await post(bob, { body: `Level ${depth}`, parentId: parent.id }).expect(201)).body as Comment;
      expect(parent.depth).toBe(depth);
    }
    const tooDeep = await post(alice, { body: 'Level four', parentId: parent.id }).expect(422);
    expect(tooDeep.body.code).toBe('REPLY_TOO_DEEP');
    const elsewhere = await post(
      alice,
      { body: 'Wrong thread', parentId: parent.id },
      `/api/v1/consultations/${round.id}/recommendations/CS-3/comments`,
    ).expect(404);
    expect(elsewhere.body.code).toBe('COMMENT_NOT_FOUND');
  });

  it('lets the author edit (keeping the earlier text) and delete (leaving a tombstone with its replies)', async () => {
    const root = (await post(alice, { body: 'First thought' }).expect(201)).body as Comment;
    const reply = (await post(bob, { body: 'A reply', parentId: root.id }).expect(201)).body as Comment;
    await request(server).patch(`/api/v1/comments/${root.id}`).set(bob.auth).send({ body: 'Hijacked' }).expect(404);
    await request(server).delete(`/api/v1/comments/${root.id}`).set(bob.auth).expect(404);
    const edited = await request(server).patch(`/api/v1/comments/${root.id}`).set(alice.auth).send({ body: 'Second thought' }).expect(200);
    expect(edited.body).toMatchObject({ body: 'Second thought', editedAt: expect.any(String) });
    const [revision] = await testApp.dataSource.query(`SELECT body FROM comment_revision WHERE comment_id = $1`, [root.id]);
    expect(revision.body).toBe('First thought');

    await request(server).delete(`/api/v1/comments/${root.id}`).set(alice.auth).expect(204);
    const tombstone = (await request(server).get(`/api/v1/comments/${root.id}`).expect(200)).body as Comment;
    expect(tombstone).toMatchObject({ status: 'deleted', body: '', bodyHtml: '', author: null });
    expect((await request(server).get(`/api/v1/comments/${reply.id}`).expect(200)).body.body).toBe('A reply');
    expect(await testApp.dataSource.query(`SELECT 1 FROM comment_revision WHERE comment_id = $1`, [root.id])).toEqual([]);
    await request(server).patch(`/api/v1/comments/${root.id}`).set(alice.auth).send({ body: 'Back from the dead' }).expect(404);
  });

  it('keeps one reaction per person with counts', async () => {
    const comment = (await post(alice, { body: 'React to me' }).expect(201)).body as Comment;
    const url = `/api/v1/comments/${comment.id}/reaction`;
    expect((await request(server).put(url).set(bob.auth).send({ kind: 'agree' }).expect(200)).body).toEqual({
      agree: 1,
      disagree: 0,
      mine: 'agree',
    });
    expect((await request(server).put(url).set(bob.auth).send({ kind: 'agree' }).expect(200)).body).toEqual({
      agree: 1,
      disagree: 0,
      mine: 'agree',
    });
    expect((await request(server).put(url).set(bob.auth).send({ kind: 'disagree' }).expect(200)).body).toEqual({
      agree: 0,
      disagree: 1,
      mine: 'disagree',
    });
    expect((await request(server).put(url).set(alice.auth).send({ kind: 'agree' }).expect(200)).body).toEqual({
      agree: 1,
      disagree: 1,
      mine: 'agree',
    });
    expect((await request(server).put(url).set(bob.auth).send({ kind: null }).expect(200)).body).toEqual({
      agree: 1,
      disagree: 0,
      mine: null,
    });
    await request(server).put(url).set(bob.auth).send({ kind: 'love' }).expect(400);
    const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM comment_reaction WHERE comment_id = $1`, [
      comment.id,
    ]);
    expect(count).toBe(1);
  });

  it('pages by top-level comment with keyset cursors in every sort order', async () => {
    const fresh = await openConsultation(testApp, admin, { recommendationCodes: ['PC-1'] });
    const url = `/api/v1/consultations/${fresh.id}/recommendations/PC-1/comments`;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await post(alice, { body: `Root ${i}` }, url).expect(201)).body.id);
    await post(bob, { body: 'Reply to root 11', parentId: ids[11] }, url).expect(201);
    await request(server).put(`/api/v1/comments/${ids[3]}/reaction`).set(bob.auth).send({ kind: 'agree' }).expect(200);

    const collect = async (sort: string) => {
      const seen: Comment[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await request(server)
          .get(url)
          .query({ sort, limit: 5, ...(cursor ? { cursor } : {}) })
          .expect(200);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };
    const newest = await collect('newest');
    expect(newest.filter((c) => c.depth === 0).map((c) => c.id)).toEqual([...ids].reverse());
    expect(newest[1]).toMatchObject({ body: 'Reply to root 11', parentId: ids[11], depth: 1 });
    expect((await collect('oldest')).filter((c) => c.depth === 0).map((c) => c.id)).toEqual(ids);
    expect((await collect('top'))[0]!.id).toBe(ids[3]);
    for (const bad of ['sort=createdAt;select pg_sleep(5)', 'cursor=not-a-cursor', 'limit=0', 'limit=101', 'order[createdAt]=desc']) {
      const response = await request(server).get(`${url}?${bad}`).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('finds comments with full-text search within a round', async () => {
    await post(bob, { body: 'Recruitment fees are charged to workers in Qatar' }).expect(201);
    const found = await request(server).get(`/api/v1/consultations/${round.id}/comments`).query({ q: 'recruitment fees' }).expect(200);
    expect(found.body.items.map((c: Comment) => c.body)).toContain('Recruitment fees are charged to workers in Qatar');
    const none = await request(server).get(`/api/v1/consultations/${round.id}/comments`).query({ q: 'zzzunlikelyword' }).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('finds a word of a comment in every interface language, in its own script, first among what matches', async () => {
    // One comment per language, each about the same thing; the search word is from the middle of it,
    // so that scripts written without spaces (Thai, Chinese) must be segmented to find it.
    const comments: Array<{ language: string; body: string; word: string }> = [
      { language: 'en', body: 'My employer kept my passport for three years.', word: 'passport' },
      { language: 'id', body: 'Majikan menahan paspor saya selama tiga tahun.', word: 'paspor' },
      { language: 'ur', body: 'میرے آجر نے تین سال تک میرا پاسپورٹ رکھا۔', word: 'پاسپورٹ' },
      { language: 'ne', body: 'मेरो रोजगारदाताले तीन वर्षसम्म मेरो राहदानी राख्यो।', word: 'राहदानी' },
      { language: 'bn', body: 'আমার নিয়োগকর্তা তিন বছর আমার পাসপোর্ট রেখে দিয়েছিলেন।', word: 'পাসপোর্ট' },
      { language: 'fil', body: 'Kinuha ng amo ko ang aking pasaporte nang tatlong taon.', word: 'pasaporte' },
      { language: 'th', body: 'นายจ้างยึดหนังสือเดินทางของฉันไว้สามปี', word: 'หนังสือเดินทาง' },
      { language: 'vi', body: 'Chủ lao động giữ hộ chiếu của tôi suốt ba năm.', word: 'hộ chiếu' },
      { language: 'zh', body: '我的雇主扣留了我的护照三年。', word: '护照' },
      { language: 'hi', body: 'मेरे नियोक्ता ने तीन साल तक मेरा पासपोर्ट रखा।', word: 'नियोक्ता' },
      { language: 'ar', body: 'احتفظ صاحب العمل بجواز سفري لمدة ثلاث سنوات.', word: 'بجواز' },
      { language: 'ru', body: 'Работодатель держал мой Паспорт три года.', word: 'паспорт' },
    ];
    for (const comment of comments) await post(alice, { body: comment.body, language: comment.language }).expect(201);
    for (const comment of comments) {
      const found = await request(server).get(`/api/v1/consultations/${round.id}/comments`).query({ q: comment.word }).expect(200);
      const bodies = found.body.items.map((c: Comment) => c.body);
      expect({ language: comment.language, first: bodies[0] }).toEqual({ language: comment.language, first: comment.body });
    }
    // A Thai word that is in no comment finds nothing; two words must both be there.
    const none = await request(server).get(`/api/v1/consultations/${round.id}/comments`).query({ q: 'ค่าธรรมเนียม' }).expect(200);
    expect(none.body.items).toEqual([]);
    const both = await request(server).get(`/api/v1/consultations/${round.id}/comments`).query({ q: '雇主 护照' }).expect(200);
    expect(both.body.items.map((c: Comment) => c.body)).toEqual(['我的雇主扣留了我的护照三年。']);
  });

  it('records the language of a comment and filters a thread by it', async () => {
    const thai = (await post(bob, { body: 'ค่าจ้างถูกหักโดยไม่มีเหตุผล', language: 'th' }).expect(201)).body as Comment;
    expect(thai.language).toBe('th');
    await post(bob, { body: 'Wages were cut for no reason', language: 'en' }).expect(201);
    const onlyThai = await request(server).get(thread()).query({ language: 'th', limit: 100 }).expect(200);
    const languages = new Set(onlyThai.body.items.filter((c: Comment) => !c.parentId).map((c: Comment) => c.language));
    expect([...languages]).toEqual(['th']);
    expect(onlyThai.body.items.map((c: Comment) => c.id)).toContain(thai.id);
    await request(server).get(thread()).query({ language: 'xx' }).expect(400);
  });

  it('replays an Idempotency-Key: the same comment once; another body is refused; a concurrent retry never duplicates', async () => {
    const key = `key-${Date.now()}`;
    const first = await post(alice, { body: 'Posted from a flaky phone' }).set('Idempotency-Key', key).expect(201);
    const retry = await post(alice, { body: 'Posted from a flaky phone' }).set('Idempotency-Key', key).expect(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const changed = await post(alice, { body: 'Something else' }).set('Idempotency-Key', key).expect(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const racing = `race-${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => post(alice, { body: 'Double tap' }).set('Idempotency-Key', racing)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM comment WHERE body = 'Double tap'`);
    expect(count).toBe(1);
    // Bob's key is his own: the same key does not collide across people.
    await post(bob, { body: 'Posted from a flaky phone, too' }).set('Idempotency-Key', key).expect(201);
  });

  it('takes over an Idempotency-Key whose claiming session died, and replays one recorded with the comment', async () => {
    const hash = (body: string) =>
      testApp.dataSource
        .query(`SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS h`, [`POST ${thread()}\n${JSON.stringify({ body })}`])
        .then((rows: Array<{ h: string }>) => rows[0]!.h);
    // A claim left by a process that was killed mid-request: its database session no longer exists.
    const orphan = `orphan-${Date.now()}`;
    await testApp.dataSource.query(
      `INSERT INTO idempotency_key (user_id, key, operation, request_hash, claimed_by_pid, claimed_by_start) VALUES ($1, $2, 'POST', $3, 2147483000, now())`,
      [alice.user.id, orphan, await hash('Sent just before the crash')],
    );
    const taken = await post(alice, { body: 'Sent just before the crash' }).set('Idempotency-Key', orphan).expect(201);
    const replay = await post(alice, { body: 'Sent just before the crash' }).set('Idempotency-Key', orphan).expect(201);
    expect(replay.body.id).toBe(taken.body.id);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // A claim whose session is alive (this test's own connection) is still in progress.
    const live = `live-${Date.now()}`;
    await testApp.dataSource.query(
      `INSERT INTO idempotency_key (user_id, key, operation, request_hash, claimed_by_pid, claimed_by_start)
       VALUES ($1, $2, 'POST', $3, pg_backend_pid(), (SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()))`,
      [alice.user.id, live, await hash('Still being sent')],
    );
    expect((await post(alice, { body: 'Still being sent' }).set('Idempotency-Key', live).expect(409)).body.code).toBe(
      'IDEMPOTENCY_IN_PROGRESS',
    );
  });

  it('refuses an immediate duplicate, a blank or oversized body, and unverified accounts', async () => {
    await post(bob, { body: 'Say it once' }).expect(201);
    expect((await post(bob, { body: 'Say it once' }).expect(409)).body.code).toBe('DUPLICATE_COMMENT');
    await post(bob, { body: '   ' }).expect(400);
    await post(bob, { body: 'x'.repeat(5001) }).expect(400);
    await post(bob, { body: 'ok', countryIso3: 'FRA' }).expect(400);
    await post(bob, { body: 'ok', authorId: alice.user.id }).expect(400);
    const email = uniqueEmail('unverified');
    await request(server).post('/api/v1/auth/sign-up').send({ email, password: 'unverified passphrase', displayName: 'U' }).expect(202);
    const unverified = await signIn(testApp, email, 'unverified passphrase');
    expect((await post(unverified, { body: 'Let me in' }).expect(403)).body.code).toBe('EMAIL_NOT_VERIFIED');
    await request(server).post(thread()).send({ body: 'anonymous' }).expect(401);
  });

  it('holds comments in a pre-moderated round: only the author sees them, marked pending', async () => {
    const moderated = await openConsultation(testApp, admin, { moderationMode: 'pre', recommendationCodes: ['CS-3'] });
    const url = `/api/v1/consultations/${moderated.id}/recommendations/CS-3/comments`;
    const pending = await post(alice, { body: 'Awaiting review' }, url).expect(201);
    expect(pending.body.status).toBe('pending');
    expect((await request(server).get(url).set(alice.auth).expect(200)).body.items.map((c: Comment) => c.id)).toEqual([pending.body.id]);
    expect((await request(server).get(url).set(bob.auth).expect(200)).body.items).toEqual([]);
    expect((await request(server).get(url).expect(200)).body.items).toEqual([]);
    await request(server).get(`/api/v1/comments/${pending.body.id}`).expect(404);
    await post(bob, { body: 'Reply to pending', parentId: pending.body.id }, url).expect(404);
  });

  it('on erasure keeps contributions as "Former participant", or removes them when asked', async () => {
    const fresh = await openConsultation(testApp, admin, { recommendationCodes: ['RL-2'], countryIso3s: ['NPL'] });
    const base = `/api/v1/consultations/${fresh.id}/recommendations/RL-2`;
    const keeper = await signUpAndIn(testApp, { displayName: 'Keeper' });
    const remover = await signUpAndIn(testApp, { displayName: 'Remover' });
    const kept = (await post(keeper, { body: 'Keep my words' }, `${base}/comments`).expect(201)).body as Comment;
    const removed = (await post(remover, { body: 'Take my words away' }, `${base}/comments`).expect(201)).body as Comment;
    const reply = (await post(bob, { body: 'A reply that stays', parentId: removed.id }, `${base}/comments`).expect(201)).body as Comment;
    await request(server).put(`${base}/ratings/NPL`).set(remover.auth).send({ score: 1 }).expect(200);
    const before = (await request(server).get(`${base}/events`).query({ after: 0 }).expect(200)).body.lastSeq;

    await request(server).delete('/api/v1/me').set(keeper.auth).send({ password: keeper.password }).expect(204);
    await request(server)
      .delete('/api/v1/me')
      .set(remover.auth)
      .send({ password: remover.password, removeContributions: true })
      .expect(204);

    expect((await request(server).get(`/api/v1/comments/${kept.id}`).expect(200)).body).toMatchObject({
      body: 'Keep my words',
      author: { displayName: 'Former participant' },
    });
    expect((await request(server).get(`/api/v1/comments/${removed.id}`).expect(200)).body).toMatchObject({
      status: 'deleted',
      body: '',
      author: null,
    });
    expect((await request(server).get(`/api/v1/comments/${reply.id}`).expect(200)).body.body).toBe('A reply that stays');
    expect(await testApp.dataSource.query(`SELECT 1 FROM rating WHERE consultation_id = $1`, [fresh.id])).toEqual([]);
    expect(await testApp.dataSource.query(`SELECT 1 FROM comment WHERE body = 'Take my words away'`)).toEqual([]);
    // The removal and the kept comment's new label are told at once (a live reader must not keep seeing the old name);
    // the rating was never published (one rating alone), so there is no summary to change.
    const after = (await request(server).get(`${base}/events`).query({ after: before }).expect(200)).body;
    expect(after.items.map((e: { type: string }) => e.type).sort()).toEqual(['comment.removed', 'comment.updated']);
    const relabelled = after.items.find((e: { type: string }) => e.type === 'comment.updated');
    expect(relabelled.payload).toMatchObject({ id: kept.id, author: { displayName: 'Former participant' } });
    expect(JSON.stringify(after.items)).not.toContain('Keeper');
  });

  it('answers every comment in exactly the shape of the contract’s schema, for its author and for anyone', async () => {
    const exact = z.array(commentSchema.extend({ author: commentAuthorSchema.strict().nullable() }).strict());
    for (const who of [alice.auth, {}]) {
      const page = await request(server).get(thread()).query({ limit: 100 }).set(who).expect(200);
      expect(page.body.items.length).toBeGreaterThan(0);
      const parsed = exact.safeParse(page.body.items);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    }
  });

  describe('protected participation', () => {
    const me = async (who: SignedIn) =>
      (await request(server).get('/api/v1/me').set(who.auth).expect(200)).body as { pseudonym: string; privacyMode: string };
    const setMode = async (who: SignedIn, body: Record<string, unknown>) =>
      (await request(server).patch('/api/v1/me').set(who.auth).send(body).expect(200)).body as { pseudonym: string };
    const read = async (id: string) => (await request(server).get(`/api/v1/comments/${id}`).expect(200)).body as Comment;

    it('keeps earlier comments under the label they were published with; every protected period has a new pseudonym', async () => {
      const dana = await signUpAndIn(testApp, { displayName: 'Dana Visible' });
      await setMode(dana, { countryIso3: 'NPL' });
      const signUpPseudonym = (await me(dana)).pseudonym;
      const published = (await post(dana, { body: 'Said in my own name', countryIso3: 'NPL' }).expect(201)).body as Comment;
      const named = { displayName: 'Dana Visible', stakeholderType: 'individual', organisation: null, countryIso3: 'NPL' };
      expect(published.author).toEqual(named);

      const first = (await setMode(dana, { privacyMode: 'protected' })).pseudonym;
      expect(first).toMatch(/^Participant [0-9A-Z]{6}$/);
      expect(first).not.toBe(signUpPseudonym);
      expect((await me(dana)).pseudonym).toBe(first);
      // Turning protection on again while on draws nothing new.
      expect((await setMode(dana, { privacyMode: 'protected' })).pseudonym).toBe(first);
      const hidden = (await post(dana, { body: 'Said under protection' }).expect(201)).body as Comment;
      expect(hidden.author).toEqual({ displayName: first });
      // The public comment still reads as it was published; the protected one shows the pseudonym and nothing else.
      expect((await read(published.id)).author).toEqual(named);
      expect((await read(hidden.id)).author).toEqual({ displayName: first });
      const page = JSON.stringify(
        (await request(server).get(thread()).expect(200)).body.items.filter((c: Comment) => [published.id, hidden.id].includes(c.id)),
      );
      expect(page).not.toContain(signUpPseudonym);

      // Back to public: nothing new is drawn, and the protected comment keeps its pseudonym, edits included.
      expect((await setMode(dana, { privacyMode: 'public' })).pseudonym).toBe(first);
      expect((await read(hidden.id)).author).toEqual({ displayName: first });
      await request(server)
        .patch(`/api/v1/comments/${hidden.id}`)
        .set(dana.auth)
        .send({ body: 'Said under protection, edited in public' })
        .expect(200);
      expect((await read(hidden.id)).author).toEqual({ displayName: first });
      expect((await post(dana, { body: 'Back in my own name' }).expect(201)).body.author).toMatchObject({ displayName: 'Dana Visible' });

      const second = (await setMode(dana, { privacyMode: 'protected' })).pseudonym;
      expect(second).not.toBe(first);
      expect(second).not.toBe(signUpPseudonym);
      expect((await post(dana, { body: 'A second protected period' }).expect(201)).body.author).toEqual({ displayName: second });
      expect((await read(hidden.id)).author).toEqual({ displayName: first });
      expect((await read(published.id)).author).toEqual(named);
    });

    it('on request shows earlier public comments as "Former participant", and tells live readers', async () => {
      const fresh = await openConsultation(testApp, admin, { recommendationCodes: ['HR-1'] });
      const url = `/api/v1/consultations/${fresh.id}/recommendations/HR-1`;
      const erin = await signUpAndIn(testApp, { displayName: 'Erin Exposed' });
      const earlier = (await post(erin, { body: 'Something I regret saying by name' }, `${url}/comments`).expect(201)).body as Comment;
      const before = (await request(server).get(`${url}/events`).query({ after: 0 }).expect(200)).body.lastSeq as number;

      // Only together with turning protection on.
      const alone = await request(server).patch('/api/v1/me').set(erin.auth).send({ anonymisePublicContributions: true }).expect(400);
      expect(alone.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'anonymisePublicContributions', reason: 'requiresProtected' }],
      });
      await request(server)
        .patch('/api/v1/me')
        .set(erin.auth)
        .send({ privacyMode: 'public', anonymisePublicContributions: true })
        .expect(400);
      await request(server)
        .patch('/api/v1/me')
        .set(erin.auth)
        .send({ privacyMode: 'protected', anonymisePublicContributions: 'yes' })
        .expect(400);
      expect((await read(earlier.id)).author).toMatchObject({ displayName: 'Erin Exposed' });

      const { pseudonym } = await setMode(erin, { privacyMode: 'protected', anonymisePublicContributions: true });
      expect((await read(earlier.id)).author).toEqual({ displayName: 'Former participant' });
      const later = (await post(erin, { body: 'Now under protection' }, `${url}/comments`).expect(201)).body as Comment;
      expect(later.author).toEqual({ displayName: pseudonym });
      const events = (await request(server).get(`${url}/events`).query({ after: before }).expect(200)).body.items as Array<{
        type: string;
        payload: Comment;
      }>;
      expect(events.map((event) => event.type)).toEqual(['comment.updated', 'comment.created']);
      expect(events[0]!.payload).toMatchObject({ id: earlier.id, author: { displayName: 'Former participant' } });
      const text = JSON.stringify((await request(server).get(`${url}/comments`).expect(200)).body);
      expect(text).not.toContain('Erin Exposed');
      // Going public again does not bring the name back.
      await setMode(erin, { privacyMode: 'public' });
      expect((await read(earlier.id)).author).toEqual({ displayName: 'Former participant' });
    });

    it('writes no log line that marks an account as protected or names its pseudonym', async () => {
      const fay = await signUpAndIn(testApp, { displayName: 'Fay Logged' });
      const { pseudonym } = await setMode(fay, { privacyMode: 'protected' });
      await post(fay, { body: 'Nobody reading the logs learns I am protected' }).expect(201);
      await setMode(fay, { privacyMode: 'public' });
      const logs = testApp.logs();
      expect(logs).toContain(fay.user.id); // her sign-in is logged, so the assertions below can fail
      expect(logs).not.toContain(pseudonym);
      const aboutFay = logs.split('\n').filter((line) => line.includes(fay.user.id));
      expect(aboutFay.filter((line) => /protected|privacy/i.test(line))).toEqual([]);
    });
  });

  it('replays a thread’s events by seq, rendering removed comments as tombstones', async () => {
    const fresh = await openConsultation(testApp, admin, { recommendationCodes: ['WS-2'] });
    const base = `/api/v1/consultations/${fresh.id}/recommendations/WS-2`;
    const a = (await post(alice, { body: 'One' }, `${base}/comments`).expect(201)).body as Comment;
    await request(server).patch(`/api/v1/comments/${a.id}`).set(alice.auth).send({ body: 'One, edited' }).expect(200);
    await request(server).put(`/api/v1/comments/${a.id}/reaction`).set(bob.auth).send({ kind: 'agree' }).expect(200);
    await request(server).delete(`/api/v1/comments/${a.id}`).set(alice.auth).expect(204);
    const all = await request(server).get(`${base}/events`).query({ after: 0 }).expect(200);
    expect(all.body.lastSeq).toBe(4);
    expect(all.body.items.map((e: { seq: number; type: string }) => [e.seq, e.type])).toEqual([
      [1, 'comment.created'],
      [2, 'comment.updated'],
      [3, 'reactions.updated'],
      [4, 'comment.removed'],
    ]);
    expect(all.body.items[0].payload).toMatchObject({ id: a.id, status: 'deleted', body: '', author: null });
    // A page says which seq it reflects, so a client follows live events from exactly there.
    expect((await request(server).get(`${base}/comments`).expect(200)).body.lastSeq).toBe(4);
    expect((await request(server).get(`${base}/comments`).set(bob.auth).expect(200)).body.lastSeq).toBe(4);
    const later = await request(server).get(`${base}/events`).query({ after: 3 }).expect(200);
    expect(later.body.items.map((e: { seq: number }) => e.seq)).toEqual([4]);
    await request(server).get(`${base}/events`).query({ after: -1 }).expect(400);
  });

  describe('on a slow network', () => {
    it('sends a thread page compressed as the client accepts, and 304 while the page is unchanged', async () => {
      for (let i = 0; i < 12; i++)
        await post(bob, { body: `A comment long enough to make the page worth compressing, number ${i}.` }).expect(201);
      const plain = await request(server).get(thread()).set('Accept-Encoding', 'identity').expect(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const page = plain.body as { items: unknown[]; lastSeq: number };
      for (const encoding of ['br', 'gzip'] as const) {
        // supertest decodes the body; the headers say what crossed the wire.
        const response = await request(server).get(thread()).set('Accept-Encoding', encoding).expect(200);
        expect(response.headers['content-encoding']).toBe(encoding);
        expect(response.headers.vary).toMatch(/Accept-Encoding/i);
        expect(response.body).toEqual(page);
        expect(Number(response.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text) / 2);
      }
      const etag = plain.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      await request(server).get(thread()).set('If-None-Match', etag).expect(304);
      // A new comment is a new page: the old copy is no longer current.
      await post(bob, { body: 'One more.' }).expect(201);
      const after = await request(server).get(thread()).set('If-None-Match', etag).expect(200);
      expect(after.headers.etag).not.toBe(etag);
    });

    it('compresses other GET answers too, but never what a POST returns', async () => {
      const list = await request(server).get('/api/v1/recommendations').set('Accept-Encoding', 'gzip').expect(200);
      expect(list.headers['content-encoding']).toBe('gzip');
      const signIn = await request(server)
        .post('/api/v1/auth/sign-in')
        .set('Accept-Encoding', 'gzip, br')
        .send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password })
        .expect(200);
      expect(signIn.headers['content-encoding']).toBeUndefined();
    });
  });
});
