import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from './api.exception.js';

/** Errors raised by body-parser carry a `type`; map the ones a client can cause to 4xx. */
export const BODY_PARSER_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  'entity.too.large': { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The request body is too large' },
  'entity.parse.failed': { status: 400, code: ErrorCode.MALFORMED_JSON, message: 'The request body is not valid JSON' },
  'entity.verify.failed': { status: 400, code: ErrorCode.MALFORMED_JSON, message: 'The request body was rejected' },
  'encoding.unsupported': { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE, message: 'Unsupported content encoding' },
  'charset.unsupported': { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE, message: 'Unsupported charset' },
  'request.aborted': { status: 400, code: ErrorCode.VALIDATION_FAILED, message: 'The request was aborted' },
};

/**
 * Express error middleware placed right after the body parser: turns its errors into ApiExceptions
 * before Nest's generic mapping would flatten them into a plain 400.
 */
export function bodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const type = (error as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? BODY_PARSER_ERRORS[type] : undefined;
  next(known ? new ApiException(known.status, known.code, known.message) : error);
}
