import type { ExportProgressEvent, Notification, ThreadEvent, ThreadRef } from '@compact-voices/contracts';
import { authSession } from '../auth-session';
import { THREAD_EVENT_TYPES, reconnectDelay, type CreateLiveSocket, type LiveSocket, type LiveStatus } from './live-connection';
import { openLiveSocket } from './open-live-socket';

/** A page that follows one thread. */
export interface ThreadSubscriber {
  /** `thread:join` was acknowledged with the thread's latest seq: after subscribing, and again after every reconnect. */
  onJoined: (lastSeq: number) => void;
  onEvent: (event: ThreadEvent) => void;
  onPresence?: (count: number) => void;
  onStatus?: (status: LiveStatus) => void;
}

/** A listener for what the server sends to the signed-in person's own sockets. */
export interface PersonalSubscriber {
  /** The connection's status: `live` while connected. */
  onStatus?: (status: LiveStatus) => void;
  onNotification?: (notification: Notification) => void;
  onExportProgress?: (event: ExportProgressEvent) => void;
}

export interface LiveHubOptions {
  createSocket: CreateLiveSocket;
  /** The access token now, or null when signed out (anonymous sockets may read). */
  token: () => string | null;
  /** After the server refused `rejected` (it expired): a fresh token, or null when there is no session any more. */
  renewToken?: (rejected: string | null) => Promise<string | null>;
  /** Calls `listener` whenever the session (and so maybe its token) changes; returns the unsubscribe. */
  watchAuth?: (listener: () => void) => () => void;
  /** Calls `online` / `offline` when the browser's network comes and goes; returns the unsubscribe. Default: the window's events. */
  watchNetwork?: (online: () => void, offline: () => void) => () => void;
  /** Default: `navigator.onLine`. */
  isOnline?: () => boolean;
  random?: () => number;
  schedule?: (task: () => void, delayMs: number) => () => void;
  now?: () => number;
  /** Runs the close that follows the last unsubscribe. Default: a microtask, so a page that swaps one thread for another keeps the socket. */
  defer?: (task: () => void) => void;
}

/** A join with no answer after this long is treated as a dropped connection. */
export const JOIN_TIMEOUT_MS = 10_000;
/** Answers to thread:join that no retry can change. */
const FINAL_JOIN_CODES = new Set(['CONSULTATION_NOT_FOUND', 'NOT_IN_SCOPE', 'VALIDATION_FAILED']);
/**
 * The server takes at most 20 events per socket in 10 s and cuts a socket that keeps going over
 * (apps/api/src/modules/realtime/socket-event-filter.ts). One socket now carries every thread of
 * the tab, so joins and leaves are paced to stay well inside that: past the budget they wait.
 */
export const EMIT_BUDGET = 15;
export const EMIT_WINDOW_MS = 11_000;

/** A thread's identity on the hub: the server's room is per round and upper-case recommendation code. */
export function threadKey(ref: ThreadRef): string {
  return `${ref.consultationId.toLowerCase()}:${ref.recommendationCode.toUpperCase()}`;
}

interface PersonalMember {
  readonly subscriber: PersonalSubscriber;
  status: LiveStatus | null;
}

interface ThreadMember {
  readonly subscriber: ThreadSubscriber;
  status: LiveStatus | null;
  /** Has not had `onJoined` on this connection yet. */
  awaitingJoin: boolean;
  everJoined: boolean;
}

interface ThreadEntry {
  readonly ref: ThreadRef;
  readonly key: string;
  readonly members: Set<ThreadMember>;
  /** A join was sent on this connection: the socket may be in the room, so letting go needs a thread:leave. */
  inRoom: boolean;
  /** A join is queued or waiting for its answer. */
  joining: boolean;
  /** The server said the thread does not exist for us (a final answer). */
  unavailable: boolean;
  attempt: number;
  cancelRetry: (() => void) | null;
  cancelTimeout: (() => void) | null;
}

type Outgoing = { kind: 'join'; entry: ThreadEntry } | { kind: 'leave'; ref: ThreadRef; key: string };

type JoinAnswer = { ok: boolean; code?: string; lastSeq?: number } | undefined;

function defaultSchedule(task: () => void, delayMs: number): () => void {
  const timer = setTimeout(task, delayMs);
  return () => clearTimeout(timer);
}

function watchWindowNetwork(online: () => void, offline: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}

const browserIsOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

const noop = () => undefined;

/**
 * The tab's one live connection: a socket to `/live`, opened when the first feature subscribes
 * (the socket code is fetched then) and closed when the last one goes. Threads join their rooms on
 * it; notifications and export progress, which the server sends to the person's own sockets, arrive
 * on it too. It reconnects by itself after any drop — with backoff and jitter, so a server restart
 * is not stormed by every phone at once — and then rejoins every thread and tells each subscriber
 * the thread's latest seq, so its ThreadSync fetches what was missed. When the session's token
 * changes (refreshed, signed in or out) it reconnects once, for everybody, with the new one (the
 * server ends a socket when its token expires).
 *
 * Events name their thread (`consultationId`, `recommendationCode`), so one socket can follow
 * several; a server from before that is understood while the tab follows one thread.
 */
export class LiveHub {
  readonly #options: LiveHubOptions;
  readonly #personal = new Set<PersonalMember>();
  readonly #threads = new Map<string, ThreadEntry>();
  #socket: LiveSocket | null = null;
  /** Somebody is subscribed: the auth and network watchers are on, and a socket is open or on its way. */
  #active = false;
  /** The socket code is being loaded. */
  #opening = false;
  /** Bumped by every open and close: a socket whose code arrives after a close is let go at once. */
  #openGeneration = 0;
  /** Bumped by every connect: answers to an earlier connection's joins are ignored. */
  #connection = 0;
  #status: LiveStatus = 'connecting';
  #everConnected = false;
  #attempt = 0;
  #cancelReconnect: (() => void) | null = null;
  /** The token the current connection was opened with. */
  #usedToken: string | null = null;
  #offline = false;
  #unwatch: (() => void) | null = null;
  #closeQueued = false;
  /** Joins and leaves waiting for room in the emit budget. */
  #outbox: Outgoing[] = [];
  #sentAt: number[] = [];
  #cancelFlush: (() => void) | null = null;

  constructor(options: LiveHubOptions) {
    this.#options = options;
  }

  /** The connection's status. */
  get status(): LiveStatus {
    return this.#status;
  }

  /** Whether a socket is open or being opened. */
  get isOpen(): boolean {
    return this.#active;
  }

  /** Listen for what is addressed to me (notifications, export progress); returns the unsubscribe. */
  subscribe(subscriber: PersonalSubscriber): () => void {
    const member: PersonalMember = { subscriber, status: null };
    this.#personal.add(member);
    this.#activate();
    this.#report();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#personal.delete(member);
      this.#closeIfUnused();
    };
  }

  /** Follow a thread: its room is joined on the shared socket (once for all its subscribers); returns the unsubscribe. */
  subscribeThread(ref: ThreadRef, subscriber: ThreadSubscriber): () => void {
    const key = threadKey(ref);
    let entry = this.#threads.get(key);
    if (!entry) {
      entry = {
        ref: { consultationId: ref.consultationId, recommendationCode: ref.recommendationCode },
        key,
        members: new Set(),
        // Left a moment ago but the leave has not gone out yet: the socket is still in the room.
        inRoom: this.#dropQueuedLeave(key),
        joining: false,
        unavailable: false,
        attempt: 0,
        cancelRetry: null,
        cancelTimeout: null,
      };
      this.#threads.set(key, entry);
    }
    const member: ThreadMember = { subscriber, status: null, awaitingJoin: true, everJoined: false };
    entry.members.add(member);
    // A new page asks again: a thread that was not there may be now.
    entry.unavailable = false;
    this.#activate();
    // Joined already or not, the new subscriber needs the thread's latest seq: one more join gives it.
    this.#requestJoin(entry);
    this.#report();
    const joined = entry;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      joined.members.delete(member);
      if (joined.members.size === 0) this.#forget(joined);
      this.#closeIfUnused();
    };
  }

  /** The session's token may have changed (refreshed, signed in or out): reconnect with the new one, once for everybody. */
  refreshAuth(): void {
    if (!this.#socket || this.#offline) return;
    if (this.#options.token() === this.#usedToken) return;
    this.#reconnectNow();
  }

  /** The browser went offline: say so, and stop trying until it is back. */
  goOffline(): void {
    if (!this.#active || this.#offline) return;
    this.#offline = true;
    this.#cancelReconnect?.();
    this.#cancelReconnect = null;
    this.#status = 'offline';
    this.#socket?.disconnect();
    this.#report();
  }

  /** The browser is back online: try at once, without waiting for the backoff. */
  goOnline(): void {
    if (!this.#active || !this.#offline) return;
    this.#offline = false;
    this.#attempt = 0;
    // The socket code itself may not have loaded yet (the page opened offline).
    this.#reconnectNow();
  }

  #activate(): void {
    if (this.#active) return;
    this.#active = true;
    const unwatchAuth = this.#options.watchAuth?.(() => this.refreshAuth());
    const unwatchNetwork = (this.#options.watchNetwork ?? watchWindowNetwork)(
      () => this.goOnline(),
      () => this.goOffline(),
    );
    this.#unwatch = () => {
      unwatchAuth?.();
      unwatchNetwork();
    };
    this.#offline = !(this.#options.isOnline ?? browserIsOnline)();
    this.#open();
  }

  #open(): void {
    if (!this.#active || this.#socket || this.#opening) return;
    this.#opening = true;
    const generation = ++this.#openGeneration;
    this.#status = this.#offline ? 'offline' : this.#everConnected ? 'reconnecting' : 'connecting';
    this.#report();
    this.#options
      .createSocket((callback) => {
        this.#usedToken = this.#options.token();
        callback(this.#usedToken ? { token: this.#usedToken } : {});
      })
      .then(
        (socket) => {
          if (generation !== this.#openGeneration) {
            // Closed while the code was loading.
            socket.disconnect();
            return;
          }
          this.#opening = false;
          this.#socket = socket;
          this.#listen(socket);
          if (!this.#offline) socket.connect();
        },
        () => {
          if (generation !== this.#openGeneration) return;
          // The socket code itself could not be loaded (offline on first visit): try again later.
          this.#opening = false;
          this.#scheduleReconnect(() => this.#open());
        },
      );
  }

  #closeIfUnused(): void {
    if (this.#closeQueued || this.#personal.size > 0 || this.#threads.size > 0) return;
    this.#closeQueued = true;
    (this.#options.defer ?? queueMicrotask)(() => {
      this.#closeQueued = false;
      if (this.#personal.size === 0 && this.#threads.size === 0) this.#close();
    });
  }

  #close(): void {
    if (!this.#active) return;
    this.#active = false;
    this.#openGeneration += 1;
    this.#opening = false;
    this.#cancelReconnect?.();
    this.#cancelReconnect = null;
    this.#cancelFlush?.();
    this.#cancelFlush = null;
    this.#unwatch?.();
    this.#unwatch = null;
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      // Leaves still waiting for the budget go now: the socket is going anyway.
      if (socket.connected) for (const op of this.#outbox) if (op.kind === 'leave') socket.emit('thread:leave', op.ref, noop);
      socket.removeAllListeners();
      socket.disconnect();
    }
    this.#outbox = [];
    this.#sentAt = [];
    this.#status = 'connecting';
    this.#everConnected = false;
    this.#attempt = 0;
    this.#offline = false;
    this.#usedToken = null;
  }

  #listen(socket: LiveSocket): void {
    socket.on('connect', () => this.#connected(socket));
    socket.on('disconnect', (reason: string) => this.#disconnected(socket, reason));
    socket.on('connect_error', (error: Error) => this.#connectFailed(socket, error));
    for (const type of THREAD_EVENT_TYPES) {
      socket.on(type, (payload: Record<string, unknown> | undefined) => this.#threadEvent(type, payload));
    }
    socket.on('presence', (payload: Record<string, unknown> | undefined) => {
      if (typeof payload?.count !== 'number') return;
      const count = payload.count;
      const entry = this.#threadOf(payload);
      if (entry) for (const member of [...entry.members]) member.subscriber.onPresence?.(count);
    });
    socket.on('notification', (payload: Notification | undefined) => {
      if (!payload || typeof payload.id !== 'string') return;
      for (const member of [...this.#personal]) member.subscriber.onNotification?.(payload);
    });
    socket.on('export.progress', (payload: ExportProgressEvent | undefined) => {
      if (!payload || typeof payload.id !== 'string' || typeof payload.status !== 'string') return;
      for (const member of [...this.#personal]) member.subscriber.onExportProgress?.(payload);
    });
  }

  #connected(socket: LiveSocket): void {
    if (socket !== this.#socket) return;
    this.#connection += 1;
    this.#cancelReconnect?.();
    this.#cancelReconnect = null;
    this.#attempt = 0;
    this.#everConnected = true;
    // The server counts a socket's events from its handshake.
    this.#sentAt = [];
    this.#status = 'live';
    for (const entry of this.#threads.values()) this.#requestJoin(entry);
    this.#report();
  }

  #disconnected(socket: LiveSocket, reason: string): void {
    if (socket !== this.#socket) return;
    // The server forgot the rooms: every thread is joined again on the next connection.
    this.#cancelFlush?.();
    this.#cancelFlush = null;
    this.#outbox = [];
    for (const entry of this.#threads.values()) {
      entry.cancelTimeout?.();
      entry.cancelRetry?.();
      entry.cancelTimeout = entry.cancelRetry = null;
      entry.inRoom = false;
      entry.joining = false;
      for (const member of entry.members) member.awaitingJoin = true;
    }
    // Our own disconnect (close, token change, offline, a join without answer) decides itself what happens next.
    if (reason !== 'io client disconnect') {
      this.#status = this.#offline ? 'offline' : 'reconnecting';
      this.#scheduleReconnect();
    }
    this.#report();
  }

  #connectFailed(socket: LiveSocket, error: Error | undefined): void {
    if (socket !== this.#socket) return;
    this.#status = this.#offline ? 'offline' : this.#everConnected ? 'reconnecting' : 'connecting';
    this.#report();
    if (error?.message === 'INVALID_TOKEN' && this.#options.renewToken) {
      // The token expired on the way: renew it, then try again with the fresh one (or none), unless
      // the session's change has made us reconnect already.
      const rejected = this.#usedToken;
      const retry = () => {
        if (this.#usedToken === rejected) this.#scheduleReconnect();
      };
      this.#options.renewToken(rejected).then(retry, retry);
      return;
    }
    this.#scheduleReconnect();
  }

  #threadEvent(type: (typeof THREAD_EVENT_TYPES)[number], payload: Record<string, unknown> | undefined): void {
    if (!payload || typeof payload.seq !== 'number') return;
    const entry = this.#threadOf(payload);
    if (!entry) return;
    const { seq, ...rest } = payload;
    if (!type.startsWith('comment.')) {
      // Only the thread's name for routing; a comment carries its own as part of its shape.
      delete rest.consultationId;
      delete rest.recommendationCode;
    }
    // The server's payload for this type (ServerToClientEvents); only seq is checked here.
    const event = { seq, type, payload: rest } as ThreadEvent;
    for (const member of [...entry.members]) member.subscriber.onEvent(event);
  }

  /** The thread an event is about: named in it, or, from a server that does not name it, the only thread followed. */
  #threadOf(payload: Record<string, unknown>): ThreadEntry | undefined {
    const { consultationId, recommendationCode } = payload;
    if (typeof consultationId === 'string' && typeof recommendationCode === 'string')
      return this.#threads.get(threadKey({ consultationId, recommendationCode }));
    return this.#threads.size === 1 ? this.#threads.values().next().value : undefined;
  }

  #requestJoin(entry: ThreadEntry): void {
    if (entry.joining || entry.unavailable || this.#threads.get(entry.key) !== entry) return;
    // Not connected: every thread is joined on connect.
    if (!this.#socket?.connected) return;
    entry.cancelRetry?.();
    entry.cancelRetry = null;
    entry.joining = true;
    this.#outbox.push({ kind: 'join', entry });
    this.#flush();
  }

  /** The last subscriber of a thread went: leave its room (or never join it). */
  #forget(entry: ThreadEntry): void {
    if (this.#threads.get(entry.key) === entry) this.#threads.delete(entry.key);
    entry.cancelRetry?.();
    entry.cancelTimeout?.();
    entry.cancelRetry = entry.cancelTimeout = null;
    this.#outbox = this.#outbox.filter((op) => !(op.kind === 'join' && op.entry === entry));
    if (entry.inRoom && this.#socket?.connected) {
      this.#outbox.push({ kind: 'leave', ref: entry.ref, key: entry.key });
      this.#flush();
    }
  }

  #dropQueuedLeave(key: string): boolean {
    const index = this.#outbox.findIndex((op) => op.kind === 'leave' && op.key === key);
    if (index < 0) return false;
    this.#outbox.splice(index, 1);
    return true;
  }

  /** Sends what waits, within the budget; the rest when the oldest send leaves the window. */
  #flush(): void {
    const socket = this.#socket;
    if (!socket?.connected) return;
    const now = (this.#options.now ?? Date.now)();
    this.#sentAt = this.#sentAt.filter((at) => now - at < EMIT_WINDOW_MS);
    while (this.#outbox.length > 0 && this.#sentAt.length < EMIT_BUDGET) {
      const op = this.#outbox.shift()!;
      this.#sentAt.push(now);
      if (op.kind === 'join') this.#sendJoin(socket, op.entry);
      else socket.emit('thread:leave', op.ref, noop);
    }
    if (this.#outbox.length > 0 && !this.#cancelFlush) {
      this.#cancelFlush = this.#schedule(
        () => {
          this.#cancelFlush = null;
          this.#flush();
        },
        Math.max(0, this.#sentAt[0] + EMIT_WINDOW_MS - now),
      );
    }
  }

  #sendJoin(socket: LiveSocket, entry: ThreadEntry): void {
    const connection = this.#connection;
    const current = () => socket === this.#socket && connection === this.#connection && this.#threads.get(entry.key) === entry;
    entry.inRoom = true;
    let answered = false;
    entry.cancelTimeout?.();
    entry.cancelTimeout = this.#schedule(() => {
      if (answered || !current()) return;
      answered = true;
      entry.cancelTimeout = null;
      // No answer: treat it as a dropped connection.
      this.#status = 'reconnecting';
      socket.disconnect();
      this.#scheduleReconnect();
      this.#report();
    }, JOIN_TIMEOUT_MS);
    socket.emit('thread:join', entry.ref, (ack: JoinAnswer) => {
      if (answered || !current()) return;
      answered = true;
      entry.cancelTimeout?.();
      entry.cancelTimeout = null;
      entry.joining = false;
      if (ack?.ok) {
        entry.attempt = 0;
        const lastSeq = typeof ack.lastSeq === 'number' ? ack.lastSeq : 0;
        const waiting = [...entry.members].filter((member) => member.awaitingJoin);
        for (const member of waiting) {
          member.awaitingJoin = false;
          member.everJoined = true;
        }
        this.#report();
        for (const member of waiting) member.subscriber.onJoined(lastSeq);
        return;
      }
      if (ack?.code && FINAL_JOIN_CODES.has(ack.code)) {
        entry.unavailable = true;
        this.#report();
        return;
      }
      // Refused for now (the database is away, too many threads): ask again later, for this thread only.
      const delay = reconnectDelay(entry.attempt, this.#options.random);
      entry.attempt += 1;
      entry.cancelRetry = this.#schedule(() => {
        entry.cancelRetry = null;
        this.#requestJoin(entry);
      }, delay);
      this.#report();
    });
  }

  #reconnectNow(): void {
    this.#cancelReconnect?.();
    this.#cancelReconnect = null;
    const socket = this.#socket;
    if (!socket) {
      // No socket yet: load its code again, or, while it is loading, say that we are trying.
      if (!this.#opening) this.#open();
      else {
        this.#status = this.#everConnected ? 'reconnecting' : 'connecting';
        this.#report();
      }
      return;
    }
    this.#status = this.#everConnected ? 'reconnecting' : 'connecting';
    socket.disconnect();
    socket.connect();
    this.#report();
  }

  #scheduleReconnect(task?: () => void): void {
    if (!this.#active || this.#offline || this.#cancelReconnect) return;
    const delay = reconnectDelay(this.#attempt, this.#options.random);
    this.#attempt += 1;
    this.#cancelReconnect = this.#schedule(() => {
      this.#cancelReconnect = null;
      if (task) task();
      else if (!this.#socket?.connected) this.#reconnectNow();
    }, delay);
  }

  #schedule(task: () => void, delayMs: number): () => void {
    return (this.#options.schedule ?? defaultSchedule)(task, delayMs);
  }

  /** Tells every subscriber its status, when it changed. */
  #report(): void {
    for (const member of [...this.#personal]) this.#tell(member, this.#status);
    for (const entry of [...this.#threads.values()]) {
      for (const member of [...entry.members]) this.#tell(member, this.#threadStatus(entry, member));
    }
  }

  #threadStatus(entry: ThreadEntry, member: ThreadMember): LiveStatus {
    if (entry.unavailable) return 'unavailable';
    if (this.#status !== 'live') return this.#status;
    if (!member.awaitingJoin) return 'live';
    return member.everJoined ? 'reconnecting' : 'connecting';
  }

  #tell(member: PersonalMember | ThreadMember, status: LiveStatus): void {
    if (member.status === status) return;
    member.status = status;
    member.subscriber.onStatus?.(status);
  }
}

const hubs = new WeakMap<CreateLiveSocket, LiveHub>();

/**
 * The tab's live hub: one per socket factory, so every feature on the real socket shares one
 * connection (a test that passes a fake factory gets a hub of its own). The session's token is
 * read at every (re)connect.
 */
export function liveHub(createSocket: CreateLiveSocket = openLiveSocket): LiveHub {
  let hub = hubs.get(createSocket);
  if (!hub) {
    hub = new LiveHub({
      createSocket,
      token: () => authSession.accessToken,
      renewToken: (rejected) => authSession.renew(rejected),
      watchAuth: authSession.subscribe,
    });
    hubs.set(createSocket, hub);
  }
  return hub;
}
