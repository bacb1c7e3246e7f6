import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { tap, type Observable } from 'rxjs';
import { ACCESS_POLICY, type AccessPolicy } from '../../core/auth/access.decorator.js';
import { unsealedStatistics } from './seal.js';

/**
 * On every public route: a response that carries a count or a statistic the disclosure layer did
 * not make is logged as an error (`disclosure.unsealed`, with the route pattern and where in the
 * body) — a bypass is a bug to fix, found by the route walk in the test suite.
 */
@Injectable()
export class StatisticsGuard implements NestInterceptor {
  private readonly logger = new Logger('Disclosure');

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (context.getType() !== 'http' || policy?.kind !== 'public') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      tap((body) => {
        const paths = unsealedStatistics(body);
        if (paths.length > 0) {
          this.logger.error(
            {
              event: 'disclosure.unsealed',
              route: `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? '?'}`,
              paths: paths.slice(0, 5),
            },
            'a public response carries statistics that did not pass the disclosure layer',
          );
        }
      }),
    );
  }
}
