// Sign-in cost and the failed-login flood (target: at 50 failed sign-ins a second, other requests'
// p99 ≤ 2× idle and password hashing concurrency bounded), plus the unknown-address vs wrong-password
// timing comparison over 200 samples. Starts the built app on an embedded database in a temp dir (or DATABASE_URL).
//   npx nx run-many -t build -p contracts api && npm run bench:auth
// With BENCH_BEFORE (a built checkout of an earlier commit, as for bench:published) both versions
// are measured in the same run, the earlier first, and the table gains a ratio column.
import { cpus } from 'node:os';
import { BENCH_ADMIN, startApp } from './lib/app.mjs';

const before = process.env.BENCH_BEFORE;
const measured = [];
for (const cwd of before ? [before, undefined] : [undefined]) measured.push(await measure(cwd));
const names = measured[0].map(([name]) => name);
console.log(
  `machine: ${cpus().length} cores, Node ${process.version}, database ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}`,
);
if (before) {
  console.log('| measure | before | after | after / before |\n|---|---|---|---|');
  names.forEach((name, i) => {
    const [b, a] = [measured[0][i][1], measured[1][i][1]];
    const ratio = typeof b === 'number' && typeof a === 'number' ? `${((a / b) * 100).toFixed(0)}%` : '';
    console.log(`| ${name} | ${show(b)} | ${show(a)} | ${ratio} |`);
  });
} else {
  console.log('| measure | value |\n|---|---|');
  for (const [name, value] of measured[0]) console.log(`| ${name} | ${show(value)} |`);
}

function show(value) {
  return typeof value === 'number' ? value.toFixed(1) : value;
}

async function measure(cwd) {
  const app = await startApp({ AUTH_IP_LIMIT_PER_MINUTE: '100000' }, { cwd });
  const base = app.base;
  const stop = () => app.stop();

  const post = (path, body) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const timed = async (fn) => {
    const started = performance.now();
    const response = await fn();
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  };
  const pct = (values, p) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  };

  const { email, password } = BENCH_ADMIN;

  // 1. Successful sign-in latency.
  const signIns = [];
  for (let i = 0; i < 50; i++) signIns.push((await timed(() => post('/api/v1/auth/sign-in', { email, password }))).ms);

  // 2. Unknown address vs wrong password (same answer, same timing), 200 interleaved samples each, spread over four
  // accounts so the per-account limits (5 a minute, 100 an hour) never answer instead.
  const accounts = [{ email, password }];
  for (let i = 0; i < 3; i++) {
    const account = { email: `bench${i}@bench.test`, password: `bench passphrase ${i} xyz` };
    await post('/api/v1/auth/sign-up', { ...account, displayName: `Bench ${i}` });
    accounts.push(account);
  }
  const unknown = [];
  const wrong = [];
  for (let i = 0; i < 200; i++) {
    unknown.push((await timed(() => post('/api/v1/auth/sign-in', { email: `ghost${i}@bench.test`, password: 'not it at all' }))).ms);
    const account = accounts[i % accounts.length];
    const r = await timed(() => post('/api/v1/auth/sign-in', { email: account.email, password: 'not it at all' }));
    if (r.status !== 401) throw new Error(`expected 401, got ${r.status}`);
    wrong.push(r.ms);
    if (Math.floor(i / accounts.length) % 3 === 2) await post('/api/v1/auth/sign-in', account); // clears the per-minute lock
  }

  // 3. Reads while idle, then under a 50/s flood of failed sign-ins.
  async function readLatencies(seconds) {
    const samples = [];
    const until = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < until) samples.push((await timed(() => fetch(`${base}/api/v1/recommendations/HR-1`))).ms);
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return samples;
  }
  const idle = await readLatencies(10);
  let flooding = true;
  let floodSent = 0;
  const floodStatuses = {};
  const flood = (async () => {
    const interval = 1000 / 50;
    let next = performance.now();
    const inflight = [];
    while (flooding) {
      next += interval;
      inflight.push(
        post('/api/v1/auth/sign-in', { email: `flood${floodSent++}@bench.test`, password: 'wrong password here' }).then(async (r) => {
          await r.arrayBuffer();
          floodStatuses[r.status] = (floodStatuses[r.status] ?? 0) + 1;
        }),
      );
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
    await Promise.all(inflight);
  })();
  const loaded = await readLatencies(10);
  flooding = false;
  await flood;
  await stop();

  return [
    ['sign-in (success), median ms', pct(signIns, 50)],
    ['sign-in (success), p99 ms', pct(signIns, 99)],
    ['unknown address, median ms (200)', pct(unknown, 50)],
    ['wrong password, median ms (200)', pct(wrong, 50)],
    ['|difference| of medians, ms (bar < 10)', Math.abs(pct(unknown, 50) - pct(wrong, 50))],
    ['reads idle: p50 ms', pct(idle, 50)],
    ['reads idle: p99 ms', pct(idle, 99)],
    ['reads under 50/s failed sign-ins: p50 ms', pct(loaded, 50)],
    ['reads under 50/s failed sign-ins: p99 ms', pct(loaded, 99)],
    ['p99 ratio flood / idle (bar ≤ 2)', pct(loaded, 99) / pct(idle, 99)],
    ['flood requests sent (statuses)', `${floodSent} (${JSON.stringify(floodStatuses)})`],
  ];
}
