import type { IncomingMessage } from 'node:http';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { LIVE_PATH } from '@compact-voices/contracts';
import type { AppConfig } from '../../config/app-config.js';

/** 64 KB: any bigger frame disconnects its sender. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * socket.io server settings: our path, a frame limit, an Origin check on the handshake (both
 * transports, against cross-site websocket hijacking), CORS only for configured origins, and — with
 * REDIS_URL — the Redis adapter so events reach clients of every instance. Redis errors are
 * logged, never thrown: without Redis, delivery continues on each instance and resumes by itself.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private readonly redisClients: Array<{ isOpen: boolean; isReady: boolean; close(): Promise<unknown>; destroy(): void }> = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = new Set([new URL(this.config.publicUrl).origin, ...this.config.corsOrigins]);
    const server = super.createIOServer(port, {
      ...(options as ServerOptions),
      path: LIVE_PATH,
      serveClient: false,
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      pingInterval: 20_000,
      pingTimeout: 20_000,
      cors: this.config.corsOrigins.length > 0 ? { origin: this.config.corsOrigins, credentials: true } : undefined,
      allowRequest: (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
        const origin = request.headers.origin;
        const host = request.headers.host;
        const ok = origin === undefined || allowed.has(origin) || origin === `http://${host}` || origin === `https://${host}`;
        if (!ok) this.log.warn({ event: 'ws.origin_refused' }, 'socket handshake from a foreign origin refused');
        callback(ok ? null : 'ORIGIN_NOT_ALLOWED', ok);
      },
    }) as Server;
    if (this.config.redisUrl) {
      const publisher = createClient({
        url: this.config.redisUrl,
        socket: { reconnectStrategy: (retries) => Math.min(100 + retries * 200, 3_000) },
      });
      const subscriber = publisher.duplicate();
      // While Redis is away, publishing is skipped instead of queued: node-redis would hold every
      // event in memory for the whole outage and replay them late, and the adapter does not handle a
      // failed publish (an unhandled rejection). Clients of other instances catch up by seq.
      const publish = publisher.publish.bind(publisher);
      Object.defineProperty(publisher, 'publish', {
        value: (channel: string, message: string) => (publisher.isReady ? publish(channel, message).catch(() => 0) : Promise.resolve(0)),
      });
      for (const client of [publisher, subscriber]) {
        client.on('error', (error: Error) =>
          this.log.warn(
            { event: 'redis.unavailable', use: 'live', err: error.message },
            'redis unavailable for live events; delivering locally',
          ),
        );
        client.connect().catch(() => undefined);
        this.redisClients.push(client);
      }
      // The adapter's typings predate node-redis 5's generic client type; the client API it uses is unchanged.
      server.adapter(
        createAdapter(
          publisher as unknown as Parameters<typeof createAdapter>[0],
          subscriber as unknown as Parameters<typeof createAdapter>[1],
        ),
      );
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // Connected: close politely. Reconnecting (Redis gone): a polite close would wait for Redis to
    // come back, holding the shutdown until its deadline — drop the connection attempt instead.
    await Promise.all(
      this.redisClients.map((client) =>
        client.isReady ? client.close().catch(() => undefined) : client.isOpen ? client.destroy() : undefined,
      ),
    );
  }
}
