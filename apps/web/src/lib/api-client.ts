import { ErrorCode, type ErrorBody, type ErrorDetail } from '@compact-voices/contracts';

export const API_BASE = '/api/v1';

/** Codes the client produces itself, when no ErrorBody could be read. */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  INVALID_RESPONSE: 'INVALID_RESPONSE',
} as const;

/** A failed API call. `code` is the server's stable ErrorBody code, or a ClientErrorCode. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ErrorDetail[];
    requestId?: string;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isNotFoundError(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 404;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && candidate.code.length > 0;
}

/** A code for error responses that carry no ErrorBody (a proxy's HTML page, an empty 502). */
function codeForStatus(status: number): string {
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 429) return ErrorCode.TOO_MANY_REQUESTS;
  if (status === 503 || status === 502 || status === 504) return ErrorCode.SERVICE_UNAVAILABLE;
  if (status >= 500) return ErrorCode.INTERNAL_ERROR;
  return ClientErrorCode.INVALID_RESPONSE;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export type QueryParams = Record<string, string | number | undefined | null>;

/** `/recommendations` + `{ q: 'x', principle: '' }` → `/api/v1/recommendations?q=x`. Empty values are left out. */
export function buildApiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.append(key, String(value));
  }
  const query = search.toString();
  return `${API_BASE}${path}${query ? `?${query}` : ''}`;
}

export interface ApiGetOptions {
  params?: QueryParams;
  signal?: AbortSignal;
}

/**
 * GET a JSON resource. Resolves with the parsed body; rejects with an ApiError carrying a stable
 * code for every failure except an abort, which is rethrown untouched so TanStack Query can
 * recognise a cancelled query.
 */
export async function apiGet<T>(path: string, options: ApiGetOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildApiUrl(path, options.params), {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError({
      status: 0,
      code: ClientErrorCode.NETWORK_ERROR,
      message: error instanceof Error ? error.message : 'Network request failed',
    });
  }

  const text = await response.text();
  const body = text ? parseJson(text) : undefined;

  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiError({
        status: typeof body.statusCode === 'number' ? body.statusCode : response.status,
        code: body.code,
        message: body.message,
        details: body.details,
        requestId: body.requestId,
      });
    }
    throw new ApiError({
      status: response.status,
      code: codeForStatus(response.status),
      message: `HTTP ${response.status}`,
    });
  }

  if (body === undefined) {
    throw new ApiError({
      status: response.status,
      code: ClientErrorCode.INVALID_RESPONSE,
      message: 'The response was not JSON',
    });
  }
  return body as T;
}
