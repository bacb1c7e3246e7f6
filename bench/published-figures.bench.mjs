// Published figures before and after the disclosure-control layer, on the same million ratings and
// in the same run: the dashboard (each request a new filter set, so a cache miss), a cell's summary,
// a recommendation's summary over every country, the round's coverage, and the million-row ratings
// CSV export (public rows before; full rows after, since public ratings are now the cells'
// published figures, also timed). The "before" app is a built checkout of an earlier commit:
//   git worktree add /tmp/cv-before <commit> && (cd /tmp/cv-before && ln -s "$PWD/../../work/main/node_modules" . && npx nx run-many -t build -p contracts api)
//   npm run build && BENCH_BEFORE=/tmp/cv-before npm run bench:published
import { execFileSync, spawnSync } from 'node:child_process';
import { BENCH_ADMIN, api, percentile, scratchDatabase, signIn, startApp } from './lib/app.mjs';

const before = process.env.BENCH_BEFORE;
if (!before) {
  process.stderr.write('Set BENCH_BEFORE to a built checkout of the commit to compare with.\n');
  process.exit(2);
}
const SAMPLES = 16;
const database = process.env.BENCH_DATABASE_URL
  ? { url: process.env.BENCH_DATABASE_URL, drop: async () => undefined }
  : await scratchDatabase();
const secret = 'bench-secret-0123456789abcdefghijklmnop';
const time = async (fn) => {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
};
const median = (values) => percentile(values, 50);

async function exportSeconds(app, token, body) {
  const started = process.hrtime.bigint();
  const job = await api(app.base, 'POST', '/api/v1/exports', { token, body });
  for (;;) {
    const state = await api(app.base, 'GET', `/api/v1/exports/${job.id}`, { token });
    if (state.status === 'done') return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rows: state.rowCount };
    if (['failed', 'cancelled'].includes(state.status)) throw new Error(`export ${state.status}: ${state.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The same requests against one app: medians in ms, and the export. */
async function measure(app, exports) {
  const token = await signIn(app.base, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const { items: rounds } = await api(app.base, 'GET', '/api/v1/consultations');
  const round = rounds.find((r) => r.title.startsWith('Load round'));
  const countries = (await api(app.base, 'GET', `/api/v1/consultations/${round.id}`)).countryIso3s ?? [];
  const codes = (await api(app.base, 'GET', '/api/v1/recommendations')).items.map((r) => r.code);
  const principles = [...new Set(codes.map((code) => code.slice(0, 2)))];
  const results = {};
  const run = async (name, paths) => {
    const ms = [];
    for (const path of paths) ms.push(await time(() => api(app.base, 'GET', path)));
    results[name] = median(ms);
  };
  await run('dashboard, whole round (cold)', [`/api/v1/dashboard?consultationId=${round.id}`]);
  await run(
    'dashboard, one country (median of 16 cold)',
    countries.slice(0, SAMPLES).map((c) => `/api/v1/dashboard?consultationId=${round.id}&countryIso3=${c}`),
  );
  await run(
    'dashboard, one principle (median of 10 cold)',
    principles.map((p) => `/api/v1/dashboard?principleCode=${p}`),
  );
  await run(
    'summary of a cell (median of 16)',
    countries.slice(0, SAMPLES).map((c) => `/api/v1/consultations/${round.id}/recommendations/PC-1/ratings/summary?country=${c}`),
  );
  await run(
    'summary over all countries (median of 16)',
    codes.slice(0, SAMPLES).map((code) => `/api/v1/consultations/${round.id}/recommendations/${code}/ratings/summary`),
  );
  await run(
    'coverage of the round (median of 10)',
    Array.from({ length: 10 }, () => `/api/v1/consultations/${round.id}/coverage`),
  );
  // Exports: best of three (a busy machine only ever makes them slower).
  for (const [name, body] of exports) {
    let best;
    for (let run = 0; run < 3; run++) {
      const result = await exportSeconds(app, token, { ...body, filters: {} });
      if (!best || result.seconds < best.seconds) best = result;
    }
    results[name] = best;
  }
  return results;
}

const rows = [];
let beforeApp;
let afterApp;
try {
  // Migrate with the earlier version and fill with its own seed tool.
  beforeApp = await startApp({ DATABASE_URL: database.url }, { cwd: before });
  await beforeApp.stop();
  if (!process.env.BENCH_DATABASE_URL)
    execFileSync(process.execPath, ['tools/seed-load.mjs'], {
      cwd: before,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const copy = () => {
    const started = process.hrtime.bigint();
    const result = spawnSync('psql', [database.url, '-q', '-c', 'COPY (SELECT * FROM rating ORDER BY id) TO STDOUT CSV'], {
      maxBuffer: 2 * 1024 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (result.status !== 0) throw new Error('psql COPY failed');
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rows: result.stdout.toString('utf8').split('\n').length - 1 };
  };
  const rawBefore = copy();
  beforeApp = await startApp({ DATABASE_URL: database.url, APP_SECRET: secret }, { cwd: before });
  const b = await measure(beforeApp, [
    ['ratings CSV export, full', { dataset: 'ratings', format: 'csv', privacy: 'full' }],
    ['ratings CSV export, public', { dataset: 'ratings', format: 'csv', privacy: 'public' }],
  ]);
  await beforeApp.stop();
  beforeApp = undefined;

  // The same database, migrated forward; the seeded accounts are minutes old, so the age rule is off here.
  const afterEnv = { DATABASE_URL: database.url, APP_SECRET: secret, RATER_MIN_ACCOUNT_AGE_HOURS: '0' };
  afterApp = await startApp(afterEnv);
  await afterApp.stop();
  const releasing = process.hrtime.bigint();
  execFileSync(process.execPath, ['apps/api/dist/cli/release-ratings.js'], {
    env: { ...process.env, ...afterEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const releaseSeconds = Number(process.hrtime.bigint() - releasing) / 1e9;
  const rawAfter = copy();
  afterApp = await startApp(afterEnv);
  const a = await measure(afterApp, [
    ['ratings CSV export, full', { dataset: 'ratings', format: 'csv', privacy: 'full' }],
    ['ratings CSV export, public', { dataset: 'ratings', format: 'csv', privacy: 'public' }],
  ]);
  for (const name of Object.keys(b).filter((key) => typeof b[key] === 'number')) {
    rows.push([name, `${b[name].toFixed(1)} ms`, `${a[name].toFixed(1)} ms`, `${((a[name] / b[name]) * 100).toFixed(0)}%`]);
  }
  const rate = (r, raw) =>
    `${r.rows.toLocaleString('en')} rows in ${r.seconds.toFixed(1)} s (${((r.rows / r.seconds / (raw.rows / raw.seconds)) * 100).toFixed(0)}% of raw COPY)`;
  const time = (name) => `${((a[name].seconds / b[name].seconds) * 100).toFixed(0)}% of the time`;
  rows.push([
    'ratings CSV export, full (one row per rating), best of 3',
    rate(b['ratings CSV export, full'], rawBefore),
    rate(a['ratings CSV export, full'], rawAfter),
    time('ratings CSV export, full'),
  ]);
  rows.push([
    'ratings CSV export, public, best of 3',
    `${rate(b['ratings CSV export, public'], rawBefore)}: one row per rating`,
    `${a['ratings CSV export, public'].rows.toLocaleString('en')} rows in ${a['ratings CSV export, public'].seconds.toFixed(1)} s: the cells' published figures`,
    time('ratings CSV export, public'),
  ]);
  rows.push(['first releases of every cell (release-ratings CLI)', '—', `${releaseSeconds.toFixed(1)} s`, '']);
} finally {
  await beforeApp?.stop();
  await afterApp?.stop();
  await database.drop();
}
process.stdout.write(
  `| measure | before | after | after / before |\n|---|---|---|---|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`,
);
