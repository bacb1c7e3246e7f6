import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, HttpStatus, Req, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorCode } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { Public } from '../auth/access.decorator.js';
import { ApiException } from '../errors/api.exception.js';
import { MetricsService } from './metrics.service.js';

/**
 * GET /metrics for Prometheus: off (404) unless METRICS_TOKEN is set, and then only with HTTP Basic
 * auth `metrics:<METRICS_TOKEN>` (Prometheus `basic_auth`; a Bearer header would be read as a
 * session token) — the public never sees it.
 */
@ApiExcludeController()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() request: Request): Promise<string> {
    const expected = this.config.metricsToken;
    if (!expected) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.ROUTE_NOT_FOUND, 'Not found');
    const given = Buffer.from(/^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const wanted = Buffer.from(Buffer.from(`metrics:${expected}`).toString('base64'));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.AUTHENTICATION_REQUIRED, 'Metrics need the metrics token');
    }
    return this.metrics.render();
  }
}
