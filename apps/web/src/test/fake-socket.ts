import type { HandshakeAuth, LiveSocket } from '../lib/live/live-connection';

type Handler = (...args: never[]) => void;

export interface JoinAnswer {
  ok: boolean;
  code?: string;
  lastSeq?: number;
}

/**
 * A socket.io client socket in memory: `connect()` connects (asynchronously, like the real one),
 * `thread:join` is answered with `joinAnswer`, and the test plays the server with `serverEmit`.
 */
export class FakeSocket implements LiveSocket {
  connected = false;
  connects = 0;
  /** Tokens sent in each handshake, in order. */
  readonly handshakes: Array<string | undefined> = [];
  /** Every event the client sent. */
  readonly sent: Array<{ event: string; args: unknown[] }> = [];
  joinAnswer: JoinAnswer | null = { ok: true, lastSeq: 0 };
  /** Set: connecting fails with this error (the server or network refused). */
  connectError: Error | null = null;
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #auth: HandshakeAuth | undefined;

  constructor(auth?: HandshakeAuth) {
    this.#auth = auth;
  }

  on(event: string, listener: Handler): this {
    const set = this.#handlers.get(event) ?? new Set<Handler>();
    set.add(listener);
    this.#handlers.set(event, set);
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    this.sent.push({ event, args });
    const ack = args.at(-1);
    if (event === 'thread:join' && typeof ack === 'function') {
      // The server answers a moment later, with what the test set by then (null: no answer).
      queueMicrotask(() => {
        if (this.joinAnswer) (ack as (value: JoinAnswer) => void)(this.joinAnswer);
      });
    }
    return this;
  }

  connect(): this {
    if (this.connected) return this;
    this.connects += 1;
    this.#auth?.((data) => this.handshakes.push(data.token));
    queueMicrotask(() => {
      if (this.connectError) {
        this.fire('connect_error', this.connectError);
        return;
      }
      this.connected = true;
      this.fire('connect');
    });
    return this;
  }

  disconnect(): this {
    if (!this.connected) return this;
    this.connected = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }

  removeAllListeners(): this {
    this.#handlers.clear();
    return this;
  }

  /** The server (or the network) did something: run the client's handlers for it. */
  fire(event: string, ...args: unknown[]): void {
    for (const handler of [...(this.#handlers.get(event) ?? [])]) (handler as (...values: unknown[]) => void)(...args);
  }

  /** The server emits a thread event to the room. */
  serverEmit(event: string, payload: unknown): void {
    this.fire(event, payload);
  }

  /** The connection drops (not by the client). */
  drop(reason = 'transport close'): void {
    this.connected = false;
    this.fire('disconnect', reason);
  }

  joins(): number {
    return this.sent.filter((entry) => entry.event === 'thread:join').length;
  }
}
