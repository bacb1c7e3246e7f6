import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from '../errors/api.exception.js';

/**
 * An opaque keyset cursor: the last row's timestamp (timestamptz as PostgreSQL prints it), id and,
 * for score orders, its score. Base64url JSON; anything else is a 400, never a query.
 */
export interface KeysetCursor {
  t: string;
  id: string;
  s?: number;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f-]{36}$/;

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): KeysetCursor | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<KeysetCursor>;
    if (
      typeof value.t === 'string' &&
      TIMESTAMP.test(value.t) &&
      typeof value.id === 'string' &&
      UUID.test(value.id) &&
      (value.s === undefined || Number.isInteger(value.s))
    ) {
      return { t: value.t, id: value.id, ...(value.s === undefined ? {} : { s: value.s }) };
    }
  } catch {
    // fall through
  }
  throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, 'Invalid cursor', [
    { field: 'cursor', reason: 'invalid', message: 'Invalid cursor' },
  ]);
}
