import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { DataSource } from 'typeorm';
import {
  LIVE_NAMESPACE,
  RECOMMENDATION_CODE_PATTERN,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type ThreadEvent,
  type ThreadRef,
} from '@compact-voices/contracts';
import { Public } from '../../core/auth/access.decorator.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { ACCESS_TOKEN_VERIFY_OPTIONS, loadPrincipal, type AccessTokenPayload } from '../../core/auth/jwt.strategy.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ACCESS_CHANGED, SESSIONS_REVOKED, type AccessChangedEvent, type SessionsRevokedEvent } from '../../core/auth/session-events.js';
import { AppConfig } from '../../config/app-config.js';
import { acceptRequestId } from '../../core/logging/logging.options.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { addressLimitKey, clientAddressOf, type TrustProxyFn } from '../../core/security/client-address.js';
import { MetricsService } from '../../core/metrics/metrics.service.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { THREAD_EVENT, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { NOTIFICATION_CREATED, type NotificationCreatedEvent } from '../notifications/notifications.service.js';
import { EXPORT_PROGRESS, type ExportProgressAnnouncement } from '../exports/exports.events.js';
import { ThreadEventRenderer } from './thread-event-renderer.service.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';
import { unsealedStatistics } from '../disclosure/seal.js';
import { unsentBytes, type EngineConnectionLike } from './unsent-bytes.js';
import { LifecycleService } from '../../core/lifecycle/lifecycle.service.js';

const CLIENT_EVENTS = new Set(['thread:join', 'thread:leave']);
/** Per socket: at most this many events per window; past it events are refused, and persistent flooding disconnects. */
const EVENTS_PER_WINDOW = 20;
const WINDOW_MS = 10_000;
const MAX_VIOLATIONS = 3;
const MAX_SOCKETS_PER_USER = 10;

const MAX_ROOMS_PER_SOCKET = 20;
const PRESENCE_INTERVAL_MS = 1_000;
/** How often every socket's unsent bytes are checked against LIVE_BUFFER_LIMIT_BYTES, and how many may be cut at a time. */
const BUFFER_SWEEP_MS = 200;
const MAX_CUTS_PER_SWEEP = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface LiveSocketData {
  /** The handshake's request id (from the proxy's X-Request-Id, or minted): in every log line about this socket. */
  requestId: string;
  user?: AuthUser;
  tokenExpiresAt?: number;
  /** A signed-out socket's client address (its limit key), counted in anonymousPerAddress. */
  anonymousAddress?: string;
  window: { started: number; count: number; violations: number };
}

/** Sockets and the namespace typed by the contract's event maps: an event or payload the contract does not list does not compile. */
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

export function threadRoom(consultationId: string, recommendationCode: string): string {
  return `thread:${consultationId}:${recommendationCode}`;
}

/**
 * The `/live` namespace. Anonymous clients may read; a bearer token in the handshake identifies a
 * person. Joins are authorised here against the same rules as the REST reads; the only things a
 * client may send are thread:join and thread:leave; services never call this class — it listens to
 * the domain events they announce.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private readonly socketsPerUser = new Map<string, number>();
  private readonly anonymousPerAddress = new Map<string, number>();
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  private bufferSweep: NodeJS.Timeout | undefined;

  @WebSocketServer()
  private namespace!: LiveNamespace;

  constructor(
    private readonly jwt: JwtService,
    private readonly secrets: AppSecrets,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationsService,
    private readonly renderer: ThreadEventRenderer,
    private readonly disclosure: DisclosureService,
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly lifecycle: LifecycleService,
  ) {}

  /** The HTTP app's own `trust proxy` rule, so a socket's address is read exactly as a request's is. */
  private trustProxy(): TrustProxyFn {
    const express = this.adapterHost.httpAdapter?.getInstance() as { get?: (name: string) => unknown } | undefined;
    const trust = express?.get?.('trust proxy fn');
    return typeof trust === 'function' ? (trust as TrustProxyFn) : () => false;
  }

  afterInit(namespace: LiveNamespace): void {
    this.lifecycle.onDrain((windowMs) => this.drain(windowMs));
    this.bufferSweep = setInterval(() => this.dropSlowSockets(), BUFFER_SWEEP_MS);
    this.bufferSweep.unref();
    // Handshake authentication: no token is fine (read-only); a bad one is refused.
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const data = socket.data as LiveSocketData;
      data.window = { started: Date.now(), count: 0, violations: 0 };
      data.requestId = acceptRequestId(socket.handshake.headers['x-request-id']);
      if (token === undefined || token === null || token === '') {
        const address = addressLimitKey(clientAddressOf(socket.request, this.trustProxy()));
        const open = this.anonymousPerAddress.get(address) ?? 0;
        // Signed-out sockets per client address on this instance (LIVE_ANONYMOUS_SOCKETS_PER_ADDRESS).
        if (open >= this.config.liveAnonymousSocketsPerAddress) {
          next(new Error('TOO_MANY_CONNECTIONS'));
          return;
        }
        this.anonymousPerAddress.set(address, open + 1);
        data.anonymousAddress = address;
        next();
        return;
      }
      this.authenticate(token)
        .then((principal) => {
          if (!principal) return next(new Error('INVALID_TOKEN'));
          // A suspended account may read the API to appeal, but gets no live presence.
          if (principal.user.suspendedUntil) return next(new Error('ACCOUNT_SUSPENDED'));
          if ((this.socketsPerUser.get(principal.user.id) ?? 0) >= MAX_SOCKETS_PER_USER) return next(new Error('TOO_MANY_CONNECTIONS'));
          data.user = principal.user;
          data.tokenExpiresAt = principal.expiresAt;
          next();
        })
        .catch(() => next(new Error('UNAVAILABLE')));
    });
  }

  handleConnection(socket: LiveSocket): void {
    this.metrics.sockets.inc();
    socket.once('disconnect', () => this.metrics.sockets.dec());
    const { user, tokenExpiresAt } = socket.data;
    if (user) {
      this.socketsPerUser.set(user.id, (this.socketsPerUser.get(user.id) ?? 0) + 1);
      void socket.join([`user:${user.id}`, `session:${user.sessionId}`]);
      // A socket does not outlive its token: the client reconnects with a fresh one.
      if (tokenExpiresAt) {
        const timer = setTimeout(() => socket.disconnect(true), Math.max(0, tokenExpiresAt - Date.now()));
        timer.unref();
        socket.once('disconnect', () => clearTimeout(timer));
      }
    }
    // Only the client events we define, at a bounded rate; errors stay in this connection.
    socket.use(([event], next) => {
      const window = socket.data.window;
      const now = Date.now();
      if (now - window.started > WINDOW_MS) Object.assign(window, { started: now, count: 0 });
      window.count += 1;
      if (window.count > EVENTS_PER_WINDOW) {
        window.violations += 1;
        this.logger.warn(
          { event: 'ws.rate_limited', violations: window.violations, requestId: socket.data.requestId },
          'socket over its event rate',
        );
        if (window.violations >= MAX_VIOLATIONS) socket.disconnect(true);
        next(new Error('RATE_LIMITED'));
        return;
      }
      if (!CLIENT_EVENTS.has(event)) {
        this.logger.warn(
          { event: 'ws.unknown_event', name: String(event).slice(0, 64), requestId: socket.data.requestId },
          'unknown socket event refused',
        );
        next(new Error('UNKNOWN_EVENT'));
        return;
      }
      next();
    });
  }

  handleDisconnect(socket: LiveSocket): void {
    const address = socket.data.anonymousAddress;
    if (address) {
      const remaining = (this.anonymousPerAddress.get(address) ?? 1) - 1;
      if (remaining > 0) this.anonymousPerAddress.set(address, remaining);
      else this.anonymousPerAddress.delete(address);
    }
    const user = socket.data.user;
    if (user) {
      const remaining = (this.socketsPerUser.get(user.id) ?? 1) - 1;
      if (remaining > 0) this.socketsPerUser.set(user.id, remaining);
      else this.socketsPerUser.delete(user.id);
    }
    // Rooms are already left; announce presence of the threads it was in.
    for (const room of socket.data.window ? [...(socket.rooms ?? [])] : []) {
      if (room.startsWith('thread:')) this.announcePresence(room);
    }
  }

  @SubscribeMessage('thread:join')
  @Public()
  async join(@ConnectedSocket() socket: LiveSocket, @MessageBody() ref: unknown): Promise<Ack & { lastSeq?: number }> {
    const thread = parseRef(ref);
    if (!thread) return { ok: false, code: 'VALIDATION_FAILED' };
    const threadRooms = [...socket.rooms].filter((room) => room.startsWith('thread:'));
    if (threadRooms.length >= MAX_ROOMS_PER_SOCKET) return { ok: false, code: 'TOO_MANY_THREADS' };
    try {
      const { recommendationCode, lastSeq } = await this.consultations.thread(
        thread.consultationId,
        thread.recommendationCode,
        socket.data.user,
      );
      const room = threadRoom(thread.consultationId, recommendationCode);
      await socket.join(room);
      this.announcePresence(room);
      return { ok: true, lastSeq };
    } catch (error) {
      // Same answer as REST: a draft or unknown round, or a recommendation outside it, is not found;
      // anything else (the database is away) is UNAVAILABLE, never a driver's own code.
      return { ok: false, code: error instanceof ApiException ? error.code : 'UNAVAILABLE' };
    }
  }

  @SubscribeMessage('thread:leave')
  @Public()
  async leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() ref: unknown): Promise<Ack> {
    const thread = parseRef(ref);
    if (!thread) return { ok: false, code: 'VALIDATION_FAILED' };
    const room = threadRoom(thread.consultationId, thread.recommendationCode.toUpperCase());
    await socket.leave(room);
    this.announcePresence(room);
    return { ok: true };
  }

  /** Sends a rendered event to a thread room, its payload typed by the contract's event map for its type. */
  private emitThreadEvent(room: string, event: ThreadEvent): void {
    const to = this.namespace.to(room);
    switch (event.type) {
      case 'comment.created':
      case 'comment.updated':
      case 'comment.removed':
        to.emit(event.type, { ...event.payload, seq: event.seq });
        return;
      case 'reactions.updated':
        to.emit(event.type, { ...event.payload, seq: event.seq });
        return;
      case 'ratings.summary':
        to.emit(event.type, { ...event.payload, seq: event.seq });
        return;
    }
  }

  @OnEvent(THREAD_EVENT, { async: true, promisify: true })
  async forward(event: ThreadDomainEvent): Promise<void> {
    try {
      const rendered =
        event.payload !== undefined
          ? // The writer gave the payload of this type (ThreadDomainEvent says so); TypeScript cannot pair the two fields.
            ({ seq: event.seq, type: event.type, payload: event.payload } as ThreadEvent)
          : await this.renderer.render(event.consultationId, event.recommendationCode, event);
      if (!rendered) return;
      const room = threadRoom(event.consultationId, event.recommendationCode);
      this.assertDisclosed(rendered.type, { ...rendered.payload, seq: rendered.seq });
      this.emitThreadEvent(room, rendered);
      this.metrics.liveEvents.inc({ event: rendered.type });
      this.logger.debug({ event: 'live.sent', type: rendered.type, seq: rendered.seq, requestId: event.requestId }, 'live event sent');
    } catch (error) {
      // Clients that miss it catch up by seq.
      this.logger.warn(
        { event: 'live.not_sent', err: (error as Error).message, seq: event.seq, requestId: event.requestId },
        'live event not delivered',
      );
    }
  }

  /** A notification reaches only its addressee's own sockets (room user:<id>), on every instance. */
  @OnEvent(NOTIFICATION_CREATED)
  sendNotification(event: NotificationCreatedEvent): void {
    this.namespace.to(`user:${event.userId}`).emit('notification', event.notification);
  }

  /** Export progress reaches only the requester's own sockets. */
  @OnEvent(EXPORT_PROGRESS)
  sendExportProgress(announcement: ExportProgressAnnouncement): void {
    this.namespace.to(`user:${announcement.userId}`).emit('export.progress', announcement.event);
  }

  /** Ended sessions (sign-out, password change, ban) lose their sockets on every instance. */
  /**
   * A socket keeps the rights it had at its handshake; when they change (a demoted admin, a sanction),
   * the person's sockets are dropped everywhere and reconnect under their rights of now.
   */
  @OnEvent(ACCESS_CHANGED)
  onAccessChanged(event: AccessChangedEvent): void {
    this.namespace.in(`user:${event.userId}`).disconnectSockets(true);
  }

  @OnEvent(SESSIONS_REVOKED)
  disconnectSessions(event: SessionsRevokedEvent): void {
    if (event.sessionIds.length === 0) return;
    this.namespace.in(event.sessionIds.map((id) => `session:${id}`)).disconnectSockets(true);
  }

  /**
   * Shutdown: every socket of this instance is told to reconnect — at a random moment within
   * `windowMs`, so a thousand clients do not land on the survivors at once — and then let go.
   * Clients resume by seq, so nothing is missed.
   */
  async drain(windowMs: number): Promise<number> {
    const sockets = [...this.namespace.sockets.values()];
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(
              () => {
                // Closing the transport (not a server "disconnect") makes socket.io clients reconnect by themselves.
                socket.conn.close();
                resolve();
              },
              Math.floor(Math.random() * windowMs),
            );
            timer.unref();
          }),
      ),
    );
    return sockets.length;
  }

  /**
   * Presence is sent at most once per PRESENCE_INTERVAL_MS per room (trailing): a thousand people
   * arriving at once cost one message each, not a million.
   */
  private announcePresence(room: string): void {
    if (this.presenceTimers.has(room)) return;
    const timer = setTimeout(() => {
      this.presenceTimers.delete(room);
      void this.sendPresence(room);
    }, PRESENCE_INTERVAL_MS);
    timer.unref();
    this.presenceTimers.set(room, timer);
  }

  /**
   * A client that stops reading (a stalled phone, a paused tab, a hostile peer) would make this
   * process hold every event sent to it. Past LIVE_BUFFER_LIMIT_BYTES its transport is cut — no
   * goodbye, which could not get through anyway; if it ever reads again it reconnects and
   * catches up by seq like any dropped client.
   */
  private dropSlowSockets(): void {
    const started = performance.now();
    let total = 0;
    const over: Array<{ socket: LiveSocket; bytes: number }> = [];
    for (const socket of this.namespace.sockets.values()) {
      const bytes = unsentBytes(socket.conn as unknown as EngineConnectionLike);
      if (bytes > this.config.liveBufferLimitBytes) over.push({ socket: socket as LiveSocket, bytes });
      else total += bytes;
    }
    if (over.length === 0) {
      this.metrics.liveBufferedBytes.set(total);
      return;
    }
    // Worst first, a few per sweep: cutting a socket fails every write still queued to it, and a
    // hundred at once would stall this instance for everyone else (measured by the fault suite).
    over.sort((a, b) => b.bytes - a.bytes);
    for (const { bytes } of over.slice(MAX_CUTS_PER_SWEEP)) total += bytes;
    for (const { socket, bytes } of over.slice(0, MAX_CUTS_PER_SWEEP)) {
      this.logger.debug(
        { event: 'ws.slow_client_dropped', bytes, requestId: socket.data.requestId },
        'live socket disconnected: its unsent events passed the buffer limit',
      );
      const connection = socket.conn as unknown as { transport?: { socket?: { terminate?: () => void } }; close(discard?: boolean): void };
      const ws = connection.transport?.socket;
      // Engine.io first, discarding what it holds (so it stops writing), then the TCP connection at once.
      connection.close(true);
      ws?.terminate?.();
    }
    const dropped = Math.min(over.length, MAX_CUTS_PER_SWEEP);
    this.metrics.liveBufferedBytes.set(total);
    this.metrics.slowSocketsDropped.inc(dropped);
    this.logger.warn(
      { event: 'ws.slow_clients_dropped', count: dropped, waiting: over.length - dropped, ms: Math.round(performance.now() - started) },
      'live sockets disconnected: their unsent events passed the buffer limit',
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.bufferSweep);
    for (const timer of this.presenceTimers.values()) clearTimeout(timer);
    this.presenceTimers.clear();
  }

  /** Every live payload passes the disclosure layer like every public response (seal.ts). */
  private assertDisclosed(type: string, payload: unknown): void {
    const paths = unsealedStatistics(payload);
    if (paths.length > 0)
      this.logger.error(
        { event: 'disclosure.unsealed', route: `live ${type}`, paths: paths.slice(0, 5) },
        'a live event carries statistics that did not pass the disclosure layer',
      );
  }

  private async sendPresence(room: string): Promise<void> {
    let count: number;
    try {
      count = (await this.namespace.in(room).fetchSockets()).length;
    } catch {
      // Without Redis the cluster count is unknown: this instance's count is the best we have.
      count = this.namespace.adapter.rooms.get(room)?.size ?? 0;
    }
    try {
      this.namespace.to(room).emit('presence', this.disclosure.presence(count));
    } catch (error) {
      // Presence is best effort: a broken adapter connection must not take anything else down.
      this.logger.warn({ err: (error as Error).message }, 'presence not sent');
    }
  }

  private async authenticate(token: unknown): Promise<{ user: AuthUser; expiresAt: number } | undefined> {
    if (typeof token !== 'string' || token.length > 2_000) return undefined;
    let payload: AccessTokenPayload & { exp?: number };
    try {
      payload = await this.jwt.verifyAsync(token, { secret: this.secrets.accessTokenKey, ...ACCESS_TOKEN_VERIFY_OPTIONS });
    } catch {
      return undefined;
    }
    const user = await loadPrincipal(this.dataSource, payload);
    return user ? { user, expiresAt: (payload.exp ?? 0) * 1000 } : undefined;
  }
}

function parseRef(value: unknown): ThreadRef | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { consultationId, recommendationCode } = value as Record<string, unknown>;
  if (typeof consultationId !== 'string' || !UUID.test(consultationId)) return undefined;
  if (typeof recommendationCode !== 'string' || !RECOMMENDATION_CODE_PATTERN.test(recommendationCode.toUpperCase())) return undefined;
  return { consultationId, recommendationCode };
}
