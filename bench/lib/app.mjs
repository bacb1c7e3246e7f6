// Shared by the benchmarks: start the built app as a child process, talk to it, stop it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tools/fleet/index.mjs';

// One free-port probe for the benchmarks and the fleet tooling.
export { freePort };

export const BENCH_ADMIN = { email: 'bench-admin@bench.test', password: 'bench admin passphrase' };

/** Starts apps/api/dist/main.js (of the checkout at `cwd`, this one by default); resolves once /api/health answers. */
export async function startApp(env = {}, { cwd } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cv-bench-'));
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SERVE_WEB: 'false',
      NODE_ENV: 'production',
      APP_SECRET: 'bench-secret-0123456789abcdefghijklmnop',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      // The benchmarks measure publishing; holding new accounts' first comments is tested, not timed.
      NEW_ACCOUNT_HELD_COMMENTS: '0',
      // They also sign up their participants from one address.
      SIGNUPS_PER_ADDRESS_PER_HOUR: '100000',
      SIGNUPS_PER_MAILBOX_PER_DAY: '100000',
      // And open their readers' sockets from 127.0.0.1.
      LIVE_ANONYMOUS_SOCKETS_PER_ADDRESS: '100000',
      // And ask the dashboard many new questions, every one a cache miss on purpose.
      DASHBOARD_MISSES_PER_ADDRESS_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', process.env.BENCH_APP_LOGS ? 'inherit' : 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 240 || child.exitCode !== null) throw new Error(`app did not start (exit code ${child.exitCode}, ${i} polls)`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    dataDir,
    child,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function api(base, method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export async function signIn(base, email, password) {
  return (await api(base, 'POST', '/api/v1/auth/sign-in', { body: { email, password } })).accessToken;
}

/** Signs up and verifies through the app's outbox; resolves with an access token. */
export async function participant(app, label) {
  return (await participantAccount(app, label)).token;
}

/** As participant(), with the account's email and password (for a browser to sign in with). */
export async function participantAccount(app, label) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@bench.test`;
  const password = `bench passphrase ${label}`;
  await api(app.base, 'POST', '/api/v1/auth/sign-up', { body: { email, password, displayName: label } });
  const file = readdirSync(join(app.dataDir, 'outbox')).find((name) =>
    readFileSync(join(app.dataDir, 'outbox', name), 'utf8').includes(`To: ${email}`),
  );
  const raw = readFileSync(join(app.dataDir, 'outbox', file), 'utf8')
    .replace(/=\r?\n/g, '')
    .replace(/=3D/g, '=');
  const token = /#token=([A-Za-z0-9_-]+)/.exec(raw)[1];
  await api(app.base, 'POST', '/api/v1/auth/verify-email', { body: { token } });
  return { email, password, token: await signIn(app.base, email, password) };
}

export async function openRound(base, adminToken, recommendationCodes) {
  const round = await api(base, 'POST', '/api/v1/consultations', {
    token: adminToken,
    body: {
      title: `Bench ${Date.now()}`,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      moderationMode: 'post',
      recommendationCodes,
    },
  });
  await api(base, 'PATCH', `/api/v1/consultations/${round.id}`, { token: adminToken, body: { status: 'open' } });
  return round;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A throwaway database on the local PostgreSQL (benchmarks measure against the production target). */
export async function scratchDatabase() {
  const pg = (await import('pg')).default;
  const admin = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cv_bench_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
