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
  /** From a 429's Retry-After header: how long the server asks us to wait. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ErrorDetail[];
    requestId?: string;
    retryAfterSeconds?: number;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/**
 * Where the API answers when this code runs on the server (entry-server.tsx): Node's fetch needs an
 * absolute URL. The browser leaves it empty and asks its own origin.
 */
let serverApiOrigin = '';

export function setServerApiOrigin(origin: string): void {
  serverApiOrigin = origin;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isNotFoundError(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 404;
}

export function isUnauthorizedError(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 401;
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

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
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

/**
 * Where API calls get the signed-in person's access token. lib/auth-session.ts connects itself
 * here, so this file needs no knowledge of how sessions are kept or refreshed.
 */
export interface AccessTokenSource {
  /** The access token held in memory, or null when signed out. */
  current(): string | null;
  /**
   * A token to retry with after `rejected` was answered 401: one that another call already
   * obtained, or a fresh one from a (serialised) refresh. Null when there is no session any more.
   */
  renew(rejected: string | null): Promise<string | null>;
}

let tokenSource: AccessTokenSource | null = null;

export function setAccessTokenSource(source: AccessTokenSource | null): void {
  tokenSource = source;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiRequestOptions {
  method?: HttpMethod;
  params?: QueryParams;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Send the access token and, on a 401, refresh once and retry once (the default). `false` for
   * the auth endpoints themselves, whose 401 means "wrong password" or "no session", not "token expired".
   */
  auth?: boolean;
}

interface RawResult {
  status: number;
  text: string;
}

async function send(url: string, options: ApiRequestOptions, token: string | null): Promise<RawResult> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  // The page's language (set on <html lang> when the reader switches): server-worded text such as
  // rule titles in moderation answers follows it.
  const language = typeof document === 'undefined' ? '' : document.documentElement.lang;
  if (language && !headers['Accept-Language']) headers['Accept-Language'] = language;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(serverApiOrigin + url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
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
  if (!response.ok) throw toApiError(response, text);
  return { status: response.status, text };
}

function toApiError(response: Response, text: string): ApiError {
  const body = text ? parseJson(text) : undefined;
  const retryAfterSeconds = response.status === 429 ? parseRetryAfter(response.headers?.get('Retry-After')) : undefined;
  if (isErrorBody(body)) {
    return new ApiError({
      status: typeof body.statusCode === 'number' ? body.statusCode : response.status,
      code: body.code,
      message: body.message,
      details: body.details,
      requestId: body.requestId,
      retryAfterSeconds,
    });
  }
  return new ApiError({
    status: response.status,
    code: codeForStatus(response.status),
    message: `HTTP ${response.status}`,
    retryAfterSeconds,
  });
}

async function sendWithAuth(url: string, options: ApiRequestOptions): Promise<RawResult> {
  const source = options.auth === false ? null : tokenSource;
  const token = source ? source.current() : null;
  try {
    return await send(url, options, token);
  } catch (error) {
    // INVALID_CREDENTIALS is a wrong password (changing it, deleting the account), not an expired token.
    if (!source || !isUnauthorizedError(error) || error.code === ErrorCode.INVALID_CREDENTIALS) throw error;
    // The token expired (or was revoked): get a fresh one and retry exactly once.
    let renewed: string | null;
    try {
      renewed = await source.renew(token);
    } catch {
      throw error;
    }
    if (!renewed) throw error;
    return send(url, options, renewed);
  }
}

/**
 * Call the API and parse its JSON answer. Rejects with an ApiError carrying a stable code for
 * every failure except an abort, which is rethrown untouched so TanStack Query can recognise a
 * cancelled query. A 204 (or any empty success) resolves with `undefined`.
 */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { status, text } = await sendWithAuth(buildApiUrl(path, options.params), options);
  if (status === 204 || text === '') return undefined as T;
  const body = parseJson(text);
  if (body === undefined) {
    throw new ApiError({ status, code: ClientErrorCode.INVALID_RESPONSE, message: 'The response was not JSON' });
  }
  return body as T;
}

/** Like apiRequest, but resolves with the body's text as sent (for downloads). */
export async function apiRequestText(path: string, options: ApiRequestOptions = {}): Promise<string> {
  const { text } = await sendWithAuth(buildApiUrl(path, options.params), options);
  return text;
}

export interface ApiGetOptions {
  params?: QueryParams;
  signal?: AbortSignal;
}

/** GET a JSON resource; an empty body is an INVALID_RESPONSE (every GET we make returns JSON). */
export async function apiGet<T>(path: string, options: ApiGetOptions = {}): Promise<T> {
  const body = await apiRequest<T | undefined>(path, { ...options, method: 'GET' });
  if (body === undefined) {
    throw new ApiError({ status: 200, code: ClientErrorCode.INVALID_RESPONSE, message: 'The response was empty' });
  }
  return body;
}

export function apiPost<T>(path: string, body?: unknown, options: Omit<ApiRequestOptions, 'method' | 'body'> = {}) {
  return apiRequest<T>(path, { ...options, method: 'POST', body });
}

export function apiPatch<T>(path: string, body: unknown, options: Omit<ApiRequestOptions, 'method' | 'body'> = {}) {
  return apiRequest<T>(path, { ...options, method: 'PATCH', body });
}

export function apiDelete<T = void>(path: string, options: Omit<ApiRequestOptions, 'method'> = {}) {
  return apiRequest<T>(path, { ...options, method: 'DELETE' });
}
