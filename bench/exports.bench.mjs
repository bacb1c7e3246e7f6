// Export of ~1M rows (the ratings dataset after `seed:load`, one row per rating: a full export, since
// public ratings are the cells' published figures) in CSV, NDJSON and XLSX through the app's job
// queue, against raw `COPY (SELECT * FROM rating ORDER BY id) TO STDOUT CSV` in the same run; with
// the app's peak RSS growth while exporting. The public comments (100k rows) as XLSX too. Needs the
// built app (npm run build) and the local PostgreSQL.   npm run bench:exports
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BENCH_ADMIN, api, scratchDatabase, signIn, startApp } from './lib/app.mjs';

const formats = (process.env.BENCH_FORMATS ?? 'csv,ndjson,xlsx').split(',');
// BENCH_DATABASE_URL: reuse a database already filled by seed:load (kept afterwards).
const database = process.env.BENCH_DATABASE_URL
  ? { url: process.env.BENCH_DATABASE_URL, drop: async () => undefined }
  : await scratchDatabase();
let app;
try {
  if (!process.env.BENCH_DATABASE_URL) {
    // Migrate once, then fill.
    app = await startApp({ DATABASE_URL: database.url });
    await app.stop();
    execFileSync(process.execPath, ['tools/seed-load.mjs'], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const [{ rows }] = [await client.query('SELECT count(*)::int AS n FROM rating')];
  const total = rows[0].n;
  await client.query('VACUUM ANALYZE');
  await client.end();

  // Raw baseline per table: the database writing CSV to a pipe, best of three.
  const rawRates = {};
  let raw = Infinity;
  for (const [dataset, table] of [
    ['ratings', 'rating'],
    ['comments', 'comment'],
  ]) {
    let best = Infinity;
    let rowsOut = 0;
    for (let i = 0; i < 3; i++) {
      const started = process.hrtime.bigint();
      const result = spawnSync('psql', [database.url, '-q', '-c', `COPY (SELECT * FROM ${table} ORDER BY id) TO STDOUT CSV`], {
        maxBuffer: 2 * 1024 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (result.status !== 0) throw new Error('psql COPY failed');
      best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
      rowsOut = result.stdout.toString('utf8').split('\n').length - 1;
    }
    rawRates[dataset] = rowsOut / best;
    if (dataset === 'ratings') raw = best;
  }
  const rawRate = rawRates.ratings;

  app = await startApp({ DATABASE_URL: database.url });
  const token = await signIn(app.base, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.child.pid}/status`, 'utf8'))[1]) * 1024;
  const results = [];
  const runs = formats.flatMap((format) =>
    format === 'xlsx'
      ? [
          { format, dataset: 'ratings' },
          { format, dataset: 'comments' },
        ]
      : [{ format, dataset: 'ratings' }],
  );
  for (const { format, dataset } of runs) {
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);
    const started = process.hrtime.bigint();
    const job = await api(app.base, 'POST', '/api/v1/exports', {
      token,
      body: { dataset, format, privacy: dataset === 'ratings' ? 'full' : 'public' },
    });
    let status;
    for (;;) {
      status = await api(app.base, 'GET', `/api/v1/exports/${job.id}`, { token });
      if (['done', 'failed', 'cancelled'].includes(status.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    if (status.status === 'failed' && format === 'xlsx') {
      results.push({ format, dataset, refused: status.error, seconds });
      continue;
    }
    if (status.status !== 'done') throw new Error(`${format} export ${status.status}`);
    results.push({
      format,
      dataset,
      rows: status.rowCount,
      seconds,
      rate: status.rowCount / seconds,
      ratio: status.rowCount / seconds / rawRates[dataset],
      rssGrowthMb: (peak - before) / 2 ** 20,
      sizeMb: status.sizeBytes / 2 ** 20,
    });
  }
  const bars = { csv: [0.3, 150], ndjson: [0.3, 150], xlsx: [0.1, 400] };
  process.stdout.write(
    `\nRaw COPY … TO STDOUT CSV (best of 3): rating ${total.toLocaleString('en')} rows in ${raw.toFixed(2)} s = ${Math.round(rawRate).toLocaleString('en')} rows/s; comment ${Math.round(rawRates.comments).toLocaleString('en')} rows/s\n\n`,
  );
  process.stdout.write(
    '| format | dataset | rows | seconds | rows/s | of raw COPY (bar) | peak RSS growth (bar) | file |\n|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of results) {
    if (r.refused) {
      process.stdout.write(
        `| ${r.format} | ${r.dataset} | ${total.toLocaleString('en')} | ${r.seconds.toFixed(1)} | — | refused above the row cap (${r.refused}) | — | — |\n`,
      );
      continue;
    }
    const [ratioBar, rssBar] = bars[r.format];
    process.stdout.write(
      `| ${r.format} | ${r.dataset} | ${r.rows.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${Math.round(r.rate).toLocaleString('en')} | ${(r.ratio * 100).toFixed(0)}% (≥ ${ratioBar * 100}% ${r.ratio >= ratioBar ? '✓' : '✗'}) | ${r.rssGrowthMb.toFixed(0)} MB (≤ ${rssBar} ${r.rssGrowthMb <= rssBar ? '✓' : '✗'}) | ${r.sizeMb.toFixed(0)} MB |\n`,
    );
  }
} finally {
  await app?.stop().catch(() => undefined);
  await database.drop();
}
