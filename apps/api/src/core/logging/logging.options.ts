import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/app-config.js';
import { stdoutDestination } from './log-destination.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A well-formed incoming X-Request-Id (from the proxy) is kept; anything else gets a fresh one. */
export function acceptRequestId(incoming: unknown): string {
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The request's id (see acceptRequestId), echoed back as X-Request-Id. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const id = acceptRequestId(request.headers['x-request-id']);
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured JSON logs. Requests are logged as id, method, path and status only: no headers
 * (tokens, cookies), no query strings, no client IPs — privacy is a feature.
 */
export function loggingOptions(config: AppConfig, stream?: NodeJS.WritableStream): Params {
  const options: Options = {
    level: config.logLevel,
    genReqId: requestId,
    customProps: () => ({ service: 'api' }),
    autoLogging: { ignore: (request) => request.url === '/api/health' },
    serializers: {
      req: (request: { id: string; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    // A failed query's error carries its parameters (addresses, ids): never logged; the SQL text is.
    redact: { paths: ['req.headers', 'err.config', 'err.parameters', 'err.driverError', '*.password', '*.token', '*.email'], remove: true },
  };
  return { pinoHttp: [options, (stream ?? stdoutDestination()) as DestinationStream] };
}
