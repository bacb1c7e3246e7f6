// The fleet under mixed load (read/write/live traffic, one instance vs two). `startFleet`
// (tools/fleet) runs its own PostgreSQL cluster and Redis, N API instances and the proxy; all
// traffic goes through the proxy. For a fixed time autocannon keeps a fixed number of connections
// busy with a cycle of 10 requests — 5 thread pages of 50 (3 of the thread being written, 2 of a
// quiet one), 3 catalogue reads, 2 comment POSTs (several participants, one Idempotency-Key each)
// — while ~200 socket.io clients sit in the written thread; each delivery's latency is receive time
// minus the timestamp in the comment body. Baseline in the same run: bare node:http
// servers (one per instance, with a bare socket.io on the same Redis) answering the same paths
// with the same JSON behind the same proxy, under the same harness. The load generator and the
// sockets run in child processes of their own (this file, forked); the proxy is Debian's nginx with
// deploy/nginx.conf, as in `npm run fleet`.   npm run bench:fleet   (BENCH_DURATION=20 BENCH_CONNECTIONS=16 BENCH_SOCKETS=200)
import { fork } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_ADMIN, api, openRound, participant, percentile, signIn } from './lib/app.mjs';

const SELF = fileURLToPath(import.meta.url);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 200);
const WRITERS = 8;
const SEED_COMMENTS = 200;
const HOT = 'PC-1';
const QUIET = 'HR-1';
const APP_SECRET = 'fleet-bench-secret-0123456789abcdefghijklmnop';
const ENV = {
  APP_SECRET,
  ADMIN_EMAIL: BENCH_ADMIN.email,
  ADMIN_PASSWORD: BENCH_ADMIN.password,
  LOG_LEVEL: 'warn',
  SERVE_WEB: 'false',
  NEW_ACCOUNT_HELD_COMMENTS: '0',
  COMMENTS_PER_MINUTE: '10000',
  AUTH_IP_LIMIT_PER_MINUTE: '100000',
  SIGNUPS_PER_ADDRESS_PER_HOUR: '100000',
  SIGNUPS_PER_MAILBOX_PER_DAY: '100000',
  // Every simulated reader comes from 127.0.0.1.
  LIVE_ANONYMOUS_SOCKETS_PER_ADDRESS: '100000',
  REPLAY_MISSES_PER_ADDRESS_PER_MINUTE: '100000',
};

const DRAIN_MAX_MS = 30_000;
const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux
const cpuOf = ({ user, system }) => (user + system) / 1e6;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

/** Forks this file in `role`; `next()` resolves with the child's next message. */
function child(role, config) {
  const proc = fork(SELF, [role], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const queue = [];
  const waiting = [];
  proc.on('message', (message) => (waiting.length > 0 ? waiting.shift().resolve(message) : queue.push(message)));
  proc.once('exit', (code) => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`${role} child exited with code ${code}`));
  });
  proc.send(config);
  return {
    proc,
    next: () => (queue.length > 0 ? Promise.resolve(queue.shift()) : new Promise((resolve, reject) => waiting.push({ resolve, reject }))),
    async ask(message) {
      proc.send(message);
      return this.next();
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

// ───────────── child: the load generator (autocannon) ─────────────
async function loadRole() {
  const { default: autocannon } = await import('autocannon');
  const { base, mix, writers, marker, duration } = await CONFIG;
  let posts = 0;
  // Per kind of request: time from building it (just before it is written) to its response.
  const latencies = {};
  const requests = mix.map(({ method, path, kind }) => ({
    method,
    path,
    setupRequest(request, context) {
      context.sentAt = now();
      if (method !== 'POST') return request;
      const n = posts++;
      return {
        ...request,
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          authorization: `Bearer ${writers[n % writers.length]}`,
          'idempotency-key': `${marker}-${process.pid}-${n}`,
        },
        body: JSON.stringify({
          body: `Fleet benchmark comment ${marker} n=${n} on **decent work** for migrant domestic workers. t=${now()}`,
        }),
      };
    },
    onResponse(_status, _body, context) {
      if (context.sentAt !== undefined) (latencies[kind] ??= []).push(now() - context.sentAt);
    },
  }));
  const cpuBefore = process.cpuUsage();
  const result = await new Promise((resolve, reject) =>
    autocannon({ url: base, connections: CONNECTIONS, duration, requests }, (error, r) => (error ? reject(error) : resolve(r))),
  );
  process.send(
    {
      rps: result.requests.average,
      total: result.requests.total,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodes: result.statusCodeStats,
      cpu: cpuOf(process.cpuUsage(cpuBefore)),
      byKind: Object.fromEntries(
        Object.entries(latencies).map(([kind, values]) => [
          kind,
          { count: values.length, p50: percentile(values, 50), p99: percentile(values, 99) },
        ]),
      ),
    },
    () => process.exit(0),
  );
}

// ───────────── child: the live clients (socket.io) ─────────────
async function liveRole() {
  const { io } = await import('socket.io-client');
  const { base, join: thread, count } = await CONFIG;
  const sockets = [];
  let marker;
  let received = 0;
  let disconnected = 0;
  let latencies = [];
  for (let i = 0; i < count; i++)
    sockets.push(io(`${base}/live`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true }));
  const joins = await Promise.allSettled(
    sockets.map(
      (socket) =>
        new Promise((resolve, reject) => {
          socket.once('connect', () =>
            socket
              .timeout(15_000)
              .emitWithAck('thread:join', thread)
              .then((ack) => (ack.ok ? resolve() : reject(new Error(ack.code))), reject),
          );
          socket.once('connect_error', reject);
        }),
    ),
  );
  for (const socket of sockets) {
    socket.on('disconnect', () => (disconnected += 1));
    socket.on('comment.created', (payload) => {
      if (!marker || !payload.body?.includes(marker)) return;
      const sentAt = Number(/t=(\d+(?:\.\d+)?)/.exec(payload.body)?.[1]);
      latencies.push(now() - sentAt);
      received += 1;
    });
  }
  const joined = joins.filter((j) => j.status === 'fulfilled').length;
  process.on('message', (message) => {
    if (message.type === 'measure') {
      marker = message.marker;
      received = 0;
      latencies = [];
      disconnected = 0;
      process.send({ ok: true });
    } else if (message.type === 'report') {
      process.send({ joined, received, disconnected, p50: percentile(latencies, 50) ?? NaN, p99: percentile(latencies, 99) ?? NaN });
    } else if (message.type === 'close') {
      for (const socket of sockets) socket.disconnect();
      process.exit(0);
    }
  });
  process.send({
    joined,
    failed: joins
      .filter((j) => j.status === 'rejected')
      .map((j) => String(j.reason?.message ?? j.reason))
      .slice(0, 3),
  });
}

// ───────────── child: one bare server of the baseline ─────────────
async function bareRole() {
  const { createServer } = await import('node:http');
  const { Server } = await import('socket.io');
  const { port, bodies, created, redisUrl, room } = await CONFIG;
  let posts = 0;
  let marker;
  let seq = 0;
  const http = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') {
        const { body } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const comment = { ...created, body, bodyHtml: `<p>${body}</p>` };
        const text = JSON.stringify(comment);
        if (marker && body.includes(marker)) posts += 1;
        seq += 1;
        io.of('/live')
          .to(room)
          .emit('comment.created', { ...comment, seq });
        response.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
        return;
      }
      const text = request.url === '/api/health/ready' ? '{"status":"ready"}' : bodies[request.url];
      if (text === undefined) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
    });
  });
  const io = new Server(http, { path: '/socket.io', serveClient: false });
  if (redisUrl) {
    const { createAdapter } = await import('@socket.io/redis-adapter');
    const { createClient } = await import('redis');
    const publisher = createClient({ url: redisUrl });
    const subscriber = publisher.duplicate();
    await Promise.all([publisher.connect(), subscriber.connect()]);
    // A key of its own: the app instances on the same Redis must not see the baseline's broadcasts.
    io.adapter(createAdapter(publisher, subscriber, { key: 'fleet-bench-baseline' }));
  }
  io.of('/live').on('connection', (socket) => {
    socket.on('thread:join', (_ref, ack) => {
      void socket.join(room);
      ack?.({ ok: true, lastSeq: seq });
    });
  });
  process.on('message', (message) => {
    if (message.type === 'count') process.send({ posts });
    if (message.type === 'reset') {
      // Count only the measured run's comments, as the app's count does (the warm-up's last requests may still arrive).
      marker = message.marker;
      posts = 0;
      process.send({ ok: true });
    }
  });
  http.listen(port, '127.0.0.1', () => process.send({ ready: true }));
}

// ───────────── parent ─────────────
/** CPU seconds (user + system) a process has used so far, from /proc; 0 once it is gone. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** Every process whose command line matches, with its parent: PostgreSQL backends, redis-server. */
function processes(match) {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (match(cmdline, ppid)) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Busy CPU seconds of the whole machine (every core), from /proc/stat. */
function machineBusySeconds() {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
}

/** Per part of the system, CPU seconds per process so far. */
function cpuSnapshot(groups) {
  const parts = Object.fromEntries(
    Object.entries(groups).map(([name, pids]) => [
      name,
      new Map((typeof pids === 'function' ? pids() : pids).map((pid) => [pid, cpuSeconds(pid)])),
    ]),
  );
  return { parts, machine: machineBusySeconds() };
}

/** What each part used between two snapshots (a process that ended meanwhile is not counted; one born meanwhile counts whole). */
function cpuBetween(before, after) {
  const used = {};
  for (const [name, pids] of Object.entries(after.parts)) {
    used[name] = 0;
    for (const [pid, seconds] of pids) used[name] += seconds - (before.parts[name].get(pid) ?? 0);
  }
  used.machine = after.machine - before.machine;
  return used;
}

/**
 * What the app's PostgreSQL sessions are doing, sampled every 100 ms while the load runs: on average
 * how many are running, waiting for a lock, or idle inside an open transaction (waiting for the app).
 */
function sampleBackends(client) {
  const totals = {};
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await client.query(
        `SELECT CASE WHEN state = 'active' THEN 'active' || COALESCE(', waiting ' || wait_event_type || ':' || wait_event, '') ELSE state END AS what, count(*)::int AS n
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle' GROUP BY 1`,
      );
      for (const { what, n } of rows) totals[what] = (totals[what] ?? 0) + n;
      samples += 1;
      await sleep(100);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return Object.fromEntries(
        Object.entries(totals)
          .sort((a, b) => b[1] - a[1])
          .map(([what, n]) => [what, Number((n / samples).toFixed(2))]),
      );
    },
  };
}

/**
 * Warm-up, then the measured run with sockets in the hot thread. `server.reset()` before it;
 * `server.created(marker)` is the servers' own count of comments created; `server.pids` maps the
 * parts of the system to their processes for the CPU account.
 */
async function mixedRun(base, plan, server) {
  const live = child('live', { base, join: plan.thread, count: SOCKETS });
  const connected = await live.next();
  if (connected.joined < SOCKETS)
    process.stderr.write(`warning: ${SOCKETS - connected.joined} sockets did not join (${connected.failed.join('; ')})\n`);
  try {
    const load = (marker, duration) => child('load', { base, mix: plan.mix, writers: plan.writers, marker, duration }).next();
    if (WARMUP > 0) await load(`warm${Date.now().toString(36)}`, WARMUP);
    const marker = `run${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    await server.reset?.(marker);
    await live.ask({ type: 'measure', marker });
    const groups = {
      ...server.pids,
      nginx: () => processes((cmd) => cmd.startsWith('nginx:')),
      'bench main process': [process.pid],
      'socket clients': [live.proc.pid],
    };
    const before = cpuSnapshot(groups);
    const started = Date.now();
    const sampling = server.sample?.();
    const result = await load(marker, DURATION);
    const waits = await sampling?.stop();
    // Late deliveries are late, not lost: wait until every expected one has come or none comes for 2 s.
    await sleep(1_000);
    const created = await server.created(marker);
    let delivered = await live.ask({ type: 'report' });
    for (
      let idle = 0, waited = 0;
      delivered.received < created * delivered.joined && idle < 2_000 && waited < DRAIN_MAX_MS;
      waited += 250
    ) {
      await sleep(250);
      const next = await live.ask({ type: 'report' });
      idle = next.received === delivered.received ? idle + 250 : 0;
      delivered = next;
    }
    const cpu = cpuBetween(before, cpuSnapshot(groups));
    cpu['load generator (autocannon)'] = result.cpu;
    return {
      ...result,
      live: { ...delivered, created, expected: created * delivered.joined },
      cpu,
      waits,
      window: (Date.now() - started) / 1000,
    };
  } finally {
    if (live.proc.connected) live.proc.send({ type: 'close' });
    await Promise.race([new Promise((r) => live.proc.once('exit', r)), sleep(5_000)]);
    await live.stop();
  }
}

async function inPool(items, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

async function measureFleet(count, { startFleet, startFleetProxy, startPostgresCluster, startRedisServer, freePort, pg }) {
  const dir = mkdtempSync(join(tmpdir(), 'cv-fleet-bench-'));
  // mkdtemp makes the directory 0700; the cluster under it runs as the `postgres` user when we are root.
  chmodSync(dir, 0o755);
  let fleet;
  let postgres;
  let redis;
  const db = { client: undefined };
  try {
    // The fleet's own PostgreSQL and Redis, started here (as startFleet would, same layout) so that
    // they are stopped even when an instance fails to start — startFleet does not clean up then.
    postgres = await startPostgresCluster({ dir: join(dir, 'postgres'), port: await freePort() });
    const server = new pg.Client({ connectionString: postgres.url });
    await server.connect();
    await server.query('CREATE DATABASE compact_voices');
    await server.end();
    redis = await startRedisServer({ port: await freePort() });
    fleet = await startFleet({
      dir,
      instances: count,
      env: ENV,
      logDir: dir,
      databaseUrl: postgres.url.replace(/\/postgres$/, '/compact_voices'),
      redisUrl: redis.url,
    });
    const base = fleet.proxy.base;
    db.client = new pg.Client({ connectionString: fleet.databaseUrl });
    await db.client.connect();
    const version = (await db.client.query('SELECT version()')).rows[0].version;

    // Setup through the API. Sign-ups go straight to api-1 so the verification mail lands in its outbox.
    const admin = await signIn(base, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const round = await openRound(base, admin, [HOT, QUIET, 'WS-2']);
    const writers = [];
    for (let i = 0; i < WRITERS; i++)
      writers.push(await participant({ base: fleet.instances[0].base, dataDir: join(dir, 'api-1') }, `fleet${i}`));
    const threadPath = (code) => `/api/v1/consultations/${round.id}/recommendations/${code}/comments`;
    await inPool(
      Array.from({ length: SEED_COMMENTS }, (_, i) => i),
      8,
      (i) =>
        api(base, 'POST', threadPath(i % 2 === 0 ? HOT : QUIET), {
          token: writers[i % WRITERS],
          body: { body: `Seed comment ${i}: safe and regular pathways, *decent work*, access to services in country ${i % 32}.` },
        }),
    );
    const hot = `${threadPath(HOT)}?limit=50`;
    const quiet = `${threadPath(QUIET)}?limit=50`;
    const kinds = {
      [hot]: 'thread page, hot',
      [quiet]: 'thread page, quiet',
      '/api/v1/recommendations': 'catalogue',
      '/api/v1/recommendations/HR-1': 'catalogue',
    };
    const mix = [
      hot,
      '/api/v1/recommendations',
      'POST',
      hot,
      quiet,
      '/api/v1/recommendations/HR-1',
      hot,
      'POST',
      quiet,
      '/api/v1/recommendations',
    ].map((path) =>
      path === 'POST' ? { method: 'POST', path: threadPath(HOT), kind: 'comment POST' } : { method: 'GET', path, kind: kinds[path] },
    );
    const plan = { mix, writers, thread: { consultationId: round.id, recommendationCode: HOT } };

    // What the baseline answers: the app's own responses, captured now.
    const bodies = {};
    for (const path of new Set(mix.filter((m) => m.method === 'GET').map((m) => m.path)))
      bodies[path] = await (await fetch(`${base}${path}`)).text();
    const created = await api(base, 'POST', threadPath(HOT), { token: writers[0], body: { body: 'Template comment for the baseline.' } });

    const postmaster = Number(readFileSync(join(dir, 'postgres', 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const shared = {
      postgres: () => [postmaster, ...processes((_cmd, ppid) => ppid === postmaster)],
      redis: () => processes((cmd) => cmd.startsWith('redis-server') && cmd.includes(`:${redis.port}`)),
    };
    const app = await mixedRun(base, plan, {
      sample: () => sampleBackends(db.client),
      created: async (marker) =>
        Number((await db.client.query('SELECT count(*) AS n FROM comment WHERE body LIKE $1', [`%${marker}%`])).rows[0].n),
      pids: { 'API instances': fleet.instances.map((instance) => instance.pid), ...shared },
    });

    // What the instances logged (LOG_LEVEL warn) during the whole run, by message.
    const logged = {};
    for (const instance of fleet.instances) {
      for (const line of readFileSync(join(dir, `${instance.name}.log`), 'utf8').split('\n')) {
        let entry;
        try {
          entry = JSON.parse(line);
        } catch {
          continue; // not a JSON log line
        }
        const key = `${entry.level >= 50 ? 'error' : 'warn'}: ${entry.msg}`;
        if (entry.level >= 40) logged[key] = (logged[key] ?? 0) + 1;
      }
    }
    app.logged = logged;

    // Baseline: bare servers behind the same proxy code, the same harness.
    const bare = [];
    let proxy;
    try {
      for (let i = 0; i < count; i++) {
        const port = await freePort();
        bare.push({ port, ...child('bare', { port, bodies, created, redisUrl: fleet.redisUrl, room: 'thread' }) });
      }
      for (const server of bare) await server.next();
      proxy = await startFleetProxy({ port: 0, upstreams: bare.map((server, i) => ({ name: `bare-${i + 1}`, port: server.port })) });
      const baseline = await mixedRun(proxy.base, plan, {
        reset: (marker) => Promise.all(bare.map((server) => server.ask({ type: 'reset', marker }))),
        created: async () =>
          (await Promise.all(bare.map((server) => server.ask({ type: 'count' })))).reduce((sum, answer) => sum + answer.posts, 0),
        pids: {
          'bare servers': bare.map((server) => server.proc.pid),
          'API instances': fleet.instances.map((instance) => instance.pid),
          ...shared,
        },
      });
      return { app, baseline, version, bodySizes: Object.fromEntries(Object.entries(bodies).map(([path, text]) => [path, text.length])) };
    } finally {
      await proxy?.close();
      await Promise.all(bare.map((server) => server.stop()));
    }
  } finally {
    await db.client?.end().catch(() => undefined);
    await fleet?.stop();
    await redis?.stop('SIGTERM');
    await postgres?.stop('fast');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The built API, once it exists and has not changed for 3 s (another build may be rewriting dist/). Resolves with its mtime. */
async function builtApi(entry) {
  let last;
  for (let waited = 0; waited < 300_000; waited += 1_000) {
    const mtime = existsSync(entry) ? statSync(entry).mtimeMs : undefined;
    if (mtime !== undefined && mtime === last && waited >= 3_000) return new Date(mtime);
    last = mtime;
    await sleep(1_000);
  }
  throw new Error(
    `${entry} is missing: build first (NX_NO_CLOUD=true NX_DAEMON=false npx nx run-many -t build -p contracts api web --output-style=static)`,
  );
}

async function main() {
  const fleetTools = await import('../tools/fleet/index.mjs');
  const { API_ENTRY } = await import('../tools/fleet/api-instance.mjs');
  const { default: pg } = await import('pg');
  const runs = [];
  for (const count of [1, 2]) {
    process.stderr.write(`fleet with ${count} instance(s)…\n`);
    const build = await builtApi(API_ENTRY);
    runs.push({ count, build, ...(await measureFleet(count, { ...fleetTools, pg })) });
  }
  const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
  const line = (name, r) =>
    `| ${name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors}${r.timeouts ? ` (${r.timeouts} timeouts)` : ''} | ${r.live.received} / ${r.live.expected}${r.live.disconnected ? ` (${r.live.disconnected} sockets cut)` : ''} | ${fmt(r.live.p99)} |`;
  const out = [];
  out.push(`machine: ${availableParallelism()} cores, Node ${process.version}, ${runs[0].version.split(',')[0]}`);
  out.push(
    `load: ${DURATION} s after ${WARMUP} s warm-up, ${CONNECTIONS} connections, cycle of 10 = 5 thread pages of 50 (3 hot, 2 quiet) + 3 catalogue reads + 2 comment POSTs by ${WRITERS} participants; ${SOCKETS} sockets in the hot thread; ${SEED_COMMENTS} seeded comments`,
  );
  out.push(
    `build: apps/api/dist/main.js of ${runs.map((r) => r.build.toISOString()).join(' and ')}${runs[0].build.getTime() === runs[1].build.getTime() ? ' (the same for both)' : ' — REBUILT BETWEEN THE RUNS, the rows compare different builds'}`,
  );
  out.push(
    `responses (bytes): ${Object.entries(runs[0].bodySizes)
      .map(([path, size]) => `${path.replace(/consultations\/[0-9a-f-]+/, 'consultations/{id}')} ${size}`)
      .join(', ')}`,
  );
  out.push('');
  out.push('| setup | req/s | p50 ms | p99 ms | non-2xx | errors | live events delivered / expected | live p99 ms |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const run of runs) {
    out.push(line(`baseline: ${run.count} bare node:http + socket.io behind the proxy`, run.baseline));
    out.push(line(`app, ${run.count} instance${run.count > 1 ? 's' : ''} behind the proxy`, run.app));
  }
  const [one, two] = runs;
  out.push('');
  out.push(
    `app 2 instances / 1: req/s ${fmt(two.app.rps / one.app.rps, 2)}, p99 ${fmt(two.app.p99 / one.app.p99, 2)}; baseline 2 / 1: req/s ${fmt(two.baseline.rps / one.baseline.rps, 2)}`,
  );
  out.push(
    `app / baseline, req/s: 1 instance ${fmt((100 * one.app.rps) / one.baseline.rps, 0)}%, 2 instances ${fmt((100 * two.app.rps) / two.baseline.rps, 0)}%; p99: 1 instance ${fmt(one.app.p99 / one.baseline.p99, 2)}×, 2 instances ${fmt(two.app.p99 / two.baseline.p99, 2)}×`,
  );
  const setups = runs.flatMap((run) => [
    [`baseline ×${run.count}`, run.baseline],
    [`app ×${run.count}`, run.app],
  ]);
  out.push('');
  out.push('Latency by kind of request, p50 / p99 ms (time from building the request to its response, in the load generator):');
  const kindNames = ['thread page, hot', 'thread page, quiet', 'catalogue', 'comment POST'];
  out.push(`| setup | ${kindNames.join(' | ')} |`);
  out.push(`|---|${kindNames.map(() => '---|').join('')}`);
  for (const [name, r] of setups)
    out.push(
      `| ${name} | ${kindNames.map((kind) => (r.byKind[kind] ? `${fmt(r.byKind[kind].p50)} / ${fmt(r.byKind[kind].p99)}` : '—')).join(' | ')} |`,
    );
  out.push('');
  out.push('CPU seconds during the measured window (load, then draining the live events), by part; "others" is the rest of the machine:');
  const parts = [
    'proxy (bench main process)',
    'load generator (autocannon)',
    'socket clients',
    'API instances',
    'bare servers',
    'postgres',
    'redis',
  ];
  out.push(`| setup | window s | ${parts.join(' | ')} | others | machine busy / available |`);
  out.push(`|---|---|${parts.map(() => '---|').join('')}---|---|`);
  for (const [name, r] of setups) {
    const ours = parts.reduce((sum, part) => sum + (r.cpu[part] ?? 0), 0);
    out.push(
      `| ${name} | ${fmt(r.window)} | ${parts.map((part) => (r.cpu[part] === undefined ? '—' : fmt(r.cpu[part]))).join(' | ')} | ${fmt(r.cpu.machine - ours)} | ${fmt(r.cpu.machine)} / ${fmt(r.window * availableParallelism())} |`,
    );
  }
  out.push(
    `status codes: ${runs.map((r) => `app ${r.count}: ${JSON.stringify(Object.fromEntries(Object.entries(r.app.statusCodes).map(([code, s]) => [code, s.count])))}`).join('; ')}`,
  );
  out.push(
    `app's PostgreSQL sessions during the load, average number by state (sampled every 100 ms): ${runs.map((r) => `app ${r.count}: ${JSON.stringify(r.app.waits)}`).join('; ')}`,
  );
  out.push(`instance logs (warn and above): ${runs.map((r) => `app ${r.count}: ${JSON.stringify(r.app.logged)}`).join('; ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

const role = process.argv[2];
// A child's configuration is the parent's first message; listen before anything awaits, or it is lost.
const CONFIG = role ? new Promise((resolve) => process.once('message', resolve)) : undefined;
// A child never outlives the bench (sockets and servers keep a process alive on their own).
if (role) process.once('disconnect', () => process.exit(0));
if (role === 'load') await loadRole();
else if (role === 'live') await liveRole();
else if (role === 'bare') await bareRole();
else await main();
