// The fleet on one machine: PostgreSQL, Redis, N API instances and the proxy in front — the
// topology of docker-compose.yml without Docker. `npm run fleet` runs it for people; the fault
// suite (apps/fleet-faults) runs throwaway ones and breaks their parts.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { startApiInstance } from './api-instance.mjs';
import { startPostgresCluster } from './postgres-cluster.mjs';
import { startFleetProxy } from './proxy.mjs';
import { startRedisServer } from './redis-server.mjs';

export { startApiInstance, startFleetProxy, startPostgresCluster, startRedisServer };

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts the fleet. Without databaseUrl / redisUrl it starts its own PostgreSQL cluster and Redis
 * under `dir` (on postgresPort / redisPort). Instances start one after another (the first runs the
 * migrations; the others would wait on the migration lock anyway).
 * @param {{ dir: string, instances?: number, proxyPort?: number, apiPorts?: number[], postgresPort?: number, redisPort?: number,
 *   databaseUrl?: string, redisUrl?: string | false, env?: Record<string, string>, logDir?: string, postgresSettings?: Record<string, string> }} options
 */
export async function startFleet(options) {
  const { dir, instances: count = 2, env = {}, logDir } = options;
  mkdirSync(dir, { recursive: true });
  const postgres = options.databaseUrl
    ? undefined
    : await startPostgresCluster({
        dir: join(dir, 'postgres'),
        port: options.postgresPort ?? (await freePort()),
        settings: options.postgresSettings,
      });
  const databaseUrl = options.databaseUrl ?? (await ensureDatabase(postgres.url, 'compact_voices'));
  const redis =
    options.redisUrl === false || options.redisUrl ? undefined : await startRedisServer({ port: options.redisPort ?? (await freePort()) });
  const redisUrl = options.redisUrl === false ? undefined : (options.redisUrl ?? redis.url);

  const instanceEnv = { DATABASE_URL: databaseUrl, ...(redisUrl ? { REDIS_URL: redisUrl } : {}), EXPORT_DIR: join(dir, 'exports'), ...env };
  const ports = options.apiPorts ?? [];
  const instances = [];
  async function startInstance(index, extraEnv = {}) {
    const name = `api-${index + 1}`;
    ports[index] ??= await freePort();
    const instance = await startApiInstance({
      name,
      port: ports[index],
      dataDir: join(dir, name),
      env: { ...instanceEnv, ...extraEnv },
      logFile: logDir ? join(logDir, `${name}.log`) : undefined,
    });
    instances[index] = instance;
    return instance;
  }
  let proxy;
  try {
    for (let i = 0; i < count; i++) await startInstance(i);
    proxy = await startFleetProxy({
      port: options.proxyPort ?? 0,
      upstreams: instances.map((instance) => ({ name: instance.name, port: instance.port })),
    });
  } catch (error) {
    // Leave nothing running behind a failed start.
    await Promise.all(instances.map((instance) => instance?.kill('SIGKILL')));
    await redis?.stop('SIGKILL');
    await postgres?.stop('immediate');
    throw error;
  }

  return {
    postgres,
    redis,
    databaseUrl,
    redisUrl,
    instances,
    proxy,
    /** (Re)starts instance `index` on its port, e.g. after a kill. */
    startInstance,
    async stop() {
      await proxy.close();
      await Promise.all(instances.map((instance) => instance.kill('SIGTERM')));
      await redis?.stop('SIGTERM');
      await postgres?.stop('fast');
    },
  };
}
