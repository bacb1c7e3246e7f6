import type { ThreadEvent, ThreadRef } from '@compact-voices/contracts';
import { FakeSocket, type JoinAnswer } from '../../test/fake-socket';
import { reconnectDelay, type CreateLiveSocket, type HandshakeAuth, type LiveStatus } from './live-connection';
import { EMIT_BUDGET, EMIT_WINDOW_MS, JOIN_TIMEOUT_MS, LiveHub, liveHub, threadKey, type ThreadSubscriber } from './live-hub';

const ROUND = '0b6f4a52-8f0e-4d47-9a3c-2f1d6f0b9a11';
const PC1: ThreadRef = { consultationId: ROUND, recommendationCode: 'PC-1' };
const HR1: ThreadRef = { consultationId: ROUND, recommendationCode: 'HR-1' };
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** A fake socket that answers each thread's join with what the test set for that thread (null: no answer). */
class HubSocket extends FakeSocket {
  readonly answers = new Map<string, JoinAnswer | null>();

  override emit(event: string, ...args: unknown[]): this {
    const ack = args.at(-1);
    const ref = args[0] as ThreadRef | undefined;
    if (event === 'thread:join' && ref && this.answers.has(threadKey(ref)) && typeof ack === 'function') {
      this.sent.push({ event, args });
      queueMicrotask(() => {
        const answer = this.answers.get(threadKey(ref));
        if (answer) (ack as (value: JoinAnswer) => void)(answer);
      });
      return this;
    }
    return super.emit(event, ...args);
  }

  /** The threads this socket sent `event` for, in order. */
  threads(event: 'thread:join' | 'thread:leave'): string[] {
    return this.sent.filter((entry) => entry.event === event).map((entry) => (entry.args[0] as ThreadRef).recommendationCode);
  }
}

interface Timer {
  task: () => void;
  delay: number;
  at: number;
  done: boolean;
}

function setup(
  options: {
    token?: string | null;
    renew?: (rejected: string | null) => Promise<string | null>;
    online?: boolean;
    /** The socket code fails to load this many times first. */
    loadFailures?: number;
    /** Set up each new socket (its join answers, a refused handshake). */
    configure?: (socket: HubSocket) => void;
  } = {},
) {
  let token = options.token ?? null;
  let now = 0;
  let loadFailures = options.loadFailures ?? 0;
  const sockets: HubSocket[] = [];
  const timers: Timer[] = [];
  const authListeners = new Set<() => void>();
  const network: { online?: () => void; offline?: () => void; watching: boolean } = { watching: false };
  let createCalls = 0;
  const hub = new LiveHub({
    createSocket: async (auth: HandshakeAuth) => {
      createCalls += 1;
      if (loadFailures > 0) {
        loadFailures -= 1;
        throw new Error('Failed to fetch dynamically imported module');
      }
      const socket = new HubSocket(auth);
      options.configure?.(socket);
      sockets.push(socket);
      return socket;
    },
    token: () => token,
    renewToken: options.renew,
    watchAuth: (listener) => {
      authListeners.add(listener);
      return () => authListeners.delete(listener);
    },
    watchNetwork: (online, offline) => {
      Object.assign(network, { online, offline, watching: true });
      return () => Object.assign(network, { online: undefined, offline: undefined, watching: false });
    },
    isOnline: () => options.online ?? true,
    random: () => 0.5,
    now: () => now,
    schedule: (task, delay) => {
      const timer: Timer = { task, delay, at: now + delay, done: false };
      timers.push(timer);
      return () => {
        timer.done = true;
      };
    },
  });

  /** A thread subscriber that records what it is told. */
  function follow(ref: ThreadRef) {
    const seen = { joins: [] as number[], events: [] as ThreadEvent[], presence: [] as number[], statuses: [] as LiveStatus[] };
    const subscriber: ThreadSubscriber = {
      onJoined: (lastSeq) => seen.joins.push(lastSeq),
      onEvent: (event) => seen.events.push(event),
      onPresence: (count) => seen.presence.push(count),
      onStatus: (status) => seen.statuses.push(status),
    };
    const unsubscribe = hub.subscribeThread(ref, subscriber);
    return { ...seen, unsubscribe };
  }

  function personal() {
    const seen = { statuses: [] as LiveStatus[], notifications: [] as string[], progress: [] as string[] };
    const unsubscribe = hub.subscribe({
      onStatus: (status) => seen.statuses.push(status),
      onNotification: (notification) => seen.notifications.push(notification.id),
      onExportProgress: (event) => seen.progress.push(`${event.id}:${event.status}`),
    });
    return { ...seen, unsubscribe };
  }

  return {
    hub,
    follow,
    personal,
    sockets,
    socket: () => sockets.at(-1)!,
    createCalls: () => createCalls,
    network,
    authListeners,
    setToken: (value: string | null) => {
      token = value;
      for (const listener of [...authListeners]) listener();
    },
    /** Timers still to run, not counting join timeouts. */
    waiting: () => timers.filter((timer) => !timer.done && timer.delay !== JOIN_TIMEOUT_MS).map((timer) => timer.delay),
    /** Moves the clock on, running every timer that falls due, in order. */
    advance: async (ms: number) => {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((timer) => !timer.done && timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = due.at;
        due.done = true;
        due.task();
        await flush();
      }
      now = until;
    },
  };
}

const comment = (code: string, id: string, seq: number) => ({ id, consultationId: ROUND, recommendationCode: code, body: 'Hi', seq });

describe('LiveHub', () => {
  it('opens the socket only when a feature subscribes, and shares it: a thread, notifications and export progress on one socket', async () => {
    const live = setup({ token: 'token-1' });
    expect(live.createCalls()).toBe(0);
    expect(live.hub.isOpen).toBe(false);

    const mine = live.personal();
    const thread = live.follow(PC1);
    const other = live.follow(HR1);
    await flush();
    expect(live.createCalls()).toBe(1);
    const socket = live.socket();
    expect(socket.connects).toBe(1);
    expect(socket.handshakes).toEqual(['token-1']);
    expect(socket.threads('thread:join')).toEqual(['PC-1', 'HR-1']);
    expect(mine.statuses).toEqual(['connecting', 'live']);
    expect(thread.statuses).toEqual(['connecting', 'live']);
    expect(thread.joins).toEqual([0]);

    socket.serverEmit('comment.created', comment('PC-1', 'c1', 1));
    socket.serverEmit('comment.created', comment('HR-1', 'c2', 1));
    socket.serverEmit('notification', { id: 'n-1' });
    socket.serverEmit('export.progress', { id: 'job-1', status: 'running', progress: 0.5 });
    expect(thread.events.map((event) => (event.payload as { id: string }).id)).toEqual(['c1']);
    expect(other.events.map((event) => (event.payload as { id: string }).id)).toEqual(['c2']);
    // The payload is the comment without its seq.
    expect(thread.events[0]).toEqual({
      seq: 1,
      type: 'comment.created',
      payload: { id: 'c1', consultationId: ROUND, recommendationCode: 'PC-1', body: 'Hi' },
    });
    expect(mine.notifications).toEqual(['n-1']);
    expect(mine.progress).toEqual(['job-1:running']);
    expect(live.createCalls()).toBe(1);
  });

  it('closes the socket after the last unsubscribe (leaving its threads), and opens a new one when needed again', async () => {
    const live = setup();
    const mine = live.personal();
    const thread = live.follow(PC1);
    await flush();
    const socket = live.socket();

    mine.unsubscribe();
    await flush();
    expect(socket.connected).toBe(true);
    thread.unsubscribe();
    expect(socket.threads('thread:leave')).toEqual(['PC-1']);
    await flush();
    expect(socket.connected).toBe(false);
    expect(live.hub.isOpen).toBe(false);
    expect(live.network.watching).toBe(false);
    expect(live.authListeners.size).toBe(0);
    // Events of a closed socket reach nobody.
    socket.serverEmit('comment.created', comment('PC-1', 'late', 9));
    expect(thread.events).toEqual([]);

    const again = live.follow(HR1);
    await flush();
    expect(live.sockets).toHaveLength(2);
    expect(live.socket().threads('thread:join')).toEqual(['HR-1']);
    expect(again.statuses.at(-1)).toBe('live');
  });

  it('keeps the socket when a page swaps one thread for another in one go', async () => {
    const live = setup();
    const first = live.follow(PC1);
    await flush();
    first.unsubscribe();
    const second = live.follow(HR1);
    await flush();
    expect(live.sockets).toHaveLength(1);
    expect(live.socket().sent.map((entry) => `${entry.event} ${(entry.args[0] as ThreadRef).recommendationCode}`)).toEqual([
      'thread:join PC-1',
      'thread:leave PC-1',
      'thread:join HR-1',
    ]);
    expect(second.statuses.at(-1)).toBe('live');
  });

  it('lets go of a socket whose code arrived after the last subscriber had gone', async () => {
    let release!: () => void;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const sockets: FakeSocket[] = [];
    const hub = new LiveHub({
      createSocket: async (auth) => {
        await loaded;
        const socket = new FakeSocket(auth);
        sockets.push(socket);
        return socket;
      },
      token: () => null,
      watchNetwork: () => () => undefined,
    });
    const unsubscribe = hub.subscribeThread(PC1, { onJoined: () => undefined, onEvent: () => undefined });
    unsubscribe();
    await flush();
    expect(hub.isOpen).toBe(false);
    release();
    await flush();
    expect(sockets).toHaveLength(1);
    expect(sockets[0].connects).toBe(0);
  });

  it('reconnects after a drop with growing, jittered delays, then rejoins every thread and resyncs each subscriber', async () => {
    const live = setup();
    const mine = live.personal();
    const pc1 = live.follow(PC1);
    const hr1 = live.follow(HR1);
    await flush();
    const socket = live.socket();
    socket.drop();
    expect(pc1.statuses.at(-1)).toBe('reconnecting');
    expect(mine.statuses.at(-1)).toBe('reconnecting');
    expect(live.waiting()).toEqual([750]);

    // The reconnect fails twice: the waits grow.
    socket.connectError = new Error('xhr poll error');
    await live.advance(750);
    await live.advance(1500);
    expect(live.waiting()).toEqual([3000]);
    expect(pc1.statuses.at(-1)).toBe('reconnecting');

    socket.connectError = null;
    socket.answers.set(threadKey(PC1), { ok: true, lastSeq: 12 });
    socket.answers.set(threadKey(HR1), { ok: true, lastSeq: 4 });
    await live.advance(3000);
    expect(live.sockets).toHaveLength(1);
    expect(socket.threads('thread:join')).toEqual(['PC-1', 'HR-1', 'PC-1', 'HR-1']);
    expect(pc1.joins).toEqual([0, 12]);
    expect(hr1.joins).toEqual([0, 4]);
    expect(pc1.statuses).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    expect(mine.statuses).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    expect(reconnectDelay(10, () => 1)).toBe(30_000);
  });

  it('leaves only the thread that was let go; the others keep their room and events', async () => {
    const live = setup();
    const pc1 = live.follow(PC1);
    const hr1 = live.follow(HR1);
    await flush();
    const socket = live.socket();
    pc1.unsubscribe();
    await flush();
    expect(socket.threads('thread:leave')).toEqual(['PC-1']);
    expect(socket.connected).toBe(true);
    socket.serverEmit('comment.created', comment('PC-1', 'gone', 2));
    socket.serverEmit('comment.created', comment('HR-1', 'kept', 2));
    expect(pc1.events).toEqual([]);
    expect(hr1.events.map((event) => event.seq)).toEqual([2]);
    // After a reconnect only the remaining thread is joined again.
    socket.drop();
    await live.advance(750);
    expect(socket.threads('thread:join')).toEqual(['PC-1', 'HR-1', 'HR-1']);
  });

  it('joins a thread once for two subscribers, gives a late subscriber its own join, and leaves when the last goes', async () => {
    const live = setup();
    const first = live.follow(PC1);
    const second = live.follow(PC1);
    await flush();
    const socket = live.socket();
    expect(socket.threads('thread:join')).toEqual(['PC-1']);
    expect([first.joins, second.joins]).toEqual([[0], [0]]);

    socket.answers.set(threadKey(PC1), { ok: true, lastSeq: 5 });
    const late = live.follow(PC1);
    await flush();
    expect(socket.threads('thread:join')).toEqual(['PC-1', 'PC-1']);
    expect([first.joins, second.joins, late.joins]).toEqual([[0], [0], [5]]);

    socket.serverEmit('comment.created', comment('PC-1', 'c6', 6));
    expect([first.events.length, second.events.length, late.events.length]).toEqual([1, 1, 1]);
    first.unsubscribe();
    second.unsubscribe();
    expect(socket.threads('thread:leave')).toEqual([]);
    late.unsubscribe();
    expect(socket.threads('thread:leave')).toEqual(['PC-1']);
  });

  it('routes reactions, summaries and presence by the thread they name, and without a name only while one thread is followed', async () => {
    const live = setup();
    const pc1 = live.follow(PC1);
    await flush();
    const socket = live.socket();
    // A server that does not name the thread: with one thread followed, it is that one.
    socket.serverEmit('presence', { count: 3 });
    socket.serverEmit('reactions.updated', { commentId: 'c1', reactions: { agree: 1, disagree: 0 }, seq: 2 });
    expect(pc1.presence).toEqual([3]);
    expect(pc1.events).toEqual([{ seq: 2, type: 'reactions.updated', payload: { commentId: 'c1', reactions: { agree: 1, disagree: 0 } } }]);

    const hr1 = live.follow(HR1);
    await flush();
    socket.serverEmit('presence', { count: 7 }); // which thread? Nobody can tell: dropped.
    socket.serverEmit('presence', { count: 2, consultationId: ROUND, recommendationCode: 'HR-1' });
    socket.serverEmit('ratings.summary', {
      countryIso3: 'NPL',
      summary: { n: 5 },
      seq: 9,
      consultationId: ROUND,
      recommendationCode: 'hr-1',
    });
    socket.serverEmit('reactions.updated', {
      commentId: 'c1',
      reactions: { agree: 2, disagree: 0 },
      seq: 3,
      consultationId: ROUND,
      recommendationCode: 'PC-1',
    });
    socket.serverEmit('comment.created', { ...comment('PC-1', 'c2', 4), seq: 'four' }); // no seq: ignored
    expect(pc1.presence).toEqual([3]);
    expect(hr1.presence).toEqual([2]);
    // The thread's name is for routing: the subscriber gets the payload of the contract.
    expect(hr1.events).toEqual([{ seq: 9, type: 'ratings.summary', payload: { countryIso3: 'NPL', summary: { n: 5 } } }]);
    expect(pc1.events.map((event) => event.seq)).toEqual([2, 3]);
    expect(pc1.events[1].payload).toEqual({ commentId: 'c1', reactions: { agree: 2, disagree: 0 } });
  });

  it('reconnects once, for everybody, when the session’s token changes, and not otherwise', async () => {
    const live = setup({ token: 'old' });
    const mine = live.personal();
    const pc1 = live.follow(PC1);
    const hr1 = live.follow(HR1);
    await flush();
    const socket = live.socket();
    expect(live.authListeners.size).toBe(1);

    live.setToken('old'); // the session changed, the token did not
    await flush();
    expect(socket.connects).toBe(1);

    live.setToken('new');
    await flush();
    expect(live.sockets).toHaveLength(1);
    expect(socket.connects).toBe(2);
    expect(socket.handshakes).toEqual(['old', 'new']);
    expect(socket.threads('thread:join')).toEqual(['PC-1', 'HR-1', 'PC-1', 'HR-1']);
    expect([pc1.joins, hr1.joins]).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(mine.statuses).toEqual(['connecting', 'live', 'reconnecting', 'live']);

    live.setToken(null); // signed out: anonymous, read-only
    await flush();
    expect(socket.handshakes).toEqual(['old', 'new', undefined]);
    expect(live.waiting()).toEqual([]);
  });

  it('renews an expired token the server refused; the session’s change reconnects with the fresh one', async () => {
    const renewed: Array<string | null> = [];
    const live = setup({
      token: 'expired',
      // The handshake is refused: the token expired on the way.
      configure: (socket) => (socket.connectError = new Error('INVALID_TOKEN')),
      renew: async (rejected) => {
        renewed.push(rejected);
        live.socket().connectError = null;
        live.setToken('fresh');
        return 'fresh';
      },
    });
    const pc1 = live.follow(PC1);
    await flush();
    expect(renewed).toEqual(['expired']);
    expect(live.socket().handshakes).toEqual(['expired', 'fresh']);
    expect(pc1.joins).toEqual([0]);
    expect(pc1.statuses).toEqual(['connecting', 'live']);
    // Reconnected already: no second try waits.
    expect(live.waiting()).toEqual([]);
  });

  it('renews a refused token and reconnects on its own when the session does not say so', async () => {
    const renewed: Array<string | null> = [];
    let token = 'expired';
    const sockets: FakeSocket[] = [];
    const timers: Array<() => void> = [];
    const hub = new LiveHub({
      createSocket: async (auth) => {
        const socket = new FakeSocket(auth);
        socket.connectError = new Error('INVALID_TOKEN');
        sockets.push(socket);
        return socket;
      },
      token: () => token,
      renewToken: async (rejected) => {
        renewed.push(rejected);
        token = 'fresh';
        return token;
      },
      watchNetwork: () => () => undefined,
      schedule: (task) => {
        timers.push(task);
        return () => undefined;
      },
    });
    const joins: number[] = [];
    hub.subscribeThread(PC1, { onJoined: (seq) => joins.push(seq), onEvent: () => undefined });
    await flush();
    expect(renewed).toEqual(['expired']);
    expect(joins).toEqual([]);
    sockets[0].connectError = null;
    timers.at(-1)!();
    await flush();
    expect(sockets[0].handshakes).toEqual(['expired', 'fresh']);
    expect(joins).toEqual([0]);
  });

  it('says offline while the browser is, and reconnects at once when it is back', async () => {
    const live = setup();
    const pc1 = live.follow(PC1);
    await flush();
    live.network.offline!();
    expect(pc1.statuses.at(-1)).toBe('offline');
    expect(live.waiting()).toEqual([]);
    live.network.online!();
    await flush();
    expect(live.socket().joins()).toBe(2);
    expect(pc1.statuses.at(-1)).toBe('live');
    expect(pc1.joins).toEqual([0, 0]);
  });

  it('loads the socket code again when the page opened offline and the browser comes back online', async () => {
    const live = setup({ online: false, loadFailures: 1 });
    const pc1 = live.follow(PC1);
    await flush();
    expect(pc1.statuses).toEqual(['offline']);
    expect(live.createCalls()).toBe(1);
    live.network.online!();
    await flush();
    expect(live.createCalls()).toBe(2);
    expect(pc1.joins).toEqual([0]);
    expect(pc1.statuses.at(-1)).toBe('live');
  });

  it('gives up on a thread that does not exist, without touching the others', async () => {
    const live = setup();
    const first = live.follow(PC1);
    await flush();
    const socket = live.socket();
    socket.answers.set(threadKey(HR1), { ok: false, code: 'NOT_IN_SCOPE' });
    const gone = live.follow(HR1);
    await flush();
    expect(gone.statuses.at(-1)).toBe('unavailable');
    expect(first.statuses.at(-1)).toBe('live');
    expect(live.waiting()).toEqual([]);
    expect(socket.connected).toBe(true);
    // Not joined after a reconnect either.
    socket.drop();
    await live.advance(750);
    expect(socket.threads('thread:join')).toEqual(['PC-1', 'HR-1', 'PC-1']);
    expect(gone.statuses.at(-1)).toBe('unavailable');
  });

  it('asks again later for a thread the server could not join just now, on the same socket', async () => {
    const live = setup();
    const first = live.follow(PC1);
    await flush();
    const socket = live.socket();
    socket.answers.set(threadKey(HR1), { ok: false, code: 'UNAVAILABLE' });
    const second = live.follow(HR1);
    await flush();
    expect(second.statuses.at(-1)).toBe('connecting');
    expect(live.waiting()).toEqual([750]);
    socket.answers.set(threadKey(HR1), { ok: true, lastSeq: 3 });
    await live.advance(750);
    expect(second.joins).toEqual([3]);
    expect(second.statuses.at(-1)).toBe('live');
    expect(first.joins).toEqual([0]);
    expect(socket.connects).toBe(1);
  });

  it('treats a join without an answer as a dropped connection', async () => {
    const live = setup({ configure: (socket) => socket.answers.set(threadKey(PC1), null) });
    const pc1 = live.follow(PC1);
    await flush();
    expect(pc1.statuses).toEqual(['connecting']);
    await live.advance(JOIN_TIMEOUT_MS);
    expect(pc1.statuses.at(-1)).toBe('reconnecting');
    expect(live.socket().connected).toBe(false);
    live.socket().answers.set(threadKey(PC1), { ok: true, lastSeq: 1 });
    await live.advance(750);
    expect(pc1.joins).toEqual([1]);
    expect(pc1.statuses.at(-1)).toBe('live');
  });

  it('paces joins and leaves inside the server’s event budget, and drops a leave that a rejoin makes moot', async () => {
    const live = setup();
    const keep = live.follow(PC1);
    await flush();
    const socket = live.socket();
    const refs = Array.from({ length: 20 }, (_, i) => ({ consultationId: ROUND, recommendationCode: `GR-${i + 1}` }));
    const many = refs.map((ref) => live.follow(ref));
    await flush();
    expect(socket.joins()).toBe(EMIT_BUDGET);
    expect(many.filter((thread) => thread.joins.length === 1)).toHaveLength(EMIT_BUDGET - 1);

    // Let go of one that was never joined (no event) and one that was (a leave, queued).
    many.at(-1)!.unsubscribe();
    many[0].unsubscribe();
    expect(socket.threads('thread:leave')).toEqual([]);
    // Back before the leave went out: it is dropped, and the new subscriber still gets its own join.
    const back = live.follow(refs[0]);
    await live.advance(EMIT_WINDOW_MS);
    expect(socket.threads('thread:leave')).toEqual([]);
    expect(socket.joins()).toBe(EMIT_BUDGET + 6);
    expect(many.slice(1, -1).every((thread) => thread.joins.length === 1)).toBe(true);
    expect(back.joins).toEqual([0]);
    expect(keep.statuses.at(-1)).toBe('live');
  });

  it('keeps one hub per socket factory: the real one for the tab, a fake one per test', () => {
    const fake: CreateLiveSocket = async (auth) => new FakeSocket(auth);
    expect(liveHub()).toBe(liveHub());
    expect(liveHub(fake)).toBe(liveHub(fake));
    expect(liveHub(fake)).not.toBe(liveHub());
  });
});
