import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, LIVE_PATH, ThreadSync, type ThreadEvent, type ThreadEvents } from '@compact-voices/contracts';

const THREAD_EVENT_TYPES: ThreadEvent['type'][] = [
  'comment.created',
  'comment.updated',
  'comment.removed',
  'reactions.updated',
  'ratings.summary',
];

export interface ThreadRef {
  consultationId: string;
  recommendationCode: string;
}

/**
 * A live reader of one thread that behaves like the web client: socket.io with automatic
 * reconnection, `thread:join` on every connect, and the web app's own ThreadSync to fetch what a
 * gap or a dropped connection missed (GET …/events?after=seq). It counts how often each comment
 * was rendered, which is what "exactly once" is checked against.
 */
export class LiveThreadClient {
  /** Comment id → times its comment.created was applied. */
  readonly rendered = new Map<string, number>();
  /** Comment id → for comments whose body carries `t=<epoch ms>`, ms from then until rendered here. */
  readonly latencyById = new Map<string, number>();
  /** Live (socket) deliveries of comment.created, duplicates included. */
  liveDeliveries = 0;
  connects = 0;
  /** performance.now() of every connect, reconnects included. */
  readonly connectedAt: number[] = [];
  readonly socket: Socket;
  private readonly sync: ThreadSync;
  private joinedOnce!: Promise<void>;

  constructor(
    private readonly base: string,
    private readonly thread: ThreadRef,
    /** `localAddress`: the client address it connects from (see clientAddress), which picks its instance behind nginx. */
    options: { reconnection?: boolean; localAddress?: string } = {},
  ) {
    this.sync = new ThreadSync({
      fetchEvents: (after) => this.fetchEvents(after),
      apply: (event) => this.apply(event),
    });
    this.socket = io(`${base}${LIVE_NAMESPACE}`, {
      path: LIVE_PATH,
      transports: ['websocket'],
      forceNew: true,
      reconnection: options.reconnection ?? true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 2_000,
      autoConnect: false,
      // Handed to the `ws` client by engine.io-client (Node only, hence not in its option types).
      ...({ localAddress: options.localAddress } as object),
    });
    for (const type of THREAD_EVENT_TYPES) {
      this.socket.on(type, (payload: Record<string, unknown>) => {
        if (!payload || typeof payload.seq !== 'number') return;
        const { seq, ...rest } = payload;
        if (type === 'comment.created') this.liveDeliveries += 1;
        this.sync.receive({ seq: seq as number, type, payload: rest } as ThreadEvent);
      });
    }
  }

  /** Connects and resolves after the first join was acknowledged. */
  start(): Promise<void> {
    this.joinedOnce = new Promise((resolve, reject) => {
      this.socket.on('connect', () => {
        this.connects += 1;
        this.connectedAt.push(performance.now());
        this.socket
          .timeout(10_000)
          .emitWithAck('thread:join', this.thread)
          .then((ack: { ok: boolean; lastSeq?: number; code?: string }) => {
            if (!ack.ok) throw new Error(`thread:join refused: ${ack.code}`);
            void this.sync.joined(ack.lastSeq ?? 0);
            resolve();
          })
          .catch((error: unknown) => {
            // A join lost with a dying connection is retried by the next connect.
            if (this.connects === 1 && !this.socket.connected) return;
            if (this.connects === 1) reject(error as Error);
          });
      });
      this.socket.once('connect_error', (error) => {
        if (this.connects === 0 && !this.socket.io.opts.reconnection) reject(error);
      });
    });
    this.socket.connect();
    return this.joinedOnce;
  }

  /** Ask for what was missed now (as the web app does when it comes back to the foreground). */
  catchUp(): Promise<void> {
    return this.sync.catchUp();
  }

  close(): void {
    this.sync.stop();
    this.socket.disconnect();
  }

  private async fetchEvents(after: number): Promise<ThreadEvents> {
    const response = await fetch(
      `${this.base}/api/v1/consultations/${this.thread.consultationId}/recommendations/${this.thread.recommendationCode}/events?after=${after}`,
      {
        signal: AbortSignal.timeout(10_000),
      },
    );
    if (!response.ok) throw new Error(`events after ${after}: ${response.status}`);
    return (await response.json()) as ThreadEvents;
  }

  private apply(event: ThreadEvent): void {
    if (event.type !== 'comment.created') return;
    const id = (event.payload as { id?: string }).id;
    if (!id) return;
    this.rendered.set(id, (this.rendered.get(id) ?? 0) + 1);
    const sentAt = Number(/t=(\d+(?:\.\d+)?)/.exec(String((event.payload as { body?: unknown }).body ?? ''))?.[1]);
    if (Number.isFinite(sentAt)) this.latencyById.set(id, performance.timeOrigin + performance.now() - sentAt);
  }
}

/** Waits until every client rendered every id (or the deadline passes); returns when it happened. */
export async function untilAllRendered(clients: LiveThreadClient[], ids: string[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (clients.every((client) => ids.every((id) => client.rendered.has(id)))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
