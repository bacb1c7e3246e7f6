import { Logger } from '@nestjs/common';
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
import { LIVE_NAMESPACE, type Ack, type ThreadEvent, type ThreadRef } from '@compact-voices/contracts';
import { Public } from '../../core/auth/access.decorator.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { ACCESS_CHANGED, SESSIONS_REVOKED, type AccessChangedEvent, type SessionsRevokedEvent } from '../../core/auth/session-events.js';
import { MetricsService } from '../../core/metrics/metrics.service.js';
import { LifecycleService } from '../../core/lifecycle/lifecycle.service.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { THREAD_EVENT, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { NOTIFICATION_CREATED, type NotificationCreatedEvent } from '../notifications/notifications.service.js';
import { EXPORT_PROGRESS, type ExportProgressAnnouncement } from '../exports/exports.events.js';
import { unsealedStatistics } from '../disclosure/seal.js';
import { ThreadEventRenderer } from './thread-event-renderer.service.js';
import { LivePresence } from './live-presence.service.js';
import { parseRef, threadRoom, type LiveNamespace, type LiveSocket } from './live-socket.js';
import { SlowSocketSweeper } from './slow-socket-sweeper.service.js';
import { SocketAdmission } from './socket-admission.service.js';
import { filterClientEvents } from './socket-event-filter.js';

export { threadRoom } from './live-socket.js';

const MAX_ROOMS_PER_SOCKET = 20;

/**
 * The `/live` namespace. Anonymous clients may read; a bearer token in the handshake identifies a
 * person. Joins are authorised here against the same rules as the REST reads; the only things a
 * client may send are thread:join and thread:leave; services never call this class — it listens to
 * the domain events they announce. Admission (tokens and socket counts), the client-event filter,
 * presence and the slow-socket sweep are their own small parts; this class wires them and routes events.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('Realtime');

  @WebSocketServer()
  private namespace!: LiveNamespace;

  constructor(
    private readonly consultations: ConsultationsService,
    private readonly renderer: ThreadEventRenderer,
    private readonly metrics: MetricsService,
    private readonly lifecycle: LifecycleService,
    private readonly admission: SocketAdmission,
    private readonly presence: LivePresence,
    private readonly sweeper: SlowSocketSweeper,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    this.lifecycle.onDrain((windowMs) => this.drain(windowMs));
    this.admission.guard(namespace);
    this.presence.attach(namespace);
    this.sweeper.start(namespace);
  }

  handleConnection(socket: LiveSocket): void {
    this.metrics.sockets.inc();
    socket.once('disconnect', () => this.metrics.sockets.dec());
    this.admission.admitted(socket);
    filterClientEvents(socket);
  }

  handleDisconnect(socket: LiveSocket): void {
    this.admission.released(socket);
    // Rooms are already left; announce presence of the threads it was in.
    for (const room of socket.data.window ? [...(socket.rooms ?? [])] : []) {
      if (room.startsWith('thread:')) this.presence.announce(room);
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
      this.presence.announce(room);
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
    this.presence.announce(room);
    return { ok: true };
  }

  /**
   * Sends a rendered event to a thread room, its payload typed by the contract's event map for its type.
   * Every event names its thread (a comment does by its own shape), so a client whose one socket is in
   * several thread rooms knows which thread an event, and its seq, belong to.
   */
  private emitThreadEvent(room: string, thread: ThreadRef, event: ThreadEvent): void {
    const to = this.namespace.to(room);
    switch (event.type) {
      case 'comment.created':
      case 'comment.updated':
      case 'comment.removed':
        to.emit(event.type, { ...event.payload, seq: event.seq });
        return;
      case 'reactions.updated':
        to.emit(event.type, { ...thread, ...event.payload, seq: event.seq });
        return;
      case 'ratings.summary':
        to.emit(event.type, { ...thread, ...event.payload, seq: event.seq });
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
      this.emitThreadEvent(room, { consultationId: event.consultationId, recommendationCode: event.recommendationCode }, rendered);
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

  /** Every live payload passes the disclosure layer like every public response (seal.ts). */
  private assertDisclosed(type: string, payload: unknown): void {
    const paths = unsealedStatistics(payload);
    if (paths.length > 0)
      this.logger.error(
        { event: 'disclosure.unsealed', route: `live ${type}`, paths: paths.slice(0, 5) },
        'a live event carries statistics that did not pass the disclosure layer',
      );
  }
}
