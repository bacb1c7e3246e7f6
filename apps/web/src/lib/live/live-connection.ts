import type { ExportProgressEvent, Notification, ThreadEvent, ThreadRef } from '@compact-voices/contracts';

/** What the page says about the connection. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'unavailable';

export type HandshakeAuth = (callback: (data: { token?: string }) => void) => void;

type Listener = (...args: never[]) => void;

/** The part of a socket.io client socket we use (a test passes a fake). */
export interface LiveSocket {
  readonly connected: boolean;
  on(event: string, listener: Listener): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
  removeAllListeners(): unknown;
}

/** Creates a socket that has not connected yet; `auth` is asked for the token at every (re)connect. */
export type CreateLiveSocket = (auth: HandshakeAuth) => Promise<LiveSocket>;

export interface LiveConnectionOptions {
  /** The thread whose room to join; null for a socket that only hears what is addressed to me (notifications). */
  thread: ThreadRef | null;
  createSocket: CreateLiveSocket;
  /** The access token now, or null when signed out (anonymous sockets may read). */
  token: () => string | null;
  /** After the server refused `rejected` (it expired): a fresh token, or null when there is no session any more. */
  renewToken?: (rejected: string | null) => Promise<string | null>;
  /** `thread:join` was acknowledged with the thread's latest seq. */
  onJoined: (lastSeq: number) => void;
  onEvent: (event: ThreadEvent) => void;
  onPresence: (count: number) => void;
  onStatus: (status: LiveStatus) => void;
  /** A notification for the signed-in person (sent to their own sockets only). */
  onNotification?: (notification: Notification) => void;
  /** Progress of one of the signed-in person's exports (sent to their own sockets only). */
  onExportProgress?: (event: ExportProgressEvent) => void;
  random?: () => number;
  schedule?: (task: () => void, delayMs: number) => () => void;
}

export const THREAD_EVENT_TYPES = [
  'comment.created',
  'comment.updated',
  'comment.removed',
  'reactions.updated',
  'ratings.summary',
] as const;

/** A join with no answer after this long is treated as a dropped connection. */
const JOIN_TIMEOUT_MS = 10_000;
const RECONNECT_BASE_MS = 1_000;
const RECONNECT_CEILING_MS = 30_000;
/** Answers to thread:join that no retry can change. */
const FINAL_JOIN_CODES = new Set(['CONSULTATION_NOT_FOUND', 'NOT_IN_SCOPE', 'VALIDATION_FAILED']);

function defaultSchedule(task: () => void, delayMs: number): () => void {
  const timer = setTimeout(task, delayMs);
  return () => clearTimeout(timer);
}

/** "Exponential backoff with jitter": 1 s, 2 s, 4 s … 30 s, each between half and all of it. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_CEILING_MS, RECONNECT_BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * One thread's live connection: the socket to `/live`, joined to the thread's room. It reconnects
 * by itself after any drop — with backoff and jitter, so a server restart is not stormed by every
 * phone at once — rejoins, and reconnects with the new token when the session's token changes (the
 * server ends a socket when its token expires). Events arrive as ThreadEvents for ThreadSync.
 */
export class LiveConnection {
  readonly #options: LiveConnectionOptions;
  #socket: LiveSocket | null = null;
  /** The socket code is being loaded. */
  #starting = false;
  #attempt = 0;
  #cancelReconnect: (() => void) | null = null;
  #cancelJoinTimeout: (() => void) | null = null;
  /** The token the current connection was opened with. */
  #usedToken: string | null = null;
  #everJoined = false;
  /** Bumped by every join, so the answer to an earlier connection's join is ignored. */
  #joinGeneration = 0;
  #offline = false;
  #stopped = false;
  #status: LiveStatus | null = null;

  constructor(options: LiveConnectionOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    if (this.#starting || this.#socket || this.#stopped) return;
    this.#starting = true;
    this.#setStatus('connecting');
    let socket: LiveSocket;
    try {
      socket = await this.#options.createSocket((callback) => {
        this.#usedToken = this.#options.token();
        callback(this.#usedToken ? { token: this.#usedToken } : {});
      });
    } catch {
      // The socket code itself could not be loaded (offline on first visit): try again later.
      this.#starting = false;
      if (!this.#stopped) this.#scheduleReconnect(() => void this.start());
      return;
    }
    this.#starting = false;
    if (this.#stopped) {
      socket.disconnect();
      return;
    }
    this.#socket = socket;
    this.#listen(socket);
    socket.connect();
  }

  /** The session's token may have changed (refreshed, signed in or out): reconnect with the new one. */
  refreshAuth(): void {
    if (this.#stopped || !this.#socket) return;
    if (this.#options.token() === this.#usedToken) return;
    this.#reconnectNow();
  }

  /** The browser went offline: say so, and stop trying until it is back. */
  goOffline(): void {
    if (this.#stopped) return;
    this.#offline = true;
    this.#cancelReconnect?.();
    this.#cancelReconnect = null;
    this.#socket?.disconnect();
    this.#setStatus('offline');
  }

  /** The browser is back online: try at once, without waiting for the backoff. */
  goOnline(): void {
    if (this.#stopped || !this.#offline) return;
    this.#offline = false;
    this.#attempt = 0;
    // The socket code itself may not have loaded yet (the page opened offline).
    if (this.#socket) this.#reconnectNow();
    else void this.start();
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#cancelReconnect?.();
    this.#cancelJoinTimeout?.();
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      if (socket.connected && this.#options.thread) socket.emit('thread:leave', this.#options.thread, () => undefined);
      socket.removeAllListeners();
      socket.disconnect();
    }
  }

  #listen(socket: LiveSocket): void {
    socket.on('connect', () => this.#join(socket));
    socket.on('disconnect', (reason: string) => {
      this.#cancelJoinTimeout?.();
      // Our own disconnect (stop, token change, offline) decides itself what happens next.
      if (this.#stopped || reason === 'io client disconnect') return;
      this.#setStatus(this.#offline ? 'offline' : 'reconnecting');
      this.#scheduleReconnect();
    });
    socket.on('connect_error', (error: Error) => {
      if (this.#stopped) return;
      this.#setStatus(this.#offline ? 'offline' : this.#everJoined ? 'reconnecting' : 'connecting');
      if (error?.message === 'INVALID_TOKEN' && this.#options.renewToken) {
        // The token expired on the way: renew it, then try again with the fresh one (or none).
        const rejected = this.#usedToken;
        this.#options.renewToken(rejected).then(
          () => this.#scheduleReconnect(),
          () => this.#scheduleReconnect(),
        );
        return;
      }
      this.#scheduleReconnect();
    });
    for (const type of THREAD_EVENT_TYPES) {
      socket.on(type, (payload: Record<string, unknown>) => {
        if (!payload || typeof payload.seq !== 'number') return;
        const { seq, ...rest } = payload;
        // The server's payload for this type (ServerToClientEvents); only seq is checked here.
        this.#options.onEvent({ seq: seq as number, type, payload: rest } as ThreadEvent);
      });
    }
    socket.on('presence', (payload: { count?: unknown }) => {
      if (typeof payload?.count === 'number') this.#options.onPresence(payload.count);
    });
    socket.on('notification', (payload: Notification | undefined) => {
      if (payload && typeof payload.id === 'string') this.#options.onNotification?.(payload);
    });
    socket.on('export.progress', (payload: ExportProgressEvent | undefined) => {
      if (payload && typeof payload.id === 'string' && typeof payload.status === 'string') this.#options.onExportProgress?.(payload);
    });
  }

  #join(socket: LiveSocket): void {
    const thread = this.#options.thread;
    if (!thread) {
      // Nothing to join: connected is live.
      this.#attempt = 0;
      this.#everJoined = true;
      this.#setStatus('live');
      return;
    }
    const schedule = this.#options.schedule ?? defaultSchedule;
    const generation = ++this.#joinGeneration;
    let answered = false;
    this.#cancelJoinTimeout?.();
    this.#cancelJoinTimeout = schedule(() => {
      if (answered || this.#stopped) return;
      answered = true;
      // No answer: treat it as a dropped connection.
      socket.disconnect();
      this.#setStatus('reconnecting');
      this.#scheduleReconnect();
    }, JOIN_TIMEOUT_MS);
    socket.emit('thread:join', thread, (ack: { ok: boolean; code?: string; lastSeq?: number } | undefined) => {
      if (answered || this.#stopped || socket !== this.#socket || generation !== this.#joinGeneration) return;
      answered = true;
      this.#cancelJoinTimeout?.();
      if (ack?.ok) {
        this.#attempt = 0;
        this.#everJoined = true;
        this.#setStatus('live');
        this.#options.onJoined(typeof ack.lastSeq === 'number' ? ack.lastSeq : 0);
        return;
      }
      if (ack?.code && FINAL_JOIN_CODES.has(ack.code)) {
        this.#setStatus('unavailable');
        this.stop();
        return;
      }
      socket.disconnect();
      this.#setStatus('reconnecting');
      this.#scheduleReconnect();
    });
  }

  #reconnectNow(): void {
    this.#cancelReconnect?.();
    this.#cancelReconnect = null;
    const socket = this.#socket;
    if (!socket) return;
    this.#setStatus(this.#everJoined ? 'reconnecting' : 'connecting');
    socket.disconnect();
    socket.connect();
  }

  #scheduleReconnect(task: () => void = () => this.#reconnectNow()): void {
    if (this.#stopped || this.#offline || this.#cancelReconnect) return;
    const delay = reconnectDelay(this.#attempt, this.#options.random);
    this.#attempt += 1;
    this.#cancelReconnect = (this.#options.schedule ?? defaultSchedule)(() => {
      this.#cancelReconnect = null;
      task();
    }, delay);
  }

  #setStatus(status: LiveStatus): void {
    if (status === this.#status) return;
    this.#status = status;
    this.#options.onStatus(status);
  }
}
