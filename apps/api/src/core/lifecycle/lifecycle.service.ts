import { Injectable } from '@nestjs/common';

/** Lets long-lived connections go during a shutdown; resolves to how many it let go. */
export type DrainHook = (windowMs: number) => Promise<number>;

/**
 * Where this instance is in its life: readiness turns false the moment a shutdown begins, so a
 * proxy stops routing here while in-flight requests finish. Features that hold connections (live
 * sockets) register how to let them go, so the shutdown code needs to know none of them.
 */
@Injectable()
export class LifecycleService {
  private draining = false;
  private readonly drainHooks: DrainHook[] = [];

  get accepting(): boolean {
    return !this.draining;
  }

  beginShutdown(): void {
    this.draining = true;
  }

  onDrain(hook: DrainHook): void {
    this.drainHooks.push(hook);
  }

  /** Runs every registered hook at once; the total of connections they let go. */
  async drain(windowMs: number): Promise<number> {
    const counts = await Promise.all(this.drainHooks.map((hook) => hook(windowMs)));
    return counts.reduce((sum, count) => sum + count, 0);
  }
}
