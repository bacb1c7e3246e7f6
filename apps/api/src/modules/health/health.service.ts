import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthResponse, ReadinessResponse } from '@compact-voices/contracts';
import { LifecycleService } from '../../core/lifecycle/lifecycle.service.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';

@Injectable()
export class HealthService {
  private lastDatabase: 'up' | 'down' | undefined;

  constructor(
    private readonly checks: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly lifecycle: LifecycleService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** Liveness: answering at all is the answer; a database outage must not get a healthy process restarted. */
  live(): HealthResponse {
    return { status: 'ok', ...(this.lastDatabase ? { database: this.lastDatabase } : {}) };
  }

  /**
   * Readiness: the database answers within 2 s (terminus's probe, so a hung database reads "down"
   * rather than hanging) and no shutdown has begun. A configured Redis that is unreachable makes it
   * `degraded`, not unready: every instance shares that Redis, so all would leave rotation at once
   * while each still serves everything but cross-instance live delivery.
   */
  async ready(): Promise<ReadinessResponse> {
    let database: 'up' | 'down' = 'up';
    try {
      await this.checks.check([() => this.database.pingCheck('database', { timeout: 2_000 })]);
    } catch {
      database = 'down';
    }
    this.lastDatabase = database;
    const redis = this.rateLimits.redisStatus();
    const accepting = this.lifecycle.accepting;
    const status = database === 'up' && accepting ? (redis === 'down' ? 'degraded' : 'ok') : 'error';
    return { status, database, redis, accepting };
  }
}
