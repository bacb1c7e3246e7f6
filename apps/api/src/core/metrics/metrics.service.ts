import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';

interface PoolLike {
  totalCount?: number;
  idleCount?: number;
  waitingCount?: number;
}

/**
 * Prometheus metrics of this instance: HTTP latency by route pattern (never the raw path, which
 * would carry ids), live sockets and events sent, the export queue, and database pool use, plus
 * the process defaults (event-loop lag, heap, GC).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly http: Histogram<'method' | 'route' | 'status'>;
  readonly sockets: Gauge;
  readonly liveEvents: Counter<'event'>;
  readonly liveBufferedBytes: Gauge;
  readonly slowSocketsDropped: Counter;

  constructor(@InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    this.http = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.sockets = new Gauge({ name: 'live_sockets', help: 'Open /live sockets on this instance', registers: [this.registry] });
    this.liveEvents = new Counter({
      name: 'live_events_sent_total',
      help: 'Events sent to live rooms or people',
      labelNames: ['event'],
      registers: [this.registry],
    });
    this.liveBufferedBytes = new Gauge({
      name: 'live_buffered_bytes',
      help: 'Bytes of live events waiting to be sent, all sockets of this instance (last sweep)',
      registers: [this.registry],
    });
    this.slowSocketsDropped = new Counter({
      name: 'live_slow_sockets_disconnected_total',
      help: 'Sockets disconnected because their unsent events passed LIVE_BUFFER_LIMIT_BYTES',
      registers: [this.registry],
    });
    new Gauge({
      name: 'export_jobs_in_flight',
      help: 'Exports queued or running (all instances)',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const rows: Array<{ status: string; n: number }> = await dataSource
          .query(`SELECT status, count(*)::int AS n FROM export_job WHERE status IN ('queued', 'running') GROUP BY status`)
          .catch(() => []);
        this.reset();
        for (const status of ['queued', 'running']) this.set({ status }, rows.find((row) => row.status === status)?.n ?? 0);
      },
    });
    new Gauge({
      name: 'database_pool_connections',
      help: 'Database pool connections by state',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = (dataSource.driver as unknown as { master?: PoolLike }).master;
        this.set({ state: 'total' }, pool?.totalCount ?? 0);
        this.set({ state: 'idle' }, pool?.idleCount ?? 0);
        this.set({ state: 'waiting' }, pool?.waitingCount ?? 0);
      },
    });
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.http.observe({ method, route, status: String(status) }, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
