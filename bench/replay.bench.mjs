// The replay endpoint as a possible amplifier: eight anonymous clients replaying a 500-event
// thread from the start, over and over, while one person keeps posting to it (so the thread moves
// and no page stays cached for long) — and what that does to an unrelated read
// (`GET /api/v1/recommendations/HR-1`, two clients). Bar: that read's p99 stays under 100 ms on the
// embedded database. The baseline is the same read in the same run with only the poster active.
// Starts the built app on an embedded database (or DATABASE_URL).
//   npx nx run-many -t build -p contracts api && npm run bench:replay
// With BENCH_BEFORE (a built checkout of an earlier commit) that version is measured first.
import { cpus } from 'node:os';
import { BENCH_ADMIN, api, openRound, participant, percentile, signIn, startApp } from './lib/app.mjs';

const EVENTS = 520;
const AUTHORS = 8;
const SECONDS = 15;
const before = process.env.BENCH_BEFORE;

const results = [];
for (const [label, cwd] of before
  ? [
      ['before', before],
      ['after', undefined],
    ]
  : [['this version', undefined]])
  results.push([label, await measure(cwd)]);
console.log(
  `machine: ${cpus().length} cores, Node ${process.version}, database ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}; ${EVENTS} events, 8 replaying clients, ${SECONDS} s per phase`,
);
console.log('| measure | ' + results.map(([label]) => label).join(' | ') + ' |');
console.log('|---|' + results.map(() => '---|').join(''));
for (const name of Object.keys(results[0][1])) console.log(`| ${name} | ${results.map(([, r]) => r[name]).join(' | ')} |`);

async function measure(cwd) {
  const app = await startApp({ COMMENTS_PER_MINUTE: '10000', RATER_MIN_ACCOUNT_AGE_HOURS: '0' }, { cwd });
  try {
    const admin = await signIn(app.base, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const round = await openRound(app.base, admin, ['HR-1']);
    const thread = `/api/v1/consultations/${round.id}/recommendations/HR-1`;
    const authors = [];
    for (let i = 0; i < AUTHORS; i++) authors.push(await participant(app, `replay-author-${i}`));
    for (let i = 0; i < EVENTS; i++)
      await api(app.base, 'POST', `${thread}/comments`, { token: authors[i % AUTHORS], body: { body: `Event ${i} on the thread` } });

    let running = true;
    // The thread keeps moving: a new comment every 500 ms in both phases.
    const poster = (async () => {
      for (let i = 0; running; i++) {
        await api(app.base, 'POST', `${thread}/comments`, { token: authors[i % AUTHORS], body: { body: `Live ${i}` } });
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    const reads = async (seconds) => {
      const samples = [];
      const until = performance.now() + seconds * 1000;
      const worker = async () => {
        while (performance.now() < until) {
          const started = performance.now();
          const response = await fetch(`${app.base}/api/v1/recommendations/HR-1`);
          await response.arrayBuffer();
          samples.push(performance.now() - started);
        }
      };
      await Promise.all([worker(), worker()]);
      return samples;
    };
    const idle = await reads(SECONDS);

    let replaying = true;
    let replays = 0;
    let pages = 0;
    const statuses = {};
    const replayer = async () => {
      while (replaying) {
        // From the start to the end, as a client that was offline for the whole thread would.
        for (let after = 0; replaying;) {
          const response = await fetch(`${app.base}${thread}/events?after=${after}&limit=500`);
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (!response.ok) break;
          const page = await response.json();
          pages++;
          if (page.items.length === 0) break;
          after = page.items.at(-1).seq;
          if (after >= page.lastSeq) break;
        }
        replays++;
      }
    };
    const replayers = Array.from({ length: 8 }, replayer);
    const loaded = await reads(SECONDS);
    replaying = false;
    await Promise.all(replayers);
    running = false;
    await poster;
    const f = (n) => n.toFixed(1);
    return {
      'unrelated read, poster only: p50 / p99 ms': `${f(percentile(idle, 50))} / ${f(percentile(idle, 99))}`,
      'unrelated read, 8 anonymous replays: p50 / p99 ms': `${f(percentile(loaded, 50))} / ${f(percentile(loaded, 99))}`,
      'p99 under replays (bar < 100 ms)': `**${f(percentile(loaded, 99))}**`,
      'p99 ratio replays / poster only': f(percentile(loaded, 99) / percentile(idle, 99)),
      'full replays done (pages; statuses)': `${replays} (${pages}; ${JSON.stringify(statuses)})`,
    };
  } finally {
    await app.stop();
  }
}
