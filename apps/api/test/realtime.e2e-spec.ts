import { randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import type { Namespace } from 'socket.io';
import type { Comment, Consultation } from '@compact-voices/contracts';
import { LiveGateway, threadRoom } from '../src/modules/realtime/live.gateway.js';
import { EXPORT_PROGRESS } from '../src/modules/exports/exports.events.js';
import { NOTIFICATION_CREATED } from '../src/modules/notifications/notifications.service.js';
import { CSRF, signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { openConsultation } from './support/consultations.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';
import { usesEmbedded } from './support/test-database.js';

const sockets: Socket[] = [];

function connect(testApp: TestApp, options: { token?: string; origin?: string; transports?: string[] } = {}): Socket {
  const socket = io(`${testApp.url()}/live`, {
    path: '/socket.io',
    auth: options.token ? { token: options.token } : {},
    transports: options.transports ?? ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: options.origin ? { Origin: options.origin } : {},
  });
  sockets.push(socket);
  return socket;
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

function refused(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, but should have been refused')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

function next<T>(socket: Socket, event: string, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

function disconnected(socket: Socket, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    if (socket.disconnected) return resolve(0);
    const timer = setTimeout(() => reject(new Error('still connected')), timeoutMs);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

const join = (socket: Socket, consultationId: string, recommendationCode: string) =>
  socket.timeout(5_000).emitWithAck('thread:join', { consultationId, recommendationCode }) as Promise<{
    ok: boolean;
    code?: string;
    lastSeq?: number;
  }>;

describe('live threads over socket.io', () => {
  let testApp: TestApp;
  let admin: SignedIn;
  let author: SignedIn;
  let round: Consultation;

  beforeAll(async () => {
    testApp = await createTestApp({ COMMENTS_PER_MINUTE: '1000' }, { listen: true });
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    author = await signUpAndIn(testApp, { displayName: 'Live Author' });
    round = await openConsultation(testApp, admin, { recommendationCodes: ['PC-1', 'IC-3'] });
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  afterAll(async () => {
    if (process.env.DUMP_LOGS)
      process.stderr.write(
        testApp
          .logs()
          .split('\n')
          .filter((l) => /"level":(40|50)/.test(l))
          .join('\n'),
      );
    await testApp.close();
  });

  const postComment = (body: string, app: TestApp = testApp) =>
    request(app.app.getHttpServer())
      .post(`/api/v1/consultations/${round.id}/recommendations/PC-1/comments`)
      .set(author.auth)
      .send({ body });

  it('lets an anonymous reader join a thread and receive new comments with a seq, and presence', async () => {
    const reader = connect(testApp);
    await connected(reader);
    const presence = next<{ count: number }>(reader, 'presence');
    const ack = await join(reader, round.id, 'pc-1');
    expect(ack).toMatchObject({ ok: true, lastSeq: expect.any(Number) });
    expect((await presence).count).toBe(1);
    const incoming = next<Comment & { seq: number }>(reader, 'comment.created');
    const posted = (await postComment('Hello, live thread').expect(201)).body as Comment;
    const received = await incoming;
    expect(received).toMatchObject({
      id: posted.id,
      body: 'Hello, live thread',
      author: { displayName: 'Live Author' },
      seq: ack.lastSeq! + 1,
    });
    // The socket payload is the public REST shape: nothing more.
    const publicView = (await request(testApp.app.getHttpServer()).get(`/api/v1/comments/${posted.id}`).expect(200)).body;
    const { seq, ...payload } = received;
    expect(seq).toBeGreaterThan(0);
    expect(payload).toEqual(publicView);
  });

  it('carries two threads, notifications and export progress on one signed-in socket, each thread event naming its thread', async () => {
    const server = testApp.app.getHttpServer();
    const socket = connect(testApp, { token: author.accessToken });
    await connected(socket);
    const presence: Array<{ count: number; consultationId?: string; recommendationCode?: string }> = [];
    socket.on('presence', (event: (typeof presence)[number]) => presence.push(event));
    expect(await join(socket, round.id, 'pc-1')).toMatchObject({ ok: true, lastSeq: expect.any(Number) });
    expect(await join(socket, round.id, 'IC-3')).toMatchObject({ ok: true, lastSeq: expect.any(Number) });
    const namespace = (testApp.app.get(LiveGateway) as unknown as { namespace: Namespace }).namespace;
    const rooms = () => [...(namespace.sockets.get(socket.id!)?.rooms ?? [])].filter((room) => room !== socket.id).sort();
    expect(rooms()).toEqual([
      expect.stringMatching(/^session:/),
      threadRoom(round.id, 'IC-3'),
      threadRoom(round.id, 'PC-1'),
      `user:${author.user.id}`,
    ]);

    // Presence, one per thread, each naming its thread.
    const deadline = Date.now() + 5_000;
    while (new Set(presence.map((event) => event.recommendationCode)).size < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      presence.map((event) => ({ ...event })).sort((a, b) => String(a.recommendationCode).localeCompare(String(b.recommendationCode))),
    ).toEqual([
      { count: 1, consultationId: round.id, recommendationCode: 'IC-3' },
      { count: 1, consultationId: round.id, recommendationCode: 'PC-1' },
    ]);

    // A reaction names its thread (a comment does by its own shape).
    const created = next<Comment & { seq: number }>(socket, 'comment.created');
    const posted = (await postComment('Two threads, one socket').expect(201)).body as Comment;
    expect(await created).toMatchObject({ id: posted.id, consultationId: round.id, recommendationCode: 'PC-1' });
    const reactions = next<{ commentId: string; seq: number }>(socket, 'reactions.updated');
    await request(server).put(`/api/v1/comments/${posted.id}/reaction`).set(admin.auth).send({ kind: 'agree' }).expect(200);
    expect(await reactions).toMatchObject({
      consultationId: round.id,
      recommendationCode: 'PC-1',
      commentId: posted.id,
      seq: expect.any(Number),
    });

    // What is addressed to the person arrives on the same socket.
    const events = testApp.app.get(EventEmitter2);
    const notification = next<{ id: string }>(socket, 'notification');
    const progress = next<{ id: string; status: string }>(socket, 'export.progress');
    const notificationId = randomUUID();
    events.emit(NOTIFICATION_CREATED, {
      userId: author.user.id,
      notification: { id: notificationId, kind: 'moderation.decision', createdAt: new Date().toISOString(), readAt: null },
    });
    events.emit(EXPORT_PROGRESS, { userId: author.user.id, event: { id: 'job-live', status: 'running', progress: 0.5, rowCount: null } });
    expect((await notification).id).toBe(notificationId);
    expect(await progress).toMatchObject({ id: 'job-live', status: 'running' });

    // Leaving one thread keeps the other.
    expect(await socket.timeout(5_000).emitWithAck('thread:leave', { consultationId: round.id, recommendationCode: 'PC-1' })).toEqual({
      ok: true,
    });
    expect(rooms()).toEqual([expect.stringMatching(/^session:/), threadRoom(round.id, 'IC-3'), `user:${author.user.id}`]);
  });

  it('refuses bad tokens at the handshake', async () => {
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: author.user.id, typ: 'access' })).toString('base64url')}.`;
    for (const token of ['garbage', none, author.refreshToken]) {
      expect(await refused(connect(testApp, { token }))).toBe('INVALID_TOKEN');
    }
    const signedIn = connect(testApp, { token: author.accessToken });
    await connected(signedIn);
  });

  it('refuses a handshake from a foreign origin on both transports', async () => {
    for (const transports of [['websocket'], ['polling']]) {
      const message = await refused(connect(testApp, { origin: 'https://evil.example', transports }));
      expect(message).toBeTruthy();
    }
    await connected(connect(testApp, { origin: 'http://app.test', transports: ['polling'] }));
  });

  it('refuses to join a draft round or a recommendation outside the round, and the socket is not in the room', async () => {
    const draft = (
      await request(testApp.app.getHttpServer())
        .post('/api/v1/consultations')
        .set(admin.auth)
        .send({
          title: 'Secret draft',
          opensAt: new Date(Date.now() - 1000).toISOString(),
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          moderationMode: 'post',
        })
        .expect(201)
    ).body as Consultation;
    const reader = connect(testApp);
    await connected(reader);
    expect(await join(reader, draft.id, 'PC-1')).toEqual({ ok: false, code: 'CONSULTATION_NOT_FOUND' });
    expect(await join(reader, round.id, 'GR-1')).toEqual({ ok: false, code: 'NOT_IN_SCOPE' });
    expect(await join(reader, 'not-a-uuid', 'PC-1')).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    const namespace = (testApp.app.get(LiveGateway) as unknown as { namespace: Namespace }).namespace;
    expect((await namespace.in(threadRoom(draft.id, 'PC-1')).fetchSockets()).length).toBe(0);
    // The admin may watch a draft, as in REST.
    const adminSocket = connect(testApp, { token: admin.accessToken });
    await connected(adminSocket);
    expect(await join(adminSocket, draft.id, 'PC-1')).toMatchObject({ ok: true });
  });

  it('drops the sockets of a person whose roles change: a demoted admin reconnects without the draft rooms', async () => {
    const server = testApp.app.getHttpServer();
    const draft = (
      await request(server)
        .post('/api/v1/consultations')
        .set(admin.auth)
        .send({
          title: 'Another draft',
          opensAt: new Date(Date.now() - 1000).toISOString(),
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          moderationMode: 'post',
        })
        .expect(201)
    ).body as Consultation;
    const deputy = await signUpAndIn(testApp, { displayName: 'Deputy Admin' });
    await request(server)
      .patch(`/api/v1/users/${deputy.user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['admin'] })
      .expect(200);
    const promoted = await signIn(testApp, deputy.email, deputy.password);
    const socket = connect(testApp, { token: promoted.accessToken });
    await connected(socket);
    expect(await join(socket, draft.id, 'PC-1')).toMatchObject({ ok: true });
    const dropped = disconnected(socket);
    await request(server)
      .patch(`/api/v1/users/${deputy.user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['participant'] })
      .expect(200);
    await dropped;
    const namespace = (testApp.app.get(LiveGateway) as unknown as { namespace: Namespace }).namespace;
    expect((await namespace.in(threadRoom(draft.id, 'PC-1')).fetchSockets()).length).toBe(0);
    // Back with a token of its new rights, the draft is not found any more.
    const again = connect(testApp, { token: (await signIn(testApp, deputy.email, deputy.password)).accessToken });
    await connected(again);
    expect(await join(again, draft.id, 'PC-1')).toEqual({ ok: false, code: 'CONSULTATION_NOT_FOUND' });
  });

  it('caps signed-out sockets per client address, and frees the place when one leaves', async () => {
    const from = (address: string) => {
      const socket = io(`${testApp.url()}/live`, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { 'X-Forwarded-For': address },
      });
      sockets.push(socket);
      return socket;
    };
    const crowd = Array.from({ length: 40 }, () => from('198.51.100.40'));
    await Promise.all(crowd.map(connected));
    expect(await refused(from('198.51.100.40'))).toBe('TOO_MANY_CONNECTIONS');
    // Another address, and a signed-in reader from the same one, are not affected.
    await connected(from('198.51.100.41'));
    await connected(connect(testApp, { token: author.accessToken }));
    const leaving = disconnected(crowd[0]!);
    crowd[0]!.disconnect();
    await leaving;
    const deadline = Date.now() + 5_000;
    let admitted = false;
    while (!admitted && Date.now() < deadline) {
      admitted = await connected(from('198.51.100.40')).then(
        () => true,
        () => false,
      );
      if (!admitted) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(admitted).toBe(true);
    for (const socket of crowd) socket.disconnect();
  });

  it('replays a run of rating events as one summary per country, and pages anonymous callers by 100', async () => {
    const server = testApp.app.getHttpServer();
    const base = `/api/v1/consultations/${round.id}/recommendations/IC-3`;
    const before = (await request(server).get(`${base}/events`).query({ after: 0 }).expect(200)).body.lastSeq as number;
    const { ThreadLogService } = await import('../src/modules/threads/thread-log.service.js');
    const log = testApp.app.get(ThreadLogService);
    await testApp.dataSource.transaction(async (manager) => {
      for (let i = 0; i < 120; i++)
        await log.append(manager, {
          consultationId: round.id,
          recommendationCode: 'IC-3',
          type: 'ratings.summary',
          countryIso3: i % 2 === 0 ? 'NPL' : 'PHL',
        });
    });
    const anonymous = (await request(server).get(`${base}/events`).query({ after: before, limit: 500 }).expect(200)).body as {
      items: Array<{ seq: number; type: string; payload: { countryIso3: string } }>;
    };
    // 100 events in the page, two of them rendered: the last summary of each country within it.
    expect(anonymous.items.map((item) => item.payload.countryIso3).sort()).toEqual(['NPL', 'PHL']);
    expect(Math.max(...anonymous.items.map((item) => item.seq))).toBe(before + 100);
    const signedIn = (await request(server).get(`${base}/events`).set(author.auth).query({ after: before, limit: 500 }).expect(200))
      .body as { items: Array<{ seq: number }> };
    expect(Math.max(...signedIn.items.map((item) => item.seq))).toBe(before + 120);
    expect(signedIn.items).toHaveLength(2);
  });

  it('refuses unknown events, and disconnects a flooding socket without affecting others', async () => {
    const flooder = connect(testApp, { token: author.accessToken });
    const bystander = connect(testApp);
    await Promise.all([connected(flooder), connected(bystander)]);
    await join(bystander, round.id, 'PC-1');
    flooder.emit('moderation:hide', { commentId: 'x' });
    const gone = disconnected(flooder);
    for (let i = 0; i < 200; i++) flooder.emit('thread:leave', { consultationId: round.id, recommendationCode: 'PC-1' });
    await gone;
    expect(testApp.logs()).toContain('"event":"ws.unknown_event"');
    expect(testApp.logs()).toContain('"event":"ws.rate_limited"');
    const incoming = next<Comment>(bystander, 'comment.created');
    await postComment('Still flowing after the flood').expect(201);
    expect((await incoming).body).toBe('Still flowing after the flood');
  });

  it('disconnects a sender of a frame over 64 KB', async () => {
    const sender = connect(testApp);
    await connected(sender);
    const gone = disconnected(sender);
    sender.emit('thread:join', { consultationId: round.id, recommendationCode: 'PC-1', padding: 'x'.repeat(100 * 1024) });
    await gone;
  });

  it('disconnects the sockets of a session within 5 s of sign-out', async () => {
    const session = await signIn(testApp, author.email, author.password);
    const socket = connect(testApp, { token: session.accessToken });
    await connected(socket);
    const gone = disconnected(socket, 5_000);
    await request(testApp.app.getHttpServer()).post('/api/v1/auth/sign-out').set(CSRF).set(session.auth).expect(204);
    expect(await gone).toBeLessThan(5_000);
    expect(await refused(connect(testApp, { token: session.accessToken }))).toBe('INVALID_TOKEN');
  });

  it('caps the sockets of one person at 10', async () => {
    const session = await signIn(testApp, author.email, author.password);
    const open = Array.from({ length: 10 }, () => connect(testApp, { token: session.accessToken }));
    await Promise.all(open.map(connected));
    expect(await refused(connect(testApp, { token: session.accessToken }))).toBe('TOO_MANY_CONNECTIONS');
  });

  (usesEmbedded ? it.skip : it)('carries events between two instances through Redis', async () => {
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const [first, second] = [
      await createTestApp({ REDIS_URL: redisUrl, COMMENTS_PER_MINUTE: '1000' }, { listen: true, shareDatabaseWith: testApp }),
      await createTestApp({ REDIS_URL: redisUrl, COMMENTS_PER_MINUTE: '1000' }, { listen: true, shareDatabaseWith: testApp }),
    ];
    try {
      const onSecond = connect(second);
      await connected(onSecond);
      await join(onSecond, round.id, 'PC-1');
      // Subscriptions settle asynchronously; retry the post until the second instance hears one.
      let received: Comment | undefined;
      for (let attempt = 0; attempt < 20 && !received; attempt++) {
        const incoming = next<Comment>(onSecond, 'comment.created', 500).catch(() => undefined);
        await postComment(`Across instances ${attempt}`, first).expect(201);
        received = await incoming;
      }
      expect(received?.body).toMatch(/^Across instances/);
    } finally {
      for (const socket of sockets.splice(0)) socket.disconnect();
      await first.close();
      await second.close();
    }
  });
});
