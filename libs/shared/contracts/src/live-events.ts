/**
 * The socket.io contract of api-contract.md (namespace `/live`, path `/socket.io`).
 * Payload shapes that depend on features not built yet are typed as they land.
 */
export const LIVE_NAMESPACE = '/live';
export const LIVE_PATH = '/socket.io';

export interface ThreadRef {
  consultationId: string;
  recommendationCode: string;
}

export type Ack = { ok: true } | { ok: false; code: string };

export interface ClientToServerEvents {
  'thread:join': (ref: ThreadRef, ack: (result: Ack) => void) => void;
  'thread:leave': (ref: ThreadRef, ack: (result: Ack) => void) => void;
}

/** Every server event in a thread room carries a per-thread, monotonically increasing `seq`. */
export interface Sequenced {
  seq: number;
}

export interface PresencePayload extends Sequenced {
  count: number;
}
