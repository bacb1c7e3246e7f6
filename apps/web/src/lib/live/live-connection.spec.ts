import type { ThreadEvent } from '@compact-voices/contracts';
import { FakeSocket } from '../../test/fake-socket';
import { LiveConnection, reconnectDelay, type LiveStatus } from './live-connection';

const THREAD = { consultationId: '0b6f4a52-8f0e-4d47-9a3c-2f1d6f0b9a11', recommendationCode: 'PC-1' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(
  options: {
    token?: string | null;
    renew?: (rejected: string | null) => Promise<string | null>;
    joinAnswer?: FakeSocket['joinAnswer'];
    connectError?: Error;
  } = {},
) {
  let token = options.token ?? null;
  let socket!: FakeSocket;
  const statuses: LiveStatus[] = [];
  const joins: number[] = [];
  const events: ThreadEvent[] = [];
  const presence: number[] = [];
  const timers: Array<{ task: () => void; delay: number; cancelled: boolean }> = [];
  const connection = new LiveConnection({
    thread: THREAD,
    createSocket: async (auth) => {
      socket = new FakeSocket(auth);
      if (options.joinAnswer !== undefined) socket.joinAnswer = options.joinAnswer;
      if (options.connectError) socket.connectError = options.connectError;
      return socket;
    },
    token: () => token,
    renewToken: options.renew,
    onJoined: (seq) => joins.push(seq),
    onEvent: (event) => events.push(event),
    onPresence: (count) => presence.push(count),
    onStatus: (status) => statuses.push(status),
    random: () => 0.5,
    schedule: (task, delay) => {
      const timer = { task, delay, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  return {
    connection,
    socket: () => socket,
    statuses,
    joins,
    events,
    presence,
    /** Reconnect timers (the 10 s join timeouts left out). */
    reconnects: () => timers.filter((timer) => timer.delay !== 10_000 && !timer.cancelled),
    setToken: (value: string | null) => {
      token = value;
    },
  };
}

describe('LiveConnection', () => {
  it('connects with the access token, joins the thread and passes events on without their seq in the payload', async () => {
    const live = setup({ token: 'token-1', joinAnswer: { ok: true, lastSeq: 7 } });
    await live.connection.start();
    await flush();
    expect(live.socket().handshakes).toEqual(['token-1']);
    expect(live.socket().sent[0].event).toBe('thread:join');
    expect(live.socket().sent[0].args[0]).toEqual(THREAD);
    expect(live.joins).toEqual([7]);
    expect(live.statuses).toEqual(['connecting', 'live']);

    live.socket().serverEmit('comment.created', { id: 'c1', body: 'Hi', seq: 8 });
    live.socket().serverEmit('presence', { count: 3 });
    live.socket().serverEmit('reactions.updated', { commentId: 'c1', reactions: { agree: 1, disagree: 0 } }); // no seq: ignored
    expect(live.events).toEqual([{ seq: 8, type: 'comment.created', payload: { id: 'c1', body: 'Hi' } }]);
    expect(live.presence).toEqual([3]);
  });

  it('reconnects after a drop with growing, jittered delays, and rejoins', async () => {
    const live = setup();
    await live.connection.start();
    await flush();
    live.socket().drop();
    expect(live.statuses.at(-1)).toBe('reconnecting');
    expect(live.reconnects().map((timer) => timer.delay)).toEqual([750]);

    // The reconnect fails twice: the waits grow.
    live.socket().connectError = new Error('xhr poll error');
    live.reconnects()[0].task();
    await flush();
    live.reconnects().at(-1)!.task();
    await flush();
    expect(live.reconnects().map((timer) => timer.delay)).toEqual([750, 1500, 3000]);
    expect(live.statuses.at(-1)).toBe('reconnecting');

    live.socket().connectError = null;
    live.socket().joinAnswer = { ok: true, lastSeq: 12 };
    live.reconnects().at(-1)!.task();
    await flush();
    expect(live.joins).toEqual([0, 12]);
    expect(live.statuses.at(-1)).toBe('live');
    expect(reconnectDelay(10, () => 1)).toBe(30_000);
  });

  it('reconnects with the new token when the session’s token changes, and not otherwise', async () => {
    const live = setup({ token: 'old' });
    await live.connection.start();
    await flush();
    live.connection.refreshAuth();
    expect(live.socket().connects).toBe(1);
    live.setToken('new');
    live.connection.refreshAuth();
    await flush();
    expect(live.socket().handshakes).toEqual(['old', 'new']);
    expect(live.socket().joins()).toBe(2);
  });

  it('renews an expired token the server refused, then tries again', async () => {
    const renewed: Array<string | null> = [];
    const live = setup({
      token: 'expired',
      renew: async (rejected) => {
        renewed.push(rejected);
        live.setToken('fresh');
        return 'fresh';
      },
      // The handshake is refused: the token expired on the way.
      connectError: new Error('INVALID_TOKEN'),
      joinAnswer: { ok: true, lastSeq: 1 },
    });
    await live.connection.start();
    await flush();
    expect(live.socket().handshakes).toEqual(['expired']);
    expect(renewed).toEqual(['expired']);
    expect(live.joins).toEqual([]);
    live.socket().connectError = null;
    live.reconnects().at(-1)!.task();
    await flush();
    expect(live.socket().handshakes).toEqual(['expired', 'fresh']);
    expect(live.joins).toEqual([1]);
  });

  it('says offline while the browser is, and reconnects at once when it is back', async () => {
    const live = setup();
    await live.connection.start();
    await flush();
    live.connection.goOffline();
    expect(live.statuses.at(-1)).toBe('offline');
    expect(live.reconnects()).toEqual([]);
    live.connection.goOnline();
    await flush();
    expect(live.socket().joins()).toBe(2);
    expect(live.statuses.at(-1)).toBe('live');
  });

  it('loads the socket code again when the page opened offline and the browser comes back online', async () => {
    let attempts = 0;
    const statuses: LiveStatus[] = [];
    const joins: number[] = [];
    const connection = new LiveConnection({
      thread: THREAD,
      createSocket: async (auth) => {
        attempts += 1;
        if (attempts === 1) throw new Error('Failed to fetch dynamically imported module');
        return new FakeSocket(auth);
      },
      token: () => null,
      onJoined: (seq) => joins.push(seq),
      onEvent: () => undefined,
      onPresence: () => undefined,
      onStatus: (status) => statuses.push(status),
      schedule: () => () => undefined,
    });
    await connection.start();
    connection.goOffline();
    connection.goOnline();
    await flush();
    await flush();
    expect(attempts).toBe(2);
    expect(joins).toEqual([0]);
    expect(statuses.at(-1)).toBe('live');
  });

  it('stops for good when the thread does not exist, and leaves the room when stopped', async () => {
    const gone = setup({ joinAnswer: { ok: false, code: 'NOT_IN_SCOPE' } });
    await gone.connection.start();
    await flush();
    expect(gone.statuses.at(-1)).toBe('unavailable');
    expect(gone.reconnects()).toEqual([]);

    const live = setup();
    await live.connection.start();
    await flush();
    live.connection.stop();
    expect(live.socket().sent.map((entry) => entry.event)).toEqual(['thread:join', 'thread:leave']);
    expect(live.socket().connected).toBe(false);
  });
});
