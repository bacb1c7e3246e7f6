import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, LIVE_PATH } from '@compact-voices/contracts';
import { ADMIN, metric, must, openRound, percentile, rssMb, signIn, sleep, startFaultFleet, type FaultFleet } from './support/fault-fleet.js';
import { LiveThreadClient } from './support/live-thread-client.js';

const NORMAL = Number(process.env.FAULT_NORMAL_CLIENTS ?? 1000);
const SLOW = Number(process.env.FAULT_SLOW_CLIENTS ?? 100);
const PROBES = 30;
const PROBE_GAP_MS = 400;
const LIMIT_BYTES = Number(process.env.FAULT_LIMIT_BYTES ?? 256 * 1024);

/**
 * FLT-06: 100 sockets that stop reading next to 1,000 that read. The slow ones sit in the busy
 * thread (and in a second one that a steady stream of long comments floods), so the server has
 * more and more to send them; the normal clients' delivery p99 must stay within +20% of the same
 * run without slow sockets, the server's memory must stay bounded, and every slow socket must be
 * cut once its unsent events pass LIVE_BUFFER_LIMIT_BYTES (here 256 KB).
 */
describe('fault: slow clients next to normal ones', () => {
  let fleet: FaultFleet;
  const normal: LiveThreadClient[] = [];
  const slow: Socket[] = [];

  beforeAll(async () => {
    fleet = await startFaultFleet('slow', { instances: 1, redis: false, env: { LIVE_BUFFER_LIMIT_BYTES: String(LIMIT_BYTES), LOG_LEVEL: 'warn' } });
  });

  afterAll(async () => {
    for (const client of normal) client.close();
    for (const socket of slow) socket.disconnect();
    await fleet?.teardown();
  });

  it('keeps normal clients fast, memory bounded, and cuts the slow sockets', async () => {
    const api = fleet.instances[0]!;
    const admin = await signIn(api.base, ADMIN.email, ADMIN.password);
    const round = await openRound(api.base, admin, ['WS-5', 'HR-1']);
    const busy = { consultationId: round.id, recommendationCode: 'WS-5' };
    const flooded = { consultationId: round.id, recommendationCode: 'HR-1' };
    for (let i = 0; i < NORMAL; i += 100) {
      const batch = Array.from({ length: Math.min(100, NORMAL - i) }, () => new LiveThreadClient(api.base, busy, { reconnection: false }));
      await Promise.all(batch.map((client) => client.start()));
      normal.push(...batch);
    }

    const post = (thread: typeof busy, body: string) =>
      must(api.base, 'POST', `/api/v1/consultations/${thread.consultationId}/recommendations/${thread.recommendationCode}/comments`, { token: admin, body: { body } });

    /** Probes into the busy thread while long comments flood the other; returns the normal clients' latencies. */
    async function phase(name: string): Promise<number[]> {
      for (const client of normal) client.latencies.length = 0;
      let flooding = true;
      let floods = 0;
      const flood = (async () => {
        while (flooding) {
          floods += 1;
          await post(flooded, `${name} flood ${floods} ${'long testimony about recruitment fees and wage theft '.repeat(90)}`.slice(0, 4_990));
        }
      })();
      for (let i = 0; i < PROBES; i++) {
        await post(busy, `${name} probe ${i} t=${performance.timeOrigin + performance.now()}`);
        await sleep(PROBE_GAP_MS);
      }
      flooding = false;
      await flood;
      await sleep(1_000);
      return normal.flatMap((client) => client.latencies);
    }

    const baseline = await phase('baseline');
    const rssBefore = rssMb(api.pid!);

    // 100 sockets join both threads, then stop reading (their TCP receive side paused).
    for (let i = 0; i < SLOW; i++) {
      const socket = io(`${api.base}${LIVE_NAMESPACE}`, { path: LIVE_PATH, transports: ['websocket'], forceNew: true, reconnection: false });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      for (const thread of [busy, flooded]) expect(((await socket.timeout(10_000).emitWithAck('thread:join', thread)) as { ok: boolean }).ok).toBe(true);
      const transport = socket.io.engine.transport as unknown as { ws?: { _socket?: { pause(): void } } };
      transport.ws!._socket!.pause();
      slow.push(socket);
    }
    const droppedBefore = await metric(api, 'live_slow_sockets_disconnected_total');
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(api.pid!))), 250);
    const withSlow = await phase('slow');
    clearInterval(sampler);
    const lagMs = (await metric(api, 'nodejs_eventloop_lag_max_seconds')) * 1000;
    const dropped = (await metric(api, 'live_slow_sockets_disconnected_total')) - droppedBefore;

    const p99 = { baseline: percentile(baseline, 99), withSlow: percentile(withSlow, 99) };
    process.stdout.write(
      `slow clients: normal p99 ${p99.baseline.toFixed(1)} ms → ${p99.withSlow.toFixed(1)} ms (${((p99.withSlow / p99.baseline - 1) * 100).toFixed(0)}%); ` +
        `p50 ${percentile(baseline, 50).toFixed(1)} → ${percentile(withSlow, 50).toFixed(1)} ms; RSS ${rssBefore.toFixed(0)} → peak ${rssPeak.toFixed(0)} MB; ${dropped} of ${SLOW} slow sockets cut; event-loop lag max ${lagMs.toFixed(0)} ms\n`,
    );
    // Every normal client had every probe, in both phases.
    expect(baseline.length).toBe(NORMAL * PROBES);
    expect(withSlow.length).toBe(NORMAL * PROBES);
    expect(p99.withSlow).toBeLessThanOrEqual(p99.baseline * 1.2);
    expect(dropped).toBe(SLOW);
    expect(rssPeak - rssBefore).toBeLessThan(150);
    expect(api.alive).toBe(true);
  });
});
