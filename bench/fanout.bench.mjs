// Live fan-out: POST a comment → every one of 1,000 sockets in the thread has it.
// Latency per delivery = receive time − send time (same clock: clients run in this process).
// Baseline in the same run: a bare socket.io server broadcasting the same payload to the same
// clients. Then two app instances sharing Redis, clients split between them.   npm run bench:fanout
import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { io } from 'socket.io-client';
import { BENCH_ADMIN, api, freePort, openRound, participant, percentile, scratchDatabase, signIn, startApp } from './lib/app.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const POSTS = Number(process.env.BENCH_POSTS ?? 20);
const GAP_MS = 400;

async function connectAll(urls, join) {
  const sockets = [];
  for (let i = 0; i < CLIENTS; i++) {
    const socket = io(`${urls[i % urls.length]}/live`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
  }
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise((resolve, reject) => {
          socket.once('connect', () =>
            socket
              .timeout(10_000)
              .emitWithAck('thread:join', join)
              .then((ack) => (ack.ok ? resolve() : reject(new Error(ack.code))), reject),
          );
          socket.once('connect_error', reject);
        }),
    ),
  );
  return sockets;
}

/** Sends POSTS messages; returns per-delivery latencies and how many deliveries were lost. */
async function measure(sockets, send) {
  const latencies = [];
  let received = 0;
  for (const socket of sockets) {
    socket.on('comment.created', (payload) => {
      const sentAt = Number(/t=(\d+(?:\.\d+)?)/.exec(payload.body)?.[1]);
      latencies.push(performance.timeOrigin + performance.now() - sentAt);
      received += 1;
    });
  }
  for (let i = 0; i < POSTS; i++) {
    await send(`Fan-out ${i} ${Math.random().toString(36).slice(2)} t=${performance.timeOrigin + performance.now()}`);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  await new Promise((r) => setTimeout(r, 2_000));
  for (const socket of sockets) socket.off('comment.created');
  return { latencies, lost: POSTS * sockets.length - received };
}

const close = (sockets) => sockets.forEach((socket) => socket.disconnect());
const row = (name, { latencies, lost }) => [
  name,
  `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)}`,
  String(lost),
];
const rows = [];

// 1. Baseline: bare socket.io.
{
  const port = await freePort();
  const server = fork(new URL('./lib/raw-broadcast-server.mjs', import.meta.url), {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  await new Promise((resolve) => server.once('message', resolve));
  const base = `http://127.0.0.1:${port}`;
  const sockets = await connectAll([base], {});
  const result = await measure(sockets, (body) =>
    fetch(`${base}/broadcast`, {
      method: 'POST',
      body: JSON.stringify({ id: 'x', body, bodyHtml: `<p>${body}</p>`, author: { displayName: 'Bench' }, seq: 1 }),
    }),
  );
  close(sockets);
  server.kill();
  rows.push(row('raw socket.io broadcast (baseline)', result));
}

const database = await scratchDatabase();
try {
  // 2. One app instance.
  const first = await startApp({ DATABASE_URL: database.url, COMMENTS_PER_MINUTE: '10000' });
  const admin = await signIn(first.base, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const round = await openRound(first.base, admin, ['WS-2']);
  const writer = await participant(first, 'fanout');
  const thread = { consultationId: round.id, recommendationCode: 'WS-2' };
  const post = (base) => (body) =>
    api(base, 'POST', `/api/v1/consultations/${round.id}/recommendations/WS-2/comments`, { token: writer, body: { body } });
  {
    const sockets = await connectAll([first.base], thread);
    rows.push(row('app, 1 instance', await measure(sockets, post(first.base))));
    close(sockets);
  }
  await first.stop();

  // 3. Two instances sharing Redis; clients split; posts go to the first.
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const a = await startApp({ DATABASE_URL: database.url, REDIS_URL: redisUrl, COMMENTS_PER_MINUTE: '10000' });
  const b = await startApp({ DATABASE_URL: database.url, REDIS_URL: redisUrl, COMMENTS_PER_MINUTE: '10000' });
  {
    const writer2 = await signIn(a.base, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const sockets = await connectAll([a.base, b.base], thread);
    const post2 = (body) =>
      api(a.base, 'POST', `/api/v1/consultations/${round.id}/recommendations/WS-2/comments`, { token: writer2, body: { body } });
    rows.push(row('app, 2 instances + Redis adapter', await measure(sockets, post2)));
    close(sockets);
  }
  await a.stop();
  await b.stop();
} finally {
  await database.drop();
}

const baseline = rows[0];
console.log(
  `machine: ${cpus().length} cores, Node ${process.version}; ${CLIENTS} sockets in one thread, ${POSTS} posts ${GAP_MS} ms apart`,
);
console.log('| setup | delivery p50 / p99 ms | lost |\n|---|---|---|');
for (const [name, latency, lost] of rows) console.log(`| ${name} | ${latency} | ${lost} |`);
const p99 = (r) => Number(r[1].split(' / ')[1]);
console.log(
  `\np99 ratio to raw broadcast (bar ≤ 2): 1 instance ${(p99(rows[1]) / p99(baseline)).toFixed(2)}, 2 instances ${(p99(rows[2]) / p99(baseline)).toFixed(2)}; bar also p99 ≤ 250 ms and no loss`,
);
