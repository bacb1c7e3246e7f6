import { unsentBytes } from './unsent-bytes.js';

describe('unsentBytes', () => {
  it('adds the websocket queue and the packets engine.io holds back', () => {
    const connection = {
      transport: { socket: { bufferedAmount: 1_000 } },
      writeBuffer: [{ data: 'x'.repeat(300) }, { data: Buffer.alloc(200) }, { data: undefined }],
    };
    expect(unsentBytes(connection)).toBe(1_500);
  });

  it('is zero for a client that reads (nothing queued) and for a polling transport', () => {
    expect(unsentBytes({ transport: { socket: { bufferedAmount: 0 } }, writeBuffer: [] })).toBe(0);
    expect(unsentBytes({ transport: {} })).toBe(0);
  });
});
