/**
 * The vocabulary of the tab's live connection (see LiveHub in live-hub.ts): the statuses a page
 * shows, the part of a socket.io client socket it uses (a test passes a fake), and the backoff.
 */

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

export const THREAD_EVENT_TYPES = [
  'comment.created',
  'comment.updated',
  'comment.removed',
  'reactions.updated',
  'ratings.summary',
] as const;

const RECONNECT_BASE_MS = 1_000;
const RECONNECT_CEILING_MS = 30_000;

/** "Exponential backoff with jitter": 1 s, 2 s, 4 s … 30 s, each between half and all of it. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_CEILING_MS, RECONNECT_BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
