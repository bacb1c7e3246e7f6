import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { requestId } from './logging.options.js';

/**
 * The request id of whatever is running now, wherever the work goes next: the live event a
 * write announces, the background job it queues. Logs of that work carry the same id as the
 * HTTP request that caused it, so one id follows a comment from the proxy to every socket.
 */
const storage = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `work` (a job, a socket handler) under a request id it carried from where it started. */
export function withRequestId<T>(id: string | undefined, work: () => T): T {
  return id ? storage.run({ requestId: id }, work) : work();
}

/** First middleware: settle the request id (pino-http then uses `req.id`) and open its context. */
export function requestContext(request: Request & { id?: unknown }, response: Response, next: NextFunction): void {
  const id = requestId(request, response);
  request.id = id;
  storage.run({ requestId: id }, next);
}
