import type { ErrorBody, ErrorDetail } from '@compact-voices/contracts';

export interface MockReply {
  status?: number;
  body?: unknown;
  /** Raw text instead of JSON (e.g. a proxy's HTML error page). */
  text?: string;
  /** Response headers, e.g. `{ 'Retry-After': '120' }`. */
  headers?: Record<string, string>;
}

/** One request as the client sent it. */
export interface MockCall {
  url: string;
  method: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The JSON body, parsed; undefined when there was none. */
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type MockHandler = MockReply | ((call: MockCall) => MockReply | Promise<MockReply>);

/**
 * Handlers keyed by "/api/v1/path?query" exactly as the client requests them (query in
 * URLSearchParams order), optionally prefixed by the method ("PATCH /api/v1/me"), which wins.
 */
export type MockRoutes = Record<string, MockHandler>;

export interface MockApi {
  /** Every URL requested, in order. */
  requests: string[];
  /** Every request with its method, headers and body, in order. */
  calls: MockCall[];
  restore: () => void;
}

export function errorReply(status: number, code: string, message = code, details?: ErrorDetail[]): MockReply {
  const body: ErrorBody = { statusCode: status, code, message, ...(details ? { details } : {}) };
  return { status, body };
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  const source = init?.headers;
  if (!source) return result;
  const entries: Iterable<[string, string]> =
    typeof Headers !== 'undefined' && source instanceof Headers
      ? source.entries()
      : Array.isArray(source)
        ? source
        : Object.entries(source);
  for (const [name, value] of entries) result[name.toLowerCase()] = value;
  return result;
}

/**
 * Replaces global fetch with a table of canned replies. An unknown URL answers 404 ROUTE_NOT_FOUND,
 * which makes a test that calls the wrong endpoint fail loudly.
 */
export function mockApi(routes: MockRoutes): MockApi {
  const original = globalThis.fetch;
  const requests: string[] = [];
  const calls: MockCall[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const call: MockCall = {
      url,
      method,
      headers: headersOf(init),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      credentials: init?.credentials,
    };
    requests.push(url);
    calls.push(call);
    const route = routes[`${method} ${url}`] ?? routes[url];
    const reply = typeof route === 'function' ? await route(call) : (route ?? errorReply(404, 'ROUTE_NOT_FOUND'));
    const status = reply.status ?? 200;
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    const headers = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    const response: Pick<Response, 'ok' | 'status' | 'text'> & { headers: Pick<Headers, 'get'> } = {
      ok: status >= 200 && status < 300,
      status,
      text: async () => text,
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    };
    return response as Response;
  };
  globalThis.fetch = fakeFetch as typeof fetch;
  return {
    requests,
    calls,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
