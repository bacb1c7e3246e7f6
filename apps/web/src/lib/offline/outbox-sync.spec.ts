import '../../test/fake-indexeddb';
import { ErrorCode, type Me } from '@compact-voices/contracts';
import { clear } from 'idb-keyval';
import { participant } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi, type MockReply } from '../../test/mock-api';
import type { SessionState } from '../auth-session';
import { forgetOfflineData } from './forget-offline-data';
import { draftsStore, outboxStore } from './offline-db';
import { enqueue, outboxItems, type OutboxItem } from './outbox';
import { flushOutbox, type OutboxSession } from './outbox-sync';
import { loadDraft, saveDraft } from './drafts';

const THREAD = { consultationId: 'round-1', code: 'PC-1' };
const COMMENTS = '/api/v1/consultations/round-1/recommendations/PC-1/comments';
const RATING = '/api/v1/consultations/round-1/recommendations/PC-1/ratings/NPL';

const alice: Me = { ...participant, id: 'user-alice' };
const bob: Me = { ...participant, id: 'user-bob' };

/** A session as lib/auth-session.ts keeps it: who is signed in, with which token. */
function sessionOf(user: Me | null, token = 'token-1'): OutboxSession & { refreshes: number } {
  const state: SessionState = user ? { status: 'signed-in', user } : { status: 'signed-out', user: null };
  return {
    refreshes: 0,
    getState: () => state,
    accessToken: user ? token : null,
    async refresh() {
      this.refreshes += 1;
      return user ? token : null;
    },
    subscribe: () => () => undefined,
  };
}

let time = 1_000;
function comment(body: string, userId = alice.id, key = `key-${body}`): Promise<OutboxItem> {
  time += 1;
  return enqueue(
    {
      method: 'POST',
      path: '/consultations/round-1/recommendations/PC-1/comments',
      body: { body },
      idempotencyKey: key,
      userId,
      kind: 'comment',
      thread: THREAD,
    },
    time,
  );
}

function rating(score: number, userId = alice.id): Promise<OutboxItem> {
  time += 1;
  return enqueue(
    {
      method: 'PUT',
      path: '/consultations/round-1/recommendations/PC-1/ratings/NPL',
      body: { score, dontKnow: false },
      idempotencyKey: `rating-${score}`,
      userId,
      kind: 'rating',
      thread: THREAD,
      countryIso3: 'NPL',
    },
    time,
  );
}

const created = (call: { body: unknown }): MockReply => ({ status: 201, body: { id: 'c', ...(call.body as object) } });

describe('offline outbox', () => {
  let api: MockApi | undefined;

  beforeEach(async () => {
    await clear(outboxStore());
    await clear(draftsStore());
  });
  afterEach(() => api?.restore());

  it('sends the writer’s items once each, oldest first, with the key each was first sent with', async () => {
    await comment('first');
    await rating(3);
    await comment('second');
    api = mockApi({ [`POST ${COMMENTS}`]: created, [`PUT ${RATING}`]: { status: 200, body: {} } });

    const report = await flushOutbox(sessionOf(alice));

    expect(api.calls.map((call) => [call.method, call.url, call.headers['idempotency-key'], call.headers.authorization])).toEqual([
      ['POST', COMMENTS, 'key-first', 'Bearer token-1'],
      ['PUT', RATING, 'rating-3', 'Bearer token-1'],
      ['POST', COMMENTS, 'key-second', 'Bearer token-1'],
    ]);
    expect(api.calls.map((call) => call.body)).toEqual([{ body: 'first' }, { score: 3, dontKnow: false }, { body: 'second' }]);
    expect(report.sent).toHaveLength(3);
    await expect(outboxItems()).resolves.toEqual([]);

    // Nothing is left to send twice.
    await flushOutbox(sessionOf(alice));
    expect(api.calls).toHaveLength(3);
  });

  it('keeps an item on a network error or a 5xx, and sends nothing after it', async () => {
    await comment('first');
    await comment('second');
    let reply: MockReply | 'drop' = 'drop';
    api = mockApi({
      [`POST ${COMMENTS}`]: (call) => {
        if (reply === 'drop') throw new TypeError('Failed to fetch');
        return reply.status === 201 ? created(call) : reply;
      },
    });

    await expect(flushOutbox(sessionOf(alice))).resolves.toMatchObject({ sent: [], waiting: 2 });
    reply = errorReply(503, ErrorCode.SERVICE_UNAVAILABLE);
    await expect(flushOutbox(sessionOf(alice))).resolves.toMatchObject({ sent: [], waiting: 2 });
    reply = errorReply(409, ErrorCode.IDEMPOTENCY_IN_PROGRESS);
    await expect(flushOutbox(sessionOf(alice))).resolves.toMatchObject({ sent: [], waiting: 2 });
    expect(api.calls.map((call) => call.body)).toEqual([{ body: 'first' }, { body: 'first' }, { body: 'first' }]);
    expect((await outboxItems()).map((item) => [item.idempotencyKey, item.failure])).toEqual([
      ['key-first', undefined],
      ['key-second', undefined],
    ]);

    reply = { status: 201 };
    await expect(flushOutbox(sessionOf(alice))).resolves.toMatchObject({ waiting: 0 });
    expect(api.calls.slice(3).map((call) => call.headers['idempotency-key'])).toEqual(['key-first', 'key-second']);
    await expect(outboxItems()).resolves.toEqual([]);
  });

  it('marks an item the API refuses for good (a 4xx) as refused, with the reason, and goes on with the next', async () => {
    await comment('closed');
    await comment('next');
    api = mockApi({
      [`POST ${COMMENTS}`]: (call) =>
        (call.body as { body: string }).body === 'closed'
          ? errorReply(409, ErrorCode.CONSULTATION_CLOSED, 'The round is closed')
          : created(call),
    });

    const report = await flushOutbox(sessionOf(alice));

    expect(report.refused.map((item) => item.idempotencyKey)).toEqual(['key-closed']);
    expect(report.sent.map((item) => item.idempotencyKey)).toEqual(['key-next']);
    const left = await outboxItems();
    expect(left).toHaveLength(1);
    expect(left[0].failure).toEqual({ status: 409, code: ErrorCode.CONSULTATION_CLOSED, message: 'The round is closed' });
    // A refused item is shown, never sent again.
    await flushOutbox(sessionOf(alice));
    expect(api.calls).toHaveLength(2);
  });

  it('retries once with a fresh token after a 401, and keeps the item when the session is gone', async () => {
    await comment('late');
    let first = true;
    api = mockApi({
      [`POST ${COMMENTS}`]: (call) => {
        if (first) {
          first = false;
          return errorReply(401, ErrorCode.UNAUTHORIZED);
        }
        return created(call);
      },
    });
    const session = sessionOf(alice);
    await expect(flushOutbox(session)).resolves.toMatchObject({ waiting: 0 });
    expect(session.refreshes).toBe(1);
    expect(api.calls.map((call) => call.headers['idempotency-key'])).toEqual(['key-late', 'key-late']);

    await comment('expired');
    api.restore();
    api = mockApi({ [`POST ${COMMENTS}`]: errorReply(401, ErrorCode.UNAUTHORIZED) });
    await expect(flushOutbox(sessionOf(alice))).resolves.toMatchObject({ waiting: 1, refused: [] });
    expect((await outboxItems())[0].failure).toBeUndefined();
  });

  it('sends only the items of the person signed in: another’s wait for them', async () => {
    await comment('by alice', alice.id);
    await comment('by bob', bob.id);
    api = mockApi({ [`POST ${COMMENTS}`]: created });

    await flushOutbox(sessionOf(bob, 'bob-token'));
    expect(api.calls.map((call) => [call.body, call.headers.authorization])).toEqual([[{ body: 'by bob' }, 'Bearer bob-token']]);
    expect((await outboxItems()).map((item) => item.userId)).toEqual([alice.id]);

    await flushOutbox(sessionOf(null));
    expect(api.calls).toHaveLength(1);
  });

  it('forgets a person’s items and drafts at sign-out, and nobody else’s', async () => {
    await comment('by alice', alice.id);
    await comment('by bob', bob.id);
    await saveDraft(alice.id, 'comment:round-1:PC-1:top', { body: 'half a thought' });
    await saveDraft(bob.id, 'comment:round-1:PC-1:top', { body: 'bob’s' });

    await forgetOfflineData(alice.id);

    expect((await outboxItems()).map((item) => item.userId)).toEqual([bob.id]);
    await expect(loadDraft(alice.id, 'comment:round-1:PC-1:top')).resolves.toBeUndefined();
    await expect(loadDraft(bob.id, 'comment:round-1:PC-1:top')).resolves.toEqual({ body: 'bob’s' });
  });
});
