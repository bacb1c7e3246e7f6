import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpStatus, Logger as NestLogger, VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import cookieParser from 'cookie-parser';
import { MetricsService } from '../metrics/metrics.service.js';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { requestContext } from '../logging/request-context.js';
import { ErrorCode } from '@compact-voices/contracts';
import type { AppConfig } from '../../config/app-config.js';
import { ApiException } from '../errors/api.exception.js';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter.js';
import { bodyParserErrors } from '../errors/body-parser-errors.js';
import { SchemaValidationPipe } from './schema-validation.pipe.js';
import { rejectUnsafeJson, rejectUnsafeQuery } from './reject-unsafe-json.js';
import { createOpenApiDocument } from './openapi.js';
import { loadServerRenderer } from './server-render.js';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

function trustProxySetting(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Only JSON is accepted for writes: a form post or text/plain (a CSRF "simple request") gets 415. */
function requireJson(request: Request, _response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (hasBody && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) && !request.is('application/json')) {
    next(
      new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send JSON (Content-Type: application/json)'),
    );
    return;
  }
  next();
}

/**
 * Everything between "Nest created the app" and "listen": headers, parsing, validation, errors,
 * versioning, OpenAPI and the web client. Shared by main.ts and the e2e tests so they test the real thing.
 */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.use(requestContext);
  app.set('trust proxy', trustProxySetting(config.trustProxy));
  app.set('query parser', 'simple');
  app.disable('x-powered-by');

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
  );
  // CORS is closed unless origins are configured; the web client is same-origin.
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: true });
  }
  // Latency by route pattern (never the raw path: it carries ids).
  const metrics = app.get(MetricsService);
  app.use('/api', (request: express.Request, response: express.Response, next: express.NextFunction) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path;
      metrics.observeHttp(
        request.method,
        route ? `${request.baseUrl}${route}` : 'unmatched',
        response.statusCode,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  });
  // Compressed answers for phones on slow networks: GETs only, so nothing a sign-in or a form post
  // returns (tokens, reflected input) is ever compressed next to a secret (BREACH). Answers that
  // come ready-compressed (PreparedJson) are left as they are.
  app.use(
    compression({
      threshold: 1024,
      filter: (request, response) => (request.method === 'GET' || request.method === 'HEAD') && compression.filter(request, response),
    }),
  );
  app.use('/api', cookieParser());
  app.use('/api', requireJson);
  app.use('/api', express.json({ limit: config.bodyLimit, strict: true }), bodyParserErrors, rejectUnsafeJson, rejectUnsafeQuery);

  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useGlobalPipes(new SchemaValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());

  if (config.apiDocs) {
    const document = createOpenApiDocument(app, config);
    // Swagger UI needs inline styles; loosen the policy for the docs page only.
    app.use('/api/docs', (_request: Request, response: Response, next: NextFunction) => {
      response.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
      );
      next();
    });
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  }

  const webDist = config.webDistDir ?? DEFAULT_WEB_DIST;
  if (config.serveWeb && existsSync(join(webDist, 'index.html'))) {
    serveWeb(app, webDist, config);
  }
}

/**
 * Headers that govern a document (what it may load, frame or open), meaningless on a script, a
 * stylesheet or a locale file. A first visit fetches a dozen of these, and the headers were about
 * 1 KB each, as much as many of the files; nosniff, CORP and HSTS stay.
 */
const DOCUMENT_ONLY_HEADERS = [
  'Content-Security-Policy',
  'Cross-Origin-Opener-Policy',
  'Origin-Agent-Cluster',
  'Referrer-Policy',
  'X-DNS-Prefetch-Control',
  'X-Download-Options',
  'X-Frame-Options',
  'X-Permitted-Cross-Domain-Policies',
  'X-XSS-Protection',
];

/**
 * The built web app on the same port: hashed assets cached for a year, index.html revalidated.
 * Scripts, styles and locale files are sent as the brotli (or gzip) copies the build wrote at the
 * highest levels, smaller than on-the-fly compression can afford; anything without a copy is
 * compressed on the fly above.
 */
/** Where this instance's own API answers, for the server render's reads. */
function loopbackOrigin(config: AppConfig): string {
  const host = ['', '0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

function serveWeb(app: NestExpressApplication, webDist: string, config: AppConfig): void {
  const logger = new NestLogger('ServerRender');
  const renderer = config.serverRender.enabled
    ? loadServerRenderer({
        webDist,
        apiOrigin: loopbackOrigin(config),
        timeoutMs: config.serverRender.timeoutMs,
        onError: (error) => logger.warn(`A page was served unrendered: ${error instanceof Error ? error.message : String(error)}`),
      }).catch((error: unknown) => {
        logger.error(`The server render could not be loaded; pages are served unrendered: ${String(error)}`);
        return null;
      })
    : Promise.resolve(null);
  const assets = join(webDist, 'assets');
  app.use(
    expressStaticGzip(webDist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (response, path) => {
          // Outside assets/: index.html, the service worker (sw.js) and the web app manifest,
          // revalidated on every use so a deploy reaches every phone at its next visit.
          response.setHeader('Cache-Control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
          // /index.html is a document too: the service worker keeps it, headers and all, as the
          // page it shows offline, which must be as strict as the one the server sends.
          if (path.endsWith('.html')) return;
          for (const header of DOCUMENT_ONLY_HEADERS) response.removeHeader(header);
        },
      },
    }),
  );
  // Client-side routes: a GET that asks for HTML by name (a browser's navigation), outside /api,
  // /socket.io and /metrics, gets the app shell. `*/*` alone is not enough: Prometheus and curl
  // send it, and must reach the API's own answer.
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isAppRoute =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.path.startsWith('/api') &&
      !request.path.startsWith('/socket.io') &&
      request.path !== '/metrics' &&
      /\btext\/html\b/i.test(request.headers.accept ?? '') &&
      request.accepts(['html', 'json']) === 'html';
    if (!isAppRoute) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    void (async () => {
      const server = await renderer;
      if (server?.isServerRendered(request.path)) {
        // The page depends on the language cookie and Accept-Language: no cache may mix readers.
        response.setHeader('Vary', 'Accept-Language, Cookie');
        const page = await server.page(request);
        if (page !== null) {
          response.type('html').send(page);
          return;
        }
      }
      response.sendFile(join(webDist, 'index.html'));
    })().catch(next);
  });
}
