import type { Namespace, Socket } from 'socket.io';
import {
  RECOMMENDATION_CODE_PATTERN,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type ThreadRef,
} from '@compact-voices/contracts';
import type { AuthUser } from '../../core/auth/auth-user.js';

export interface LiveSocketData {
  /** The handshake's request id (from the proxy's X-Request-Id, or minted): in every log line about this socket. */
  requestId: string;
  user?: AuthUser;
  tokenExpiresAt?: number;
  /** A signed-out socket's client address (its limit key), counted per address by SocketAdmission. */
  anonymousAddress?: string;
  window: { started: number; count: number; violations: number };
}

/** Sockets and the namespace typed by the contract's event maps: an event or payload the contract does not list does not compile. */
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

export function threadRoom(consultationId: string, recommendationCode: string): string {
  return `thread:${consultationId}:${recommendationCode}`;
}

/** The thread a room is for (the inverse of threadRoom), or undefined for another room. */
export function threadOfRoom(room: string): ThreadRef | undefined {
  const [prefix, consultationId, recommendationCode, ...rest] = room.split(':');
  if (prefix !== 'thread' || !consultationId || !recommendationCode || rest.length > 0) return undefined;
  return { consultationId, recommendationCode };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A thread reference as a client sent it, or undefined when it is not one. */
export function parseRef(value: unknown): ThreadRef | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { consultationId, recommendationCode } = value as Record<string, unknown>;
  if (typeof consultationId !== 'string' || !UUID.test(consultationId)) return undefined;
  if (typeof recommendationCode !== 'string' || !RECOMMENDATION_CODE_PATTERN.test(recommendationCode.toUpperCase())) return undefined;
  return { consultationId, recommendationCode };
}
