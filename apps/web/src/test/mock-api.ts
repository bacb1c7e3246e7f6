import type { ErrorBody } from '@compact-voices/contracts';

interface MockReply {
  status?: number;
  body?: unknown;
  /** Raw text instead of JSON (e.g. a proxy's HTML error page). */
  text?: string;
}

/** Handlers keyed by "/api/v1/path?query" exactly as the client requests them (query in URLSearchParams order). */
export type MockRoutes = Record<string, MockReply | (() => MockReply)>;

export interface MockApi {
  /** Every URL requested, in order. */
  requests: string[];
  restore: () => void;
}

export function errorReply(status: number, code: string, message = code): MockReply {
  const body: ErrorBody = { statusCode: status, code, message };
  return { status, body };
}

/**
 * Replaces global fetch with a table of canned replies. An unknown URL answers 404 ROUTE_NOT_FOUND,
 * which makes a test that calls the wrong endpoint fail loudly.
 */
export function mockApi(routes: MockRoutes): MockApi {
  const original = globalThis.fetch;
  const requests: string[] = [];
  const fakeFetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(url);
    const route = routes[url];
    const reply = typeof route === 'function' ? route() : (route ?? errorReply(404, 'ROUTE_NOT_FOUND'));
    const status = reply.status ?? 200;
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    const response: Pick<Response, 'ok' | 'status' | 'text'> = {
      ok: status >= 200 && status < 300,
      status,
      text: async () => text,
    };
    return response as Response;
  };
  globalThis.fetch = fakeFetch as typeof fetch;
  return {
    requests,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
