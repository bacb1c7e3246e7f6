import { ADMIN, openRound, percentile, signIn, sleep, startFaultFleet, type FaultFleet } from './support/fault-fleet.js';
import { LiveThreadClient, untilAllRendered } from './support/live-thread-client.js';
import { postUntilAcknowledged } from './support/poster.js';

/**
 * One of two instances SIGKILLed while comments are being broadcast. Its clients lose
 * their connection, reconnect through the proxy to the survivor, resync by seq, and every client
 * ends with every acknowledged comment rendered exactly once.
 */
describe('fault: an API instance killed mid-broadcast', () => {
  let fleet: FaultFleet;
  const clients: LiveThreadClient[] = [];

  beforeAll(async () => {
    fleet = await startFaultFleet('kill', { instances: 2 });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await fleet?.teardown();
  });

  it('moves its clients to the survivor with every comment exactly once', async () => {
    const proxy = fleet.proxy;
    const admin = await signIn(proxy.base, ADMIN.email, ADMIN.password);
    const round = await openRound(proxy.base, admin, ['WS-4']);
    const thread = { consultationId: round.id, recommendationCode: 'WS-4' };
    for (let i = 0; i < 40; i++) clients.push(new LiveThreadClient(proxy.base, thread));
    await Promise.all(clients.map((client) => client.start()));
    const [victim, survivor] = fleet.instances as [FaultFleet['instances'][number], FaultFleet['instances'][number]];
    const before = proxy.stats();
    expect(before.every((upstream) => upstream.sockets >= 10)).toBe(true);

    const posted: string[] = [];
    let retried = 0;
    let killedAt = 0;
    for (let i = 0; i < 60; i++) {
      const sending = postUntilAcknowledged(proxy.base, thread, admin, `Broadcast ${i} t=${performance.timeOrigin + performance.now()}`);
      if (i === 20) {
        // Mid-broadcast: the comment is on its way to forty sockets when the instance dies.
        await sleep(5);
        killedAt = performance.now();
        await victim.kill('SIGKILL');
      }
      const { id, attempts } = await sending;
      posted.push(id);
      retried += attempts > 1 ? 1 : 0;
      await sleep(50);
    }

    expect(await untilAllRendered(clients, posted, 20_000)).toBe(true);
    for (const client of clients) {
      expect(client.rendered.size).toBe(posted.length);
      expect([...client.rendered.values()].every((count) => count === 1)).toBe(true);
    }
    // The victim's clients came back through the proxy, all on the survivor.
    const moved = clients.filter((client) => client.connects > 1);
    expect(moved.length).toBeGreaterThanOrEqual(before.find((upstream) => upstream.name === victim.name)!.sockets);
    const reconnectMs = moved.map((client) => client.connectedAt.find((at) => at > killedAt)! - killedAt);
    expect(proxy.stats().find((upstream) => upstream.name === survivor.name)!.sockets).toBe(clients.length);
    expect(survivor.alive).toBe(true);
    process.stdout.write(
      `instance killed: ${moved.length} clients reconnected (p50 ${Math.round(percentile(reconnectMs, 50))} ms, max ${Math.round(Math.max(...reconnectMs))} ms after the kill); ${retried} of ${posted.length} posts needed a retry; every client rendered ${posted.length} comments once\n`,
    );
  });
});
