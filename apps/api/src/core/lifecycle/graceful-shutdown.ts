import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../../config/app-config.js';
import { flushLogs } from '../logging/log-destination.js';
import { LifecycleService } from './lifecycle.service.js';

/**
 * SIGTERM or SIGINT (a deploy, a scale-in): readiness turns false at once; the server stops
 * accepting connections and lets in-flight requests finish; live clients are sent to reconnect,
 * spread over a few seconds so the survivors are not stormed; then the shutdown hooks run (the
 * job queue hands back or finishes its work, pools and Redis close). Past SHUTDOWN_TIMEOUT_MS the
 * process exits anyway.
 */
export function installGracefulShutdown(app: NestExpressApplication, config: AppConfig): void {
  const logger = new Logger('Lifecycle');
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    const deadline = setTimeout(() => {
      logger.error({ event: 'shutdown.deadline', ms: config.shutdownTimeoutMs }, 'shutdown deadline passed; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    app.get(LifecycleService).beginShutdown();
    logger.log({ event: 'shutdown.begin', signal }, 'shutting down');
    const server = app.getHttpServer() as Server;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections close as soon as their current request is answered.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    try {
      const sockets = await app.get(LifecycleService).drain(Math.min(3_000, config.shutdownTimeoutMs / 4));
      await closed;
      clearInterval(idle);
      await app.close();
      logger.log({ event: 'shutdown.done', ms: Date.now() - started, sockets }, 'shut down cleanly');
      // The last lines get what time is left, at most a second; stdout that nobody reads cannot hold the exit.
      await flushLogs(Math.min(1_000, Math.max(0, config.shutdownTimeoutMs - (Date.now() - started))));
      process.exit(0);
    } catch (error) {
      logger.error({ event: 'shutdown.failed', err: (error as Error).message }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
