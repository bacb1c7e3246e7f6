/** The parts of an engine.io connection that hold what a client has not read yet. */
export interface EngineConnectionLike {
  writeBuffer?: ReadonlyArray<{ data?: unknown }>;
  transport?: { socket?: { bufferedAmount?: number } };
}

/**
 * Bytes of live events waiting for one client: packets engine.io holds back while the transport
 * is busy, plus what the websocket has queued but the kernel would not take. A client that stops
 * reading fills the kernel's buffer first (a few MB on loopback) and then these grow; nothing
 * else bounds them, so the gateway disconnects a socket that passes LIVE_BUFFER_LIMIT_BYTES.
 */
export function unsentBytes(connection: EngineConnectionLike): number {
  let bytes = connection.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of connection.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytes += data.byteLength;
  }
  return bytes;
}
