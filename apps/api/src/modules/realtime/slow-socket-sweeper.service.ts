import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { MetricsService } from '../../core/metrics/metrics.service.js';
import type { LiveNamespace, LiveSocket } from './live-socket.js';
import { unsentBytes, type EngineConnectionLike } from './unsent-bytes.js';

/** How often every socket's unsent bytes are checked against LIVE_BUFFER_LIMIT_BYTES, and how many may be cut at a time. */
const SWEEP_MS = 200;
const MAX_CUTS_PER_SWEEP = 10;

/**
 * A client that stops reading (a stalled phone, a paused tab, a hostile peer) would make this
 * process hold every event sent to it. Past LIVE_BUFFER_LIMIT_BYTES its transport is cut — no
 * goodbye, which could not get through anyway; if it ever reads again it reconnects and catches up
 * by seq like any dropped client.
 */
@Injectable()
export class SlowSocketSweeper implements OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  start(namespace: LiveNamespace): void {
    this.timer = setInterval(() => this.sweep(namespace), SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One pass: the sockets over the limit, worst first, at most MAX_CUTS_PER_SWEEP of them. */
  sweep(namespace: LiveNamespace): void {
    const started = performance.now();
    let total = 0;
    const over: Array<{ socket: LiveSocket; bytes: number }> = [];
    for (const socket of namespace.sockets.values()) {
      const bytes = unsentBytes(socket.conn as unknown as EngineConnectionLike);
      if (bytes > this.config.liveBufferLimitBytes) over.push({ socket, bytes });
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
}
