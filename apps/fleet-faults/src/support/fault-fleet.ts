import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
// tools/fleet is the plain-Node tooling behind `npm run fleet`, not an Nx project: the fault suite
// drives exactly the code operators run.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startFleet } from '../../../../tools/fleet/index.mjs';

export const ADMIN = { email: 'faults-admin@faults.test', password: 'faults admin passphrase' };
export const METRICS_TOKEN = 'faults-metrics-token-0123456789';

export type Fleet = Awaited<ReturnType<typeof startFleet>>;
export type Instance = Fleet['instances'][number];

export interface FaultFleet extends Fleet {
  dir: string;
  /** Every instance's log, for a failure message. */
  logs(): string;
  /** A client of the fleet's own PostgreSQL database (the test checks what was stored). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  teardown(): Promise<void>;
}

/**
 * A fleet of its own for one fault spec: a PostgreSQL cluster initialised in a temp directory on a
 * free port, its own Redis (unless `redis: false`), `instances` API processes and nginx in front,
 * running deploy/nginx.conf as compose does (`fleet.proxy`).
 */
export async function startFaultFleet(
  name: string,
  options: { instances?: number; redis?: boolean; env?: Record<string, string> } = {},
): Promise<FaultFleet> {
  const dir = mkdtempSync(join(tmpdir(), `cv-fault-${name}-`));
  // PostgreSQL runs as its own system user when we are root: it must be able to reach its directory.
  chmodSync(dir, 0o755);
  const fleet = await startFleet({
    dir,
    logDir: dir,
    instances: options.instances ?? 1,
    // A copy of the run's migrated cluster (support/global-setup.mjs), when there is one.
    postgresTemplate: process.env.FAULT_POSTGRES_TEMPLATE,
    redisUrl: options.redis === false ? false : undefined,
    env: {
      APP_SECRET: 'fault-suite-secret-0123456789abcdefghijkl',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'info',
      SERVE_WEB: 'false',
      API_DOCS: 'false',
      METRICS_TOKEN,
      NEW_ACCOUNT_HELD_COMMENTS: '0',
      COMMENTS_PER_MINUTE: '10000',
      AUTH_IP_LIMIT_PER_MINUTE: '100000',
      SIGNUPS_PER_ADDRESS_PER_HOUR: '100000',
      SIGNUPS_PER_MAILBOX_PER_DAY: '100000',
      SHUTDOWN_TIMEOUT_MS: '15000',
      // Many simulated readers share an address (127.0.0.1, or one of a few loopback addresses through nginx).
      LIVE_ANONYMOUS_SOCKETS_PER_ADDRESS: '100000',
      REPLAY_MISSES_PER_ADDRESS_PER_MINUTE: '100000',
      ...options.env,
    },
  });
  const pool = new pg.Pool({ connectionString: fleet.databaseUrl, max: 2, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => undefined);
  return Object.assign(fleet, {
    dir,
    logs: () =>
      readdirSync(dir)
        .filter((file) => file.endsWith('.log'))
        .map((file) => `── ${file} ──\n${readFileSync(join(dir, file), 'utf8').split('\n').slice(-60).join('\n')}`)
        .join('\n'),
    async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
      return (await pool.query(sql, params)).rows as T[];
    },
    async teardown() {
      await pool.end().catch(() => undefined);
      await fleet.stop().catch(() => undefined);
      if (!process.env.KEEP_FAULT_DIRS) rmSync(dir, { recursive: true, force: true });
    },
  });
}

export interface CallResult {
  status: number;
  body: Record<string, unknown> | undefined;
  ms: number;
  /** Set when no HTTP answer came at all (connection refused, reset, timeout). */
  error?: string;
}

/**
 * A client address of its own on the loopback network (127.0.1.1, 127.0.1.2, …; Linux routes all of
 * 127.0.0.0/8 to lo). nginx keeps a client on the instance its address hashes to, so clients that
 * must be spread over the instances each connect from their own address.
 */
export function clientAddress(index: number): string {
  return `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`;
}

/**
 * One HTTP call that never throws: the fault specs count what came back. A new connection per call
 * (no keep-alive to race with a closing server); `localAddress` picks the client address.
 */
export function call(
  base: string,
  method: string,
  path: string,
  init: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number; localAddress?: string } = {},
): Promise<CallResult> {
  const started = performance.now();
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Omit<CallResult, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, ms: performance.now() - started });
    };
    const outgoing = request(
      `${base}${path}`,
      {
        method,
        agent: false,
        localAddress: init.localAddress,
        headers: {
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...init.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error: NodeJS.ErrnoException) => settle({ status: 0, body: undefined, error: error.code ?? error.name }));
        response.on('close', () => settle({ status: 0, body: undefined, error: 'ECONNRESET' }));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Record<string, unknown> | undefined;
          try {
            body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
          } catch {
            body = undefined;
          }
          settle({ status: response.statusCode ?? 0, body });
        });
      },
    );
    const timer = setTimeout(
      () => outgoing.destroy(Object.assign(new Error('timed out'), { code: 'TimeoutError' })),
      init.timeoutMs ?? 30_000,
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => settle({ status: 0, body: undefined, error: error.code ?? error.name }));
    outgoing.end(payload);
  });
}

/** Like call, but throws on anything but 2xx: for setup steps. */
export async function must<T>(base: string, method: string, path: string, init: Parameters<typeof call>[3] = {}): Promise<T> {
  const result = await call(base, method, path, init);
  if (result.status < 200 || result.status > 299)
    throw new Error(`${method} ${path} → ${result.status} ${result.error ?? JSON.stringify(result.body)}`);
  return result.body as T;
}

export async function signIn(base: string, email: string, password: string): Promise<string> {
  return (await must<{ accessToken: string }>(base, 'POST', '/api/v1/auth/sign-in', { body: { email, password } })).accessToken;
}

/** A verified participant: signs up on `instance`, follows the link in that instance's outbox. */
export async function participant(instance: Instance, dataDir: string, label: string): Promise<string> {
  const email = `${label}-${Math.random().toString(36).slice(2, 8)}@faults.test`;
  const password = `faults passphrase ${label}`;
  await must(instance.base, 'POST', '/api/v1/auth/sign-up', { body: { email, password, displayName: label } });
  const outbox = join(dataDir, 'outbox');
  let raw = '';
  for (let i = 0; i < 50 && !raw; i++) {
    const file = existsSync(outbox)
      ? readdirSync(outbox).find((name) => readFileSync(join(outbox, name), 'utf8').includes(`To: ${email}`))
      : undefined;
    if (file)
      raw = readFileSync(join(outbox, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=');
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const token = /#token=([A-Za-z0-9_-]+)/.exec(raw)?.[1];
  if (!token) throw new Error(`no verification mail for ${label}`);
  await must(instance.base, 'POST', '/api/v1/auth/verify-email', { body: { token } });
  return signIn(instance.base, email, password);
}

export interface Round {
  id: string;
}

/** An open round (post-moderation) on the given recommendations. */
export async function openRound(base: string, adminToken: string, recommendationCodes: string[]): Promise<Round> {
  const round = await must<Round>(base, 'POST', '/api/v1/consultations', {
    token: adminToken,
    body: {
      title: `Faults ${Date.now()}`,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      moderationMode: 'post',
      recommendationCodes,
    },
  });
  await must(base, 'PATCH', `/api/v1/consultations/${round.id}`, { token: adminToken, body: { status: 'open' } });
  return round;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reads one metric's value (sum over label sets) from an instance's /metrics. */
export async function metric(instance: Instance, name: string): Promise<number> {
  const response = await fetch(`${instance.base}/metrics`, {
    headers: { authorization: `Basic ${Buffer.from(`metrics:${METRICS_TOKEN}`).toString('base64')}` },
  });
  const text = await response.text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

/** Open live sockets on an instance, from its own /metrics (nginx keeps no per-instance count). */
export function liveSockets(instance: Instance): Promise<number> {
  return metric(instance, 'live_sockets');
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
