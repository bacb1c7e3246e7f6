// A Redis of its own on its own port (Debian's redis-server), without persistence: the fault
// suite kills and restarts it; `npm run fleet` uses one when no REDIS_URL is given.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { delimiter, join } from 'node:path';

/** redis-server on the PATH. */
export function redisServerBin() {
  const dir = (process.env.PATH ?? '').split(delimiter).find((entry) => entry && existsSync(join(entry, 'redis-server')));
  if (!dir) throw new Error('redis-server not found: install redis-server');
  return join(dir, 'redis-server');
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function startRedisServer({ port, log = 'ignore' }) {
  let child;
  const server = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(redisServerBin(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: ['ignore', log, log],
      });
      for (let i = 0; i < 100; i++) {
        if (await ping(port)) return;
        if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await server.stop('SIGKILL');
      throw new Error('redis-server did not answer PING');
    },
    /** SIGKILL by default: Redis lost, as in a crash. */
    async stop(signal = 'SIGKILL') {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
  await server.start();
  return server;
}
