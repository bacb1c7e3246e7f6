import WebSocket from 'ws';
import { LIVE_NAMESPACE, LIVE_PATH } from '@compact-voices/contracts';
import type { ThreadRef } from './live-thread-client.js';

/**
 * A live client at the wire level (engine.io v4 / socket.io v4 over a websocket): it joins threads
 * and then either reads and throws away what it gets — without parsing it, so a hundred of them
 * cost this process next to nothing — or stops reading altogether (its TCP receive side paused),
 * which is what a stalled phone looks like to the server.
 */
export class RawLiveSocket {
  private readonly ws: WebSocket;
  private nextAck = 1;
  private readonly acks = new Map<number, (payload: unknown) => void>();
  closed = false;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data: Buffer) => {
      // Cheap dispatch on the first bytes; event payloads are never parsed.
      if (data[0] === 0x32 && data.length === 1) {
        ws.send('3'); // engine.io ping → pong
        return;
      }
      const text = data.length < 512 ? data.toString() : '';
      const ack = /^43\/live,(\d+)(\[.*)$/s.exec(text);
      if (ack) {
        const resolve = this.acks.get(Number(ack[1]));
        this.acks.delete(Number(ack[1]));
        resolve?.((JSON.parse(ack[2]!) as unknown[])[0]);
      }
    });
    ws.on('close', () => (this.closed = true));
    ws.on('error', () => (this.closed = true));
  }

  static async connect(base: string): Promise<RawLiveSocket> {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}${LIVE_PATH}/?EIO=4&transport=websocket`);
    const socket = new RawLiveSocket(ws);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('raw live socket: no namespace connect')), 10_000);
      ws.once('error', reject);
      const onMessage = (data: Buffer) => {
        const text = data.toString();
        if (text.startsWith('0')) ws.send(`40${LIVE_NAMESPACE},`);
        if (text.startsWith(`40${LIVE_NAMESPACE},`)) {
          clearTimeout(timer);
          ws.off('message', onMessage);
          resolve();
        }
      };
      ws.on('message', onMessage);
    });
    return socket;
  }

  async join(thread: ThreadRef): Promise<{ ok: boolean; lastSeq?: number; code?: string }> {
    const id = this.nextAck++;
    const answered = new Promise<unknown>((resolve) => this.acks.set(id, resolve));
    this.ws.send(`42${LIVE_NAMESPACE},${id}${JSON.stringify(['thread:join', thread])}`);
    return (await answered) as { ok: boolean; lastSeq?: number; code?: string };
  }

  /** Stop reading: the kernel's buffers fill, then the server's. */
  stall(): void {
    (this.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  }

  close(): void {
    this.ws.terminate();
  }
}
