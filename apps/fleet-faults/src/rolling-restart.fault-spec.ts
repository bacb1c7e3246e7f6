import {
  ADMIN,
  clientAddress,
  liveSockets,
  must,
  openRound,
  participant,
  percentile,
  signIn,
  sleep,
  startFaultFleet,
  type FaultFleet,
} from './support/fault-fleet.js';
import { LiveThreadClient, untilAllRendered } from './support/live-thread-client.js';
import { ok, startMixedLoad } from './support/mixed-load.js';

/**
 * SIGTERM to one of two instances under load, as a deploy does. Not one request is dropped: the
 * instance finishes what it holds and closes its listener at once, so nginx (which does not read
 * readiness) finds new connections refused and passes them to the other instance — any method, as
 * the request never arrived; a connection reset before the instance read it is passed on too when
 * it is safe to repeat (GET, PUT, or a POST with an Idempotency-Key). Its live clients are sent to
 * reconnect spread over a few seconds (no storm) and miss nothing; an export it was running
 * finishes; it exits cleanly within SHUTDOWN_TIMEOUT_MS.
 *
 * nginx keeps each client on the instance its address hashes to, so the live clients and the load
 * workers connect from addresses of their own to be spread over both instances (the Node proxy
 * this suite used to run balanced by load and checked readiness instead).
 */
describe('fault: SIGTERM under load (a rolling restart)', () => {
  let fleet: FaultFleet;
  const clients: LiveThreadClient[] = [];

  beforeAll(async () => {
    fleet = await startFaultFleet('sigterm', { instances: 2 });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await fleet?.teardown();
  });

  it('drops no request, spreads the reconnects and exits cleanly', async () => {
    const proxy = fleet.proxy;
    const [victim, survivor] = fleet.instances as [FaultFleet['instances'][number], FaultFleet['instances'][number]];
    const admin = await signIn(proxy.base, ADMIN.email, ADMIN.password);
    const round = await openRound(proxy.base, admin, ['WS-5']);
    const thread = { consultationId: round.id, recommendationCode: 'WS-5' };
    const tokens = [admin];
    for (const label of ['term-a', 'term-b', 'term-c']) tokens.push(await participant(victim, `${fleet.dir}/api-1`, label));
    for (let i = 0; i < 60; i++) clients.push(new LiveThreadClient(proxy.base, thread, { localAddress: clientAddress(i) }));
    await Promise.all(clients.map((client) => client.start()));
    // 60 addresses hashed over two instances: each gets about half.
    const onVictim = await liveSockets(victim);
    expect(onVictim).toBeGreaterThan(10);

    const load = startMixedLoad({
      base: proxy.base,
      ...thread,
      tokens,
      workers: 12,
      countries: ['NPL', 'PHL', 'IDN', 'VNM', 'THA', 'BGD', 'LKA', 'PAK', 'MYS', 'KHM', 'LAO', 'MMR'],
      localAddress: (worker) => clientAddress(100 + worker),
    });
    await sleep(3_000);

    // An export the stopping instance is running must finish (or be handed back and finished).
    const exportJob = await must<{ id: string }>(victim.base, 'POST', '/api/v1/exports', {
      token: admin,
      body: { dataset: 'comments', format: 'csv', privacy: 'public' },
    });
    const termAt = performance.now();
    const exited = victim.kill('SIGTERM');
    const { code, signal } = await exited;
    const shutdownMs = performance.now() - termAt;
    await sleep(3_000);
    const records = await load.stop();

    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(shutdownMs).toBeLessThan(15_000);
    // Zero dropped: every request of the run was answered 2xx, and some of them by the victim during its shutdown window.
    const failed = records.filter((record) => !ok(record));
    expect(failed).toEqual([]);
    expect(records.filter((record) => record.start > termAt).length).toBeGreaterThan(50);
    // nginx's access log: which instances it tried for each request of the load.
    const victimAddress = `127.0.0.1:${victim.port}`;
    const termAtEpoch = performance.timeOrigin + termAt;
    const logged = proxy.requests().filter((entry) => !entry.uri.startsWith('/socket.io/'));
    const handledBefore = logged.filter((entry) => entry.at < termAtEpoch && entry.upstreams.at(-1) === victimAddress).length;
    const passedOn = logged.filter((entry) => entry.upstreams.length > 1).length;
    expect(handledBefore).toBeGreaterThan(0);

    // Its live clients reconnected to the survivor, spread out, and missed nothing.
    const moved = clients.filter((client) => client.connects > 1);
    expect(moved.length).toBe(onVictim);
    const reconnectMs = moved.map((client) => client.connectedAt.find((at) => at > termAt)! - termAt).sort((a, b) => a - b);
    const spreadMs = percentile(reconnectMs, 90) - percentile(reconnectMs, 10);
    expect(spreadMs).toBeGreaterThan(1_000);
    const acknowledged = records.filter((record) => record.kind === 'comment' && ok(record)).map((record) => record.id as string);
    expect(await untilAllRendered(clients, acknowledged, 15_000)).toBe(true);
    for (const client of clients) expect([...client.rendered.values()].every((count) => count === 1)).toBe(true);

    // The export finished.
    let status = '';
    for (let i = 0; i < 60 && !['done', 'failed', 'cancelled'].includes(status); i++) {
      status = (await must<{ status: string }>(survivor.base, 'GET', `/api/v1/exports/${exportJob.id}`, { token: admin })).status;
      if (status !== 'done') await sleep(500);
    }
    expect(status).toBe('done');

    process.stdout.write(
      `sigterm: ${records.length} requests (${handledBefore} answered by the victim before SIGTERM, ${passedOn} passed on by nginx to the next instance), ${failed.length} failed; exited 0 after ${Math.round(shutdownMs)} ms; ${moved.length} live clients reconnected between ${Math.round(reconnectMs[0]!)} and ${Math.round(reconnectMs.at(-1)!)} ms (p10–p90 spread ${Math.round(spreadMs)} ms)\n`,
    );
  });
});
