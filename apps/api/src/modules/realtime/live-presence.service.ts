import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DisclosureService } from '../disclosure/disclosure.service.js';
import { threadOfRoom, type LiveNamespace } from './live-socket.js';

const PRESENCE_INTERVAL_MS = 1_000;

/**
 * How many people are in a thread. Sent at most once per PRESENCE_INTERVAL_MS per room (trailing):
 * a thousand people arriving at once cost one message each, not a million. The count goes through
 * the disclosure layer like every public figure.
 */
@Injectable()
export class LivePresence implements OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private namespace: LiveNamespace | undefined;

  constructor(private readonly disclosure: DisclosureService) {}

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  announce(room: string): void {
    if (this.timers.has(room)) return;
    const timer = setTimeout(() => {
      this.timers.delete(room);
      void this.send(room);
    }, PRESENCE_INTERVAL_MS);
    timer.unref();
    this.timers.set(room, timer);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async send(room: string): Promise<void> {
    const namespace = this.namespace;
    if (!namespace) return;
    let count: number;
    try {
      count = (await namespace.in(room).fetchSockets()).length;
    } catch {
      // Without Redis the cluster count is unknown: this instance's count is the best we have.
      count = namespace.adapter.rooms.get(room)?.size ?? 0;
    }
    try {
      // The count as the disclosure layer sealed it, naming its thread: one socket may be in several.
      namespace.to(room).emit('presence', Object.assign(this.disclosure.presence(count), threadOfRoom(room)));
    } catch (error) {
      // Presence is best effort: a broken adapter connection must not take anything else down.
      this.logger.warn({ err: (error as Error).message }, 'presence not sent');
    }
  }
}
