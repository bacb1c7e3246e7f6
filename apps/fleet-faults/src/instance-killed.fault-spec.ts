import {
  ADMIN,
  call,
  clientAddress,
  liveSockets,
  openRound,
  percentile,
  signIn,
  sleep,
  startFaultFleet,
  type FaultFleet,
} from './support/fault-fleet.js';
import { LiveThreadClient, untilAllRendered } from './support/live-thread-client.js';
import { postUntilAcknowledged } from './support/poster.js';

/**
 * One of two instances SIGKILLed while comments are being broadcast. Its clients lose their
 * connection (nginx closes a websocket when its instance's end goes), reconnect through nginx to
 * the survivor (the dead instance refuses, and nginx passes the connection on), resync by seq, and
 * every client ends with every acknowledged comment rendered exactly once.
 *
 * nginx keeps each client on the instance its address hashes to, so the clients connect from
 * addresses of their own to be spread over both instances (the Node proxy this suite used to run
 * balanced by load instead). Sockets per instance are each instance's own count (its /metrics).
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
    // deploy/nginx.conf keeps the metrics private.
    expect((await call(proxy.base, 'GET', '/metrics')).status).toBe(404);
    const admin = await signIn(proxy.base, ADMIN.email, ADMIN.password);
    const round = await openRound(proxy.base, admin, ['WS-4']);
    const thread = { consultationId: round.id, recommendationCode: 'WS-4' };
    for (let i = 0; i < 40; i++) clients.push(new LiveThreadClient(proxy.base, thread, { localAddress: clientAddress(i) }));
    await Promise.all(clients.map((client) => client.start()));
    const [victim, survivor] = fleet.instances as [FaultFleet['instances'][number], FaultFleet['instances'][number]];
    const onVictim = await liveSockets(victim);
    // 40 addresses hashed over two instances: each gets about half (fewer than 5 is a one-in-millions draw).
    expect(onVictim).toBeGreaterThanOrEqual(5);
    expect(await liveSockets(survivor)).toBeGreaterThanOrEqual(5);
    expect(onVictim + (await liveSockets(survivor))).toBe(clients.length);

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
    // The victim's clients came back through nginx, all on the survivor.
    const moved = clients.filter((client) => client.connects > 1);
    expect(moved.length).toBeGreaterThanOrEqual(onVictim);
    const reconnectMs = moved.map((client) => client.connectedAt.find((at) => at > killedAt)! - killedAt);
    expect(await liveSockets(survivor)).toBe(clients.length);
    expect(survivor.alive).toBe(true);
    process.stdout.write(
      `instance killed: ${moved.length} clients reconnected (p50 ${Math.round(percentile(reconnectMs, 50))} ms, max ${Math.round(Math.max(...reconnectMs))} ms after the kill); ${retried} of ${posted.length} posts needed a retry; every client rendered ${posted.length} comments once\n`,
    );
  });
});
