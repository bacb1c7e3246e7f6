import { ADMIN, call, must, openRound, signIn, sleep, startFaultFleet, type FaultFleet, type Instance } from './support/fault-fleet.js';
import { LiveThreadClient, untilAllRendered } from './support/live-thread-client.js';

/**
 * Redis lost under live traffic on two instances. Neither instance crashes, clients of the
 * instance that takes a comment still get it live, cross-instance delivery resumes within 10 s of
 * Redis being back, and the other instance's clients catch up by seq with nothing rendered twice.
 */
describe('fault: Redis stopped under live traffic on two instances', () => {
  let fleet: FaultFleet;
  let admin: string;
  let thread: { consultationId: string; recommendationCode: string };
  const clients: LiveThreadClient[] = [];

  beforeAll(async () => {
    fleet = await startFaultFleet('redis', { instances: 2 });
    const a = fleet.instances[0]!;
    admin = await signIn(a.base, ADMIN.email, ADMIN.password);
    const round = await openRound(a.base, admin, ['WS-3']);
    thread = { consultationId: round.id, recommendationCode: 'WS-3' };
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await fleet?.teardown();
  });

  async function post(instance: Instance, label: string): Promise<string> {
    const body = await must<{ id: string }>(
      instance.base,
      'POST',
      `/api/v1/consultations/${thread.consultationId}/recommendations/WS-3/comments`,
      {
        token: admin,
        body: { body: `${label} t=${performance.timeOrigin + performance.now()}` },
        headers: { 'idempotency-key': crypto.randomUUID() },
      },
    );
    return body.id;
  }

  it('keeps delivering locally, resumes across instances within 10 s and catches up without duplicates', async () => {
    const [a, b] = [fleet.instances[0]!, fleet.instances[1]!];
    const onA = Array.from({ length: 5 }, () => new LiveThreadClient(a.base, thread));
    const onB = Array.from({ length: 5 }, () => new LiveThreadClient(b.base, thread));
    clients.push(...onA, ...onB);
    await Promise.all(clients.map((client) => client.start()));
    const posted: string[] = [];

    // With Redis: a comment taken by A reaches B's clients.
    posted.push(await post(a, 'before'));
    expect(await untilAllRendered(clients, posted, 5_000)).toBe(true);

    // Redis dies.
    await fleet.redis!.stop('SIGKILL');
    await sleep(1_000);
    const liveOnBBefore = onB.reduce((sum, client) => sum + client.liveDeliveries, 0);
    const duringOutage: string[] = [];
    const outageStarted = performance.now();
    for (let i = 0; i < 5; i++) {
      duringOutage.push(await post(a, `outage ${i}`));
      await sleep(200);
    }
    posted.push(...duringOutage);
    const outagePostsMs = performance.now() - outageStarted - 5 * 200;
    // Writes do not wait for Redis (rate limits fall back to this instance's counters at once).
    expect(outagePostsMs / 5).toBeLessThan(2_000);
    // Same-instance delivery continues, live.
    expect(await untilAllRendered(onA, duringOutage, 5_000)).toBe(true);
    // Neither instance crashed, both still serve reads and writes (rate limits fall back to memory).
    expect(a.alive && b.alive).toBe(true);
    expect((await call(b.base, 'GET', `/api/v1/consultations/${thread.consultationId}/recommendations/WS-3/comments`)).status).toBe(200);
    posted.push(await post(b, 'outage on b'));
    // Readiness reports the missing dependency without taking the instance out of rotation.
    const readiness = await call(a.base, 'GET', '/api/health/ready');
    expect(readiness.status).toBe(200);
    expect(readiness.body).toMatchObject({ status: 'degraded', redis: 'down', database: 'up' });

    // Redis returns: post every 250 ms until B's clients get one live.
    await fleet.redis!.start();
    const backAt = performance.now();
    let resumedAfterMs = Number.POSITIVE_INFINITY;
    while (performance.now() - backAt < 15_000) {
      const id = await post(a, 'after');
      posted.push(id);
      await sleep(250);
      const liveOnB = onB.reduce((sum, client) => sum + client.liveDeliveries, 0);
      if (liveOnB > liveOnBBefore && onB.every((client) => client.rendered.has(id))) {
        resumedAfterMs = performance.now() - backAt;
        break;
      }
    }
    process.stdout.write(
      `redis outage: 5 posts took ${Math.round(outagePostsMs)} ms without Redis; cross-instance delivery resumed ${Math.round(resumedAfterMs)} ms after Redis was back\n`,
    );
    expect(resumedAfterMs).toBeLessThanOrEqual(10_000);

    // Everyone ends with every comment, each rendered exactly once (B's clients caught up by seq).
    expect(await untilAllRendered(clients, posted, 10_000)).toBe(true);
    for (const client of clients) {
      expect([...client.rendered.values()].every((count) => count === 1)).toBe(true);
      expect(client.rendered.size).toBe(posted.length);
    }
    expect(a.alive && b.alive).toBe(true);
  });
});
