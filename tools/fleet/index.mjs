// The fleet on one machine: PostgreSQL, Redis, N API instances and nginx in front running
// deploy/nginx.conf — the topology of docker-compose.yml without Docker. `npm run fleet` runs it for
// people; the fault suite (apps/fleet-faults) runs throwaway ones and breaks their parts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startApiInstance } from './api-instance.mjs';
import { freePort } from './free-port.mjs';
import { nginxBin, startFleetProxy } from './nginx.mjs';
import { postgresBin, startPostgresCluster } from './postgres-cluster.mjs';
import { redisServerBin, startRedisServer } from './redis-server.mjs';

export { freePort, nginxBin, startApiInstance, startFleetProxy, startPostgresCluster, startRedisServer };

/** What a fleet of its own needs from the system and cannot find, one message each (empty: nothing). */
export function missingFleetTools() {
  const missing = [];
  for (const find of [nginxBin, postgresBin, redisServerBin]) {
    try {
      find();
    } catch (error) {
      missing.push(error.message);
    }
  }
  return missing;
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
 * migrations; the others would wait on the migration lock anyway), then nginx (its files in
 * `<dir>/nginx`). Instances trust X-Forwarded-For from loopback (TRUST_PROXY=loopback, unless `env`
 * says otherwise), as compose's trust their nginx. A failed start stops what it had started.
 * @param {{ dir: string, instances?: number, proxyPort?: number, apiPorts?: number[], postgresPort?: number, redisPort?: number,
 *   databaseUrl?: string, redisUrl?: string | false, env?: Record<string, string>, logDir?: string, postgresSettings?: Record<string, string>,
 *   postgresTemplate?: string }} options
 */
export async function startFleet(options) {
  const { dir, instances: count = 2, env = {}, logDir } = options;
  // Before anything starts: without nginx there is no fleet.
  nginxBin();
  mkdirSync(dir, { recursive: true });
  const instances = [];
  let postgres;
  let redis;
  let proxy;
  // Leave nothing running behind a failed start.
  const abandon = async () => {
    await Promise.all(instances.map((instance) => instance?.kill('SIGKILL')));
    await redis?.stop('SIGKILL');
    await postgres?.stop('immediate');
  };
  let databaseUrl;
  let redisUrl;
  try {
    postgres = options.databaseUrl
      ? undefined
      : await startPostgresCluster({
          dir: join(dir, 'postgres'),
          port: options.postgresPort ?? (await freePort()),
          settings: options.postgresSettings,
          template: options.postgresTemplate,
        });
    databaseUrl = options.databaseUrl ?? (await ensureDatabase(postgres.url, 'compact_voices'));
    redis =
      options.redisUrl === false || options.redisUrl
        ? undefined
        : await startRedisServer({ port: options.redisPort ?? (await freePort()) });
    redisUrl = options.redisUrl === false ? undefined : (options.redisUrl ?? redis.url);
  } catch (error) {
    await abandon();
    throw error;
  }

  const instanceEnv = {
    DATABASE_URL: databaseUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    EXPORT_DIR: join(dir, 'exports'),
    TRUST_PROXY: 'loopback',
    ...env,
  };
  const ports = options.apiPorts ?? [];
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
  try {
    for (let i = 0; i < count; i++) await startInstance(i);
    proxy = await startFleetProxy({
      port: options.proxyPort ?? 0,
      upstreams: instances.map((instance) => ({ name: instance.name, port: instance.port })),
      dir: join(dir, 'nginx'),
      logFile: logDir ? join(logDir, 'nginx.log') : undefined,
    });
  } catch (error) {
    await abandon();
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
