// `npm run fleet`: the docker-compose topology on one machine without Docker — PostgreSQL, Redis,
// two API instances (each serving the web app) and nginx in front running compose's
// deploy/nginx.conf (Debian's nginx), on http://localhost:8080.
//   FLEET_PORT=8080 FLEET_INSTANCES=2 npm run fleet
// DATABASE_URL / REDIS_URL point it at servers you run; unset, it starts its own PostgreSQL
// cluster and Redis (Debian's binaries) with their data under tmp/fleet/. Ctrl-C stops everything
// gracefully. Set APP_SECRET to keep sessions across restarts; every instance gets the same one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { nginxBin, startFleet } from './fleet/index.mjs';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(process.env.FLEET_DIR ?? join(root, 'tmp/fleet'));
const count = Number(process.env.FLEET_INSTANCES ?? 2);
const proxyPort = Number(process.env.FLEET_PORT ?? 8080);
const firstApiPort = Number(process.env.FLEET_API_PORT ?? 3101);

try {
  nginxBin();
} catch (error) {
  process.stderr.write(`fleet: ${error.message}\n`);
  process.exit(1);
}

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'contracts', 'api', 'web', '--output-style=static'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: process.env.NX_DAEMON ?? 'false' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

// One secret for all instances (tokens signed by one are checked by another), kept across runs.
mkdirSync(dir, { recursive: true });
const secretFile = join(dir, 'app-secret');
if (!process.env.APP_SECRET && !existsSync(secretFile)) writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600 });
const appSecret = process.env.APP_SECRET ?? readFileSync(secretFile, 'utf8').trim();

// Ctrl-C or SIGTERM stops the fleet, also one that is still starting (once its start returns).
let fleet;
let stopping = false;
const stop = () => {
  process.stdout.write('fleet: stopping…\n');
  fleet.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (fleet) stop();
  });
}

// A failed start has stopped whatever it had started.
fleet = await startFleet({
  dir,
  instances: count,
  proxyPort,
  apiPorts: Array.from({ length: count }, (_, i) => firstApiPort + i),
  postgresPort: Number(process.env.FLEET_POSTGRES_PORT ?? 55432),
  redisPort: Number(process.env.FLEET_REDIS_PORT ?? 56379),
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  // The instances trust X-Forwarded-For from loopback, where nginx connects from (compose: TRUST_PROXY=1).
  env: { APP_SECRET: appSecret, PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${proxyPort}`, TRUST_PROXY: 'loopback' },
}).catch((error) => {
  process.stderr.write(`fleet: did not start: ${error.message}\n`);
  process.exit(1);
});
if (stopping) stop();
else
  process.stdout.write(
    [
      '',
      `fleet: http://localhost:${fleet.proxy.port}  (nginx, deploy/nginx.conf → ${fleet.instances.map((instance) => `${instance.name} :${instance.port}`).join(', ')}; its files in ${fleet.proxy.dir})`,
      `  PostgreSQL ${fleet.postgres ? `own cluster on :${fleet.postgres.port} (${join(dir, 'postgres')})` : 'from DATABASE_URL'}; Redis ${fleet.redis ? `own on :${fleet.redis.port}` : 'from REDIS_URL'}`,
      '  Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
