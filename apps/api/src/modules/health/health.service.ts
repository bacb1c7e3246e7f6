import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthResponse } from '@compact-voices/contracts';

@Injectable()
export class HealthService {
  constructor(
    private readonly checks: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** terminus runs the probe (with a timeout, so a hung database answers "down" rather than hanging). */
  async check(): Promise<HealthResponse> {
    try {
      await this.checks.check([() => this.database.pingCheck('database', { timeout: 2_000 })]);
      return { status: 'ok', database: 'up' };
    } catch {
      return { status: 'error', database: 'down' };
    }
  }
}
