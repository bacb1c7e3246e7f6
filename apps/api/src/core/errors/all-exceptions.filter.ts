import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode, type ErrorBody } from '@compact-voices/contracts';
import { ApiException } from './api.exception.js';

/** Postgres / driver failures that mean "the database is unavailable", not "the request is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  // admin shutdown, crash shutdown, cannot connect now, statement timeout; connection exceptions
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '08000',
  '08003',
  '08006',
  // too many connections, out of memory or disk on the server, and a rotated password not yet rolled out
  '53300',
  '53100',
  '53200',
  '28P01',
]);
/**
 * node-postgres reports a connection lost mid-query, a connect timeout and a broken client by
 * message only (no code); found by the fault suite as 500s while PostgreSQL restarted.
 */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client (was closed|has encountered a connection error) and is not queryable)/;

function isDatabaseUnavailable(exception: unknown): boolean {
  for (const candidate of [exception, (exception as { driverError?: unknown } | null)?.driverError]) {
    if (!candidate || typeof candidate !== 'object') continue;
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

/**
 * PostgreSQL's class 22, "data exception" (a number out of range, a malformed value, NUL in text):
 * a value from the request that validation let through. The request is wrong, not the server —
 * 400, never a 500 — but it is still logged, since the edge should have refused it first.
 */
export function isDataException(exception: unknown): boolean {
  for (const candidate of [exception, (exception as { driverError?: unknown } | null)?.driverError]) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHORIZED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.TOO_MANY_REQUESTS,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof ApiException) {
    return {
      statusCode: exception.getStatus(),
      code: exception.code,
      message: exception.message,
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const isUnknownRoute = status === HttpStatus.NOT_FOUND && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(exception.message);
    return {
      statusCode: status,
      code: isUnknownRoute
        ? ErrorCode.ROUTE_NOT_FOUND
        : (STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED)),
      message: status >= 500 ? 'Internal error' : exception.message,
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return { statusCode: 503, code: ErrorCode.SERVICE_UNAVAILABLE, message: 'The service is temporarily unavailable' };
  }
  if (isDataException(exception)) {
    return { statusCode: 400, code: ErrorCode.VALIDATION_FAILED, message: 'Invalid input: a value is out of range or malformed' };
  }
  return { statusCode: 500, code: ErrorCode.INTERNAL_ERROR, message: 'Internal error' };
}

/** Every error leaves as the same JSON shape with a stable code and the request id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { id?: string }>();
    const body = toErrorBody(exception);
    if (body.statusCode === 503) {
      // Expected while a dependency is down: one line each, no stack.
      this.logger.warn(
        {
          event: 'request.unavailable',
          err: { type: (exception as Error)?.name, message: (exception as Error)?.message },
          code: body.code,
        },
        'request failed: service unavailable',
      );
    } else if (isDataException(exception)) {
      this.logger.warn(
        {
          event: 'request.data_exception',
          err: { type: (exception as Error)?.name, code: (exception as { code?: string }).code, message: (exception as Error)?.message },
        },
        'a request value reached the database unvalidated',
      );
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, code: body.code }, 'request failed');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof ApiException) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    }
    if (body.statusCode === 503) response.setHeader('Retry-After', '5');
    response.status(body.statusCode).json({ ...body, requestId: request.id });
  }
}
