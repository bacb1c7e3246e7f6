// Comment POST and thread reads against same-run PostgreSQL baselines:
//  - POST /comments (auth + validation + sanitise + insert + event + broadcast) vs pgbench running
//    the same INSERTs the app's transaction makes;
//  - GET a thread page of 50 comments (keyset) vs pgbench running the same page query.
// Needs the built app and a local PostgreSQL.   npm run bench:comments
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { BENCH_ADMIN, openRound, participant, scratchDatabase, signIn, startApp } from './lib/app.mjs';
import { COMMENT_JOINS, commentColumns } from '../apps/api/dist/modules/comments/comment.presenter.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const database = await scratchDatabase();
const app = await startApp({ DATABASE_URL: database.url, COMMENTS_PER_MINUTE: '10000', DATABASE_POOL_SIZE: '10' });
/** Writers taking turns: at 300+ posts a second one person would pass the per-person limit (10,000 a minute) and measure 429s. */
const WRITERS = 8;
const results = [];
try {
  const admin = await signIn(app.base, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const round = await openRound(app.base, admin, ['PC-1', 'HR-1']);
  const writers = [];
  for (let i = 0; i < WRITERS; i++) writers.push(await participant(app, `writer${i}`));
  let posted = 0;
  const thread = `/api/v1/consultations/${round.id}/recommendations/PC-1/comments`;

  const cannon = (options) =>
    new Promise((resolve, reject) =>
      autocannon({ connections: 8, duration: DURATION, ...options }, (error, result) => (error ? reject(error) : resolve(result))),
    );
  const summary = (result) => ({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  });

  // 1. Comment POST at full speed, then p99 at 70% of that rate.
  const post = (extra = {}) =>
    cannon({
      url: `${app.base}${thread}`,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            posted += 1;
            return {
              ...request,
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${writers[posted % WRITERS]}` },
              body: JSON.stringify({ body: `Benchmark comment [${posted}] about **decent work** for migrant domestic workers.` }),
            };
          },
        },
      ],
      ...extra,
    });
  await post({ duration: 3 }); // warm-up
  const postMax = summary(await post());
  const postAt70 = summary(await post({ overallRate: Math.round(postMax.rps * 0.7), duration: Math.min(DURATION, 15) }));

  // Raw insert baseline: the same statements the comment transaction runs, on the same tables.
  const {
    rows: [author],
  } = await (async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const result = await client.query(`SELECT author_id FROM comment LIMIT 1`);
    await client.end();
    return result;
  })();
  const dir = mkdtempSync(join(tmpdir(), 'cv-pgbench-'));
  const insertScript = join(dir, 'insert.sql');
  writeFileSync(
    insertScript,
    `BEGIN;
WITH g AS (SELECT gen_random_uuid() AS id)
INSERT INTO comment (id, consultation_id, recommendation_code, parent_id, root_id, depth, author_id, author_stakeholder_type,
  author_organisation_id, author_country_iso3, author_protected, country_iso3, stance, language, body, body_html, status)
SELECT g.id, '${round.id}', 'HR-1', NULL, g.id, 0, '${author.author_id}', 'individual', NULL, NULL, false, NULL, NULL, NULL,
  'Benchmark comment ' || g.id || ' about **decent work**', '<p>Benchmark comment</p>', 'published' FROM g
WHERE NOT EXISTS (SELECT 1 FROM comment WHERE author_id = '${author.author_id}' AND body = 'Benchmark comment ' || g.id || ' about **decent work**'
  AND status <> 'deleted' AND created_at > now() - make_interval(mins => 5));
WITH next AS (INSERT INTO thread_sequence (consultation_id, recommendation_code, last_seq) VALUES ('${round.id}', 'HR-1', 1)
  ON CONFLICT (consultation_id, recommendation_code) DO UPDATE SET last_seq = thread_sequence.last_seq + 1 RETURNING last_seq)
INSERT INTO thread_event (consultation_id, recommendation_code, seq, type, comment_id)
  SELECT '${round.id}', 'HR-1', next.last_seq, 'comment.created', NULL FROM next;
COMMIT;
`,
  );
  const pgbench = (script) => {
    const out = execFileSync(
      'pgbench',
      ['-n', '-M', 'prepared', '-f', script, '-c', '8', '-j', '2', '-T', String(DURATION), database.url],
      { encoding: 'utf8' },
    );
    return Number(/tps = ([\d.]+)/.exec(out)[1]);
  };
  const rawInsertTps = pgbench(insertScript);

  // 2. Thread page read: 50 top-level comments (plus their replies) by keyset, vs the same query raw.
  const readThread = `/api/v1/consultations/${round.id}/recommendations/PC-1/comments?limit=50`;
  // As a browser asks: every one accepts br or gzip, and the page is compressed once per version.
  const asBrowser = { 'accept-encoding': 'br, gzip' };
  const readMax = summary(await cannon({ url: `${app.base}${readThread}`, headers: asBrowser }));
  const readAtHalf = summary(
    await cannon({
      url: `${app.base}${readThread}`,
      headers: asBrowser,
      overallRate: Math.round(readMax.rps * 0.5),
      duration: Math.min(DURATION, 15),
    }),
  );
  // A client that takes no compression gets the 33 KB page as it is (reported, not a bar).
  const readIdentity = summary(await cannon({ url: `${app.base}${readThread}` }));
  const selectScript = join(dir, 'select.sql');
  writeFileSync(
    selectScript,
    `SELECT ${commentColumns('NULL::uuid')}, c.created_at::text AS "sortTime" FROM comment c ${COMMENT_JOINS}
WHERE c.consultation_id = '${round.id}' AND c.recommendation_code = 'PC-1' AND c.parent_id IS NULL
  AND (c.status IN ('published', 'deleted', 'hidden') OR (c.status = 'pending' AND c.author_id = NULL::uuid))
ORDER BY c.created_at DESC, c.id DESC LIMIT 51;
`
      .replace(/\n/g, ' ')
      // pgbench reads ":MI" as a variable; the same format with another separator costs the same.
      .replaceAll('HH24:MI:SS', 'HH24.MI.SS') + '\n',
  );
  const rawSelectTps = pgbench(selectScript);

  results.push(
    ['comment POST, max req/s (8 connections)', postMax.rps.toFixed(0)],
    ['raw insert (same SQL, pgbench -c 8), tps', rawInsertTps.toFixed(0)],
    ['POST / raw insert (bar ≥ 35%)', `${((postMax.rps / rawInsertTps) * 100).toFixed(0)}%`],
    [`POST at 70% (${Math.round(postMax.rps * 0.7)}/s): p50 / p99 ms (bar p99 ≤ 150)`, `${postAt70.p50} / ${postAt70.p99}`],
    ['POST errors (bar 0)', String(postMax.errors + postAt70.errors)],
    ['thread page (50, br as browsers ask), max req/s', readMax.rps.toFixed(0)],
    ['raw select (same page query), tps', rawSelectTps.toFixed(0)],
    ['read / raw select (bar ≥ 40%)', `${((readMax.rps / rawSelectTps) * 100).toFixed(0)}%`],
    [`read at 50% (${Math.round(readMax.rps * 0.5)}/s): p50 / p99 ms (bar p99 ≤ 100)`, `${readAtHalf.p50} / ${readAtHalf.p99}`],
    ['read errors', String(readMax.errors + readAtHalf.errors + readIdentity.errors)],
    [
      'thread page without compression, max req/s (reported)',
      `${readIdentity.rps.toFixed(0)} (${((readIdentity.rps / rawSelectTps) * 100).toFixed(0)}%)`,
    ],
  );
} finally {
  await app.stop();
  await database.drop();
}
const server = execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
console.log(`machine: ${cpus().length} cores, Node ${process.version}, ${server}, ${DURATION} s runs`);
console.log('| measure | value |\n|---|---|');
for (const [name, value] of results) console.log(`| ${name} | ${value} |`);
