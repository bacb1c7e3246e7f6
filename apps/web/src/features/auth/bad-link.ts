import { ErrorCode } from '@compact-voices/contracts';
import { ApiError, isApiError } from '../../lib/api-client';

/**
 * Whether a mail-link token was refused: used or expired (INVALID_TOKEN), or not even shaped like
 * one (VALIDATION_FAILED on `token`, e.g. a link cut short by a mail program). Either way the
 * person needs a new link, and should be told so in those words.
 */
export function isBadLinkError(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.code === ErrorCode.INVALID_TOKEN) return true;
  return error.code === ErrorCode.VALIDATION_FAILED && error.details.some((detail) => detail.field.replace(/^body\./, '') === 'token');
}

/** The same refusal, always as INVALID_TOKEN, so the form shows the "link no longer works" message. */
export function asBadLinkError(error: unknown): unknown {
  if (!isBadLinkError(error) || !isApiError(error) || error.code === ErrorCode.INVALID_TOKEN) return error;
  return new ApiError({ status: error.status, code: ErrorCode.INVALID_TOKEN, message: error.message, requestId: error.requestId });
}
