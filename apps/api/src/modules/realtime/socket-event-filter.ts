import { Logger } from '@nestjs/common';
import type { LiveSocket } from './live-socket.js';

const CLIENT_EVENTS = new Set(['thread:join', 'thread:leave']);
/** Per socket: at most this many events per window; past it events are refused, and persistent flooding disconnects. */
const EVENTS_PER_WINDOW = 20;
const WINDOW_MS = 10_000;
const MAX_VIOLATIONS = 3;

const logger = new Logger('Realtime');

/** Only the client events the contract defines, at a bounded rate; errors stay in this connection. */
export function filterClientEvents(socket: LiveSocket): void {
  socket.use(([event], next) => {
    const window = socket.data.window;
    const now = Date.now();
    if (now - window.started > WINDOW_MS) Object.assign(window, { started: now, count: 0 });
    window.count += 1;
    if (window.count > EVENTS_PER_WINDOW) {
      window.violations += 1;
      logger.warn(
        { event: 'ws.rate_limited', violations: window.violations, requestId: socket.data.requestId },
        'socket over its event rate',
      );
      if (window.violations >= MAX_VIOLATIONS) socket.disconnect(true);
      next(new Error('RATE_LIMITED'));
      return;
    }
    if (!CLIENT_EVENTS.has(event)) {
      logger.warn(
        { event: 'ws.unknown_event', name: String(event).slice(0, 64), requestId: socket.data.requestId },
        'unknown socket event refused',
      );
      next(new Error('UNKNOWN_EVENT'));
      return;
    }
    next();
  });
}
