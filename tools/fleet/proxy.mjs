// The fleet's reverse proxy on one machine without Docker: what nginx does in docker-compose.yml,
// small enough to read in one sitting. It
//   - checks every instance's /api/health/ready each second and sends new work only to ready ones
//     (a stopping instance turns unready at once);
//   - hands each HTTP request to the instance with the fewest requests in flight, and each
//     websocket to the one with the fewest sockets; socket.io's long-polling fallback stays on the
//     instance that issued its session (a `cv_upstream` cookie, as HAProxy's "cookie insert");
//   - retries a request on another instance when its instance refused the connection (it never
//     arrived), or when the connection broke before any answer and the request is safe to repeat
//     (GET/HEAD/PUT/DELETE/OPTIONS, or a POST with an Idempotency-Key, which the API deduplicates);
//   - tunnels websocket upgrades byte for byte and cuts the client when its instance goes, so the
//     client reconnects to a survivor and catches up by seq;
//   - sets X-Forwarded-For and X-Request-Id (kept when well formed), like the nginx config, and
//     keeps /metrics private (Prometheus scrapes each instance directly).
// Upstream connections are not kept alive: a stopping instance's closed listener then means
// "refused", never a request lost on a half-closed keep-alive connection.
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const REPEATABLE = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const STICKY_COOKIE = 'cv_upstream';

function jsonError(response, statusCode, code, message, requestId) {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify({ statusCode, code, message, requestId });
  response.writeHead(statusCode, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'retry-after': '1',
    'cache-control': 'no-store',
  });
  response.end(body);
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('body too large'), { code: 'PAYLOAD_TOO_LARGE' }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function stickyName(request) {
  const cookie = request.headers.cookie;
  if (!cookie) return undefined;
  return /(?:^|;\s*)cv_upstream=([A-Za-z0-9_-]+)/.exec(cookie)?.[1];
}

/** Request headers for the instance: hop-by-hop ones dropped, forwarding ones set. */
function forwardHeaders(request, requestId) {
  const headers = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!HOP_BY_HOP.has(name)) headers[name] = value;
  }
  const client = request.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = request.headers['x-forwarded-for'] ? `${request.headers['x-forwarded-for']}, ${client}` : client;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-host'] = request.headers.host ?? '';
  headers['x-request-id'] = requestId;
  return headers;
}

/**
 * @param {{ port: number, host?: string, upstreams: Array<{ name: string, host?: string, port: number }>, healthIntervalMs?: number }} options
 */
export async function startFleetProxy({ port, host = '127.0.0.1', upstreams, healthIntervalMs = 1_000 }) {
  const pool = upstreams.map((upstream) => ({ host: '127.0.0.1', ...upstream, ready: false, inFlight: 0, sockets: 0, requests: 0 }));

  async function check(upstream) {
    try {
      const response = await fetch(`http://${upstream.host}:${upstream.port}/api/health/ready`, {
        signal: AbortSignal.timeout(Math.max(500, healthIntervalMs)),
      });
      await response.arrayBuffer();
      upstream.ready = response.ok;
    } catch {
      upstream.ready = false;
    }
  }
  let checking = false;
  const healthTimer = setInterval(() => {
    if (checking) return;
    checking = true;
    void Promise.all(pool.map(check)).finally(() => (checking = false));
  }, healthIntervalMs);
  await Promise.all(pool.map(check));

  /** Ready instances not yet tried, least loaded first; if none is ready, any not yet tried (it answers 503 itself). */
  function choose(tried, load, preferred) {
    const untried = pool.filter((upstream) => !tried.has(upstream));
    const ready = untried.filter((upstream) => upstream.ready);
    const candidates = ready.length > 0 ? ready : untried;
    if (candidates.length === 0) return undefined;
    const sticky = preferred && candidates.find((upstream) => upstream.name === preferred && upstream.ready);
    if (sticky) return sticky;
    return candidates.reduce((best, upstream) => (load(upstream) < load(best) ? upstream : best));
  }

  async function handleRequest(request, response) {
    const incoming = request.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    if (/^\/metrics(?:[/?]|$)/i.test(request.url)) {
      jsonError(response, 404, 'ROUTE_NOT_FOUND', 'not found', requestId);
      return;
    }
    let body;
    try {
      body = await readBody(request);
    } catch (error) {
      jsonError(
        response,
        error.code === 'PAYLOAD_TOO_LARGE' ? 413 : 400,
        error.code === 'PAYLOAD_TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
        'the request body could not be read',
        requestId,
      );
      return;
    }
    const polling = request.url.startsWith('/socket.io/') && request.url.includes('transport=polling');
    const repeatable = REPEATABLE.has(request.method) || typeof request.headers['idempotency-key'] === 'string';
    const headers = forwardHeaders(request, requestId);
    headers.connection = 'close';
    const tried = new Set();

    const attempt = () => {
      const upstream = choose(tried, (u) => u.inFlight, polling ? stickyName(request) : undefined);
      if (!upstream) {
        jsonError(response, 503, 'SERVICE_UNAVAILABLE', 'no API instance is available; try again shortly', requestId);
        return;
      }
      tried.add(upstream);
      upstream.inFlight += 1;
      upstream.requests += 1;
      let answered = false;
      let done = false;
      const finish = () => {
        if (!done) {
          done = true;
          upstream.inFlight -= 1;
        }
      };
      const outgoing = httpRequest({
        host: upstream.host,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers,
        agent: false,
      });
      outgoing.on('response', (answer) => {
        answered = true;
        const rawHeaders = [];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          if (!HOP_BY_HOP.has(answer.rawHeaders[i].toLowerCase())) rawHeaders.push(answer.rawHeaders[i], answer.rawHeaders[i + 1]);
        }
        if (polling && stickyName(request) !== upstream.name)
          rawHeaders.push('Set-Cookie', `${STICKY_COOKIE}=${upstream.name}; Path=/socket.io; HttpOnly; SameSite=Lax`);
        response.writeHead(answer.statusCode ?? 502, rawHeaders);
        answer.pipe(response);
        answer.on('end', finish);
        answer.on('error', () => {
          finish();
          response.destroy();
        });
      });
      outgoing.on('error', (error) => {
        finish();
        if (answered) {
          response.destroy();
          return;
        }
        const neverArrived = error.code === 'ECONNREFUSED';
        if (neverArrived) upstream.ready = false;
        if (neverArrived || (repeatable && (error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.message === 'socket hang up'))) {
          attempt();
          return;
        }
        jsonError(
          response,
          502,
          'UPSTREAM_FAILED',
          'the API instance failed while answering; the request may or may not have been applied',
          requestId,
        );
      });
      response.on('close', () => {
        if (!response.writableFinished) outgoing.destroy();
        finish();
      });
      outgoing.end(body);
    };
    attempt();
  }

  const tunnels = new Set();

  function handleUpgrade(request, client, head) {
    const incoming = request.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const headers = forwardHeaders(request, requestId);
    const lines = [
      `${request.method} ${request.url} HTTP/1.1`,
      'Connection: Upgrade',
      `Upgrade: ${request.headers.upgrade ?? 'websocket'}`,
    ];
    for (const [name, value] of Object.entries(headers)) {
      for (const item of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${item}`);
    }
    const head0 = `${lines.join('\r\n')}\r\n\r\n`;
    const tried = new Set();
    tunnels.add(client);
    client.once('close', () => tunnels.delete(client));
    client.on('error', () => client.destroy());

    const attempt = () => {
      const upstream = choose(tried, (u) => u.sockets);
      if (!upstream) {
        client.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      tried.add(upstream);
      let connected = false;
      const server = connect(upstream.port, upstream.host);
      server.setNoDelay(true);
      server.once('connect', () => {
        connected = true;
        upstream.sockets += 1;
        client.setNoDelay(true);
        server.write(head0);
        if (head.length > 0) server.write(head);
        client.pipe(server);
        server.pipe(client);
      });
      server.on('error', (error) => {
        if (!connected && error.code === 'ECONNREFUSED' && !client.destroyed) {
          upstream.ready = false;
          attempt();
          return;
        }
        client.destroy();
      });
      server.once('close', () => {
        if (connected) upstream.sockets -= 1;
        if (connected) client.destroy();
      });
      client.once('close', () => server.destroy());
    };
    attempt();
  }

  const server = createServer((request, response) => void handleRequest(request, response));
  server.on('upgrade', handleUpgrade);
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    base: `http://${host}:${typeof address === 'object' && address ? address.port : port}`,
    /** Per instance: ready, requests handed over, requests in flight, open websockets. */
    stats: () => pool.map(({ name, ready, requests, inFlight, sockets }) => ({ name, ready, requests, inFlight, sockets })),
    async close() {
      clearInterval(healthTimer);
      server.closeAllConnections?.();
      for (const tunnel of tunnels) tunnel.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
