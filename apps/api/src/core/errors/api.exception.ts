import { HttpException } from '@nestjs/common';
import type { ErrorCode, ErrorDetail } from '@compact-voices/contracts';

/** The one exception type services throw: an HTTP status plus a stable code the client translates. */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Response headers that belong with the error, e.g. Retry-After on 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message, status);
  }
}
