import { createHash } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { ErrorCode, IDEMPOTENCY_KEY_TTL_DAYS } from '@compact-voices/contracts';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { canonicalJson } from '../../core/content/canonical-json.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { IdempotencyRepository } from './idempotency.repository.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/**
 * A first request still "running" after this long crashed; its key may be used again. Sooner when
 * the database session that claimed it has gone (its process died, or lost its connection).
 */
const ABANDONED_AFTER_SECONDS = 60;

/**
 * `Idempotency-Key` for writes a flaky network may retry: the first request's response is stored
 * and replayed for the same key and body; another body gets 422; a retry racing the first gets 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly repository: IdempotencyRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.run(context, next));
  }

  private async run(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: AuthUser }>();
    const response = http.getResponse<Response>();
    const key = request.headers['idempotency-key'];
    if (key === undefined || !request.user) return lastValueFrom(next.handle(), { defaultValue: undefined });
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.VALIDATION_FAILED,
        'Idempotency-Key must be 1–200 visible ASCII characters',
        [{ field: 'Idempotency-Key', reason: 'format', message: 'Invalid Idempotency-Key' }],
      );
    }
    const userId = request.user.id;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    const operation = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`;

    for (let attempt = 0; attempt < 2; attempt++) {
      if (await this.repository.claim(userId, key, operation, requestHash))
        return this.execute(userId, key, next, successStatus(context, request.method));
      const existing = await this.repository.find(userId, key, ABANDONED_AFTER_SECONDS, IDEMPOTENCY_KEY_TTL_DAYS);
      if (!existing) continue; // released between our insert and select: try again
      if (existing.expired) {
        // Past its lifetime the key is forgotten, whether or not the purge has run yet: a new request.
        await this.repository.deleteExpired(userId, key, IDEMPOTENCY_KEY_TTL_DAYS);
        continue;
      }
      if (existing.requestHash !== requestHash) {
        throw new ApiException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          'This Idempotency-Key was used for a different request',
        );
      }
      if (existing.responseStatus === null) {
        if (existing.abandoned) {
          await this.repository.release(userId, key);
          continue;
        }
        throw new ApiException(
          HttpStatus.CONFLICT,
          ErrorCode.IDEMPOTENCY_IN_PROGRESS,
          'The first request with this Idempotency-Key is still being processed',
        );
      }
      response.status(existing.responseStatus);
      response.setHeader('Idempotent-Replayed', 'true');
      return existing.responseBody;
    }
    throw new ApiException(HttpStatus.CONFLICT, ErrorCode.IDEMPOTENCY_IN_PROGRESS, 'Try again');
  }

  private async execute(userId: string, key: string, next: CallHandler, status: number): Promise<unknown> {
    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      // A handler may already have recorded its response in its own transaction (comments do, so
      // that the write and its replay commit together): that record stands.
      await this.repository.recordResponse(userId, key, status, JSON.stringify(result ?? null));
      return result;
    } catch (error) {
      // A failed request did not happen: the same key may be retried (e.g. after fixing the body).
      // If the database is what failed this may fail too; the claim is then abandoned with its session.
      await this.repository.release(userId, key).catch(() => undefined);
      throw error;
    }
  }
}

/** The status Nest will send on success: @HttpCode if set, else 201 for POST and 200 otherwise. */
function successStatus(context: ExecutionContext, method: string): number {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
  return declared ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
}

/** Marks a write as accepting Idempotency-Key (and documents the header). */
export function Idempotent(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: `Retry-safe key: a replay with the same key and body returns the original response, for ${IDEMPOTENCY_KEY_TTL_DAYS} days; after that the key starts a new request`,
    }),
  );
}
