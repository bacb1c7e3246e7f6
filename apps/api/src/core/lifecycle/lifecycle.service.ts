import { Injectable } from '@nestjs/common';

/**
 * Where this instance is in its life: readiness turns false the moment a shutdown begins, so a
 * proxy stops routing here while in-flight requests finish.
 */
@Injectable()
export class LifecycleService {
  private draining = false;

  get accepting(): boolean {
    return !this.draining;
  }

  beginShutdown(): void {
    this.draining = true;
  }
}
