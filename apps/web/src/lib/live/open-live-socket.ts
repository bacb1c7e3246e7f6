import { LIVE_NAMESPACE, LIVE_PATH } from '@compact-voices/contracts';
import type { CreateLiveSocket, LiveSocket } from './live-connection';

/**
 * The real socket: socket.io-client, fetched only when the first feature subscribes to the tab's
 * LiveHub (it is not part of the first page's JavaScript). Same origin; websocket first,
 * long-polling when a network blocks it. Reconnection is the hub's (backoff with jitter, a fresh
 * token each time), not the library's.
 */
export const openLiveSocket: CreateLiveSocket = async (auth) => {
  const { io } = await import('socket.io-client');
  const socket = io(LIVE_NAMESPACE, {
    path: LIVE_PATH,
    auth,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    autoConnect: false,
    reconnection: false,
    timeout: 20_000,
  });
  return socket as unknown as LiveSocket;
};
