/**
 * The socket.io contract (namespace `/live`, path `/socket.io`).
 * Payload shapes that depend on features not built yet are typed as they land.
 */
import type { ThreadEventPayloads } from './consultations.js';
import type { Notification } from './moderation.js';
import type { ExportProgressEvent } from './exports.js';

export const LIVE_NAMESPACE = '/live';
export const LIVE_PATH = '/socket.io';

export interface ThreadRef {
  consultationId: string;
  recommendationCode: string;
}

/** thread:join answers with the thread's latest seq, so the client knows where live events continue. */
export type Ack = { ok: true; lastSeq?: number } | { ok: false; code: string };

export interface ClientToServerEvents {
  'thread:join': (ref: ThreadRef, ack: (result: Ack) => void) => void;
  'thread:leave': (ref: ThreadRef, ack: (result: Ack) => void) => void;
}

/** Every server event in a thread room carries a per-thread, monotonically increasing `seq`. */
export interface Sequenced {
  seq: number;
}

/** Presence is ephemeral: it carries no seq and is never replayed. */
export interface PresencePayload {
  count: number;
}

/**
 * Server → client events in a thread room; payload shapes are those of the REST API, plus seq and the
 * thread they belong to (one socket may be in several thread rooms, and seq counts per thread).
 */
export interface ServerToClientEvents {
  'comment.created': (comment: ThreadEventPayloads['comment.created'] & Sequenced) => void;
  'comment.updated': (comment: ThreadEventPayloads['comment.updated'] & Sequenced) => void;
  'comment.removed': (comment: ThreadEventPayloads['comment.removed'] & Sequenced) => void;
  'reactions.updated': (event: ThreadEventPayloads['reactions.updated'] & Sequenced & ThreadRef) => void;
  'ratings.summary': (event: ThreadEventPayloads['ratings.summary'] & Sequenced & ThreadRef) => void;
  presence: (event: PresencePayload & ThreadRef) => void;
  /** To the addressee's own sockets only (room user:<id>), never to a thread room. */
  notification: (notification: Notification) => void;
  /** Progress of the addressee's own exports (room user:<id>). */
  'export.progress': (event: ExportProgressEvent) => void;
}
