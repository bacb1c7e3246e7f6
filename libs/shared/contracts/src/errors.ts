/**
 * Stable error codes. The client translates them (`errors.<CODE>` in its locale files),
 * so a code, once shipped, is never renamed.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  PRINCIPLE_NOT_FOUND: 'PRINCIPLE_NOT_FOUND',
  RECOMMENDATION_NOT_FOUND: 'RECOMMENDATION_NOT_FOUND',
  OBJECTIVE_NOT_FOUND: 'OBJECTIVE_NOT_FOUND',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  MALFORMED_JSON: 'MALFORMED_JSON',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorDetail {
  /** Dotted path of the offending field or query parameter, e.g. `q` or `body.countryIso3`. */
  field: string;
  /** Stable reason, e.g. `isIn`, `maxLength`, `whitelist`. */
  reason: string;
  message: string;
}

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode | string;
  message: string;
  details?: ErrorDetail[];
  requestId?: string;
}
