import type { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config.js';
import { MetricsService } from '../../core/metrics/metrics.service.js';
import type { LiveNamespace } from './live-socket.js';
import { SlowSocketSweeper } from './slow-socket-sweeper.service.js';

/** A socket whose websocket holds `bufferedAmount` unsent bytes; records how it was cut. */
function fakeSocket(bufferedAmount: number) {
  const cut = { engineClosed: false, discarded: false, terminated: false };
  const socket = {
    data: { requestId: 'r' },
    conn: {
      writeBuffer: [],
      transport: { socket: { bufferedAmount, terminate: () => (cut.terminated = true) } },
      close: (discard?: boolean) => {
        cut.engineClosed = true;
        cut.discarded = discard === true;
      },
    },
  };
  return { socket, cut };
}

describe('SlowSocketSweeper', () => {
  const config = loadConfig({ NODE_ENV: 'test', APP_SECRET: 'unit-test-secret-0123456789abcdef-0123', LIVE_BUFFER_LIMIT_BYTES: '1000000' });

  function sweepOnce(buffered: number[]) {
    // The database gauges are collected only when /metrics is scraped; these tests read two metrics directly.
    const metrics = new MetricsService({} as DataSource);
    const sweeper = new SlowSocketSweeper(config, metrics);
    const sockets = buffered.map(fakeSocket);
    const namespace = { sockets: new Map(sockets.map((entry, index) => [String(index), entry.socket])) } as unknown as LiveNamespace;
    sweeper.sweep(namespace);
    return { sockets, metrics };
  }

  it('cuts a socket whose unsent events pass the limit, discarding what engine.io holds, then the TCP connection', async () => {
    const { sockets, metrics } = sweepOnce([10, 2_000_000, 999_999]);
    expect(sockets.map((entry) => entry.cut.terminated)).toEqual([false, true, false]);
    expect(sockets[1]!.cut).toEqual({ engineClosed: true, discarded: true, terminated: true });
    expect((await metrics.slowSocketsDropped.get()).values[0]?.value).toBe(1);
    // What the sockets that stay still hold.
    expect((await metrics.liveBufferedBytes.get()).values[0]?.value).toBe(10 + 999_999);
  });

  it('cuts at most ten a pass, the worst first, so one sweep cannot stall the instance', async () => {
    const buffered = Array.from({ length: 15 }, (_, index) => 2_000_000 + index * 1_000);
    const { sockets, metrics } = sweepOnce(buffered);
    const cut = sockets.map((entry, index) => (entry.cut.terminated ? index : -1)).filter((index) => index >= 0);
    expect(cut).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect((await metrics.slowSocketsDropped.get()).values[0]?.value).toBe(10);
  });

  it('leaves every socket under the limit alone', async () => {
    const { sockets, metrics } = sweepOnce([0, 500_000, 1_000_000]);
    expect(sockets.some((entry) => entry.cut.engineClosed)).toBe(false);
    expect((await metrics.liveBufferedBytes.get()).values[0]?.value).toBe(1_500_000);
  });
});
