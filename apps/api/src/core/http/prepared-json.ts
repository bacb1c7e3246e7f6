import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

type Encoding = 'br' | 'gzip' | 'identity';

/**
 * A JSON answer made once and sent many times: its bytes, a strong ETag, and each compressed form
 * the first time a client asks for it. A cached page served to a thousand phones costs one
 * serialisation and one compression, and a revalidation with If-None-Match costs nothing but a 304.
 */
export class PreparedJson {
  readonly bytes: Buffer;
  readonly etag: string;
  private readonly encoded = new Map<Encoding, Buffer>();

  constructor(json: string) {
    this.bytes = Buffer.from(json, 'utf8');
    this.etag = `"${createHash('sha256').update(this.bytes).digest('base64url').slice(0, 27)}"`;
    this.encoded.set('identity', this.bytes);
  }

  /** Sends the answer, compressed as the client accepts (brotli, then gzip), or 304 when its copy is current. */
  send(request: Request, response: Response): void {
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('ETag', this.etag);
    response.vary('Accept-Encoding');
    if (request.fresh) {
      response.status(304).end();
      return;
    }
    // Small answers are not worth a compressed copy.
    const accepted = this.bytes.length < 1024 ? false : request.acceptsEncodings('br', 'gzip');
    const encoding: Encoding = accepted === 'br' || accepted === 'gzip' ? accepted : 'identity';
    const body = this.body(encoding);
    if (encoding !== 'identity') response.setHeader('Content-Encoding', encoding);
    response.setHeader('Content-Length', String(body.length));
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  private body(encoding: Encoding): Buffer {
    let body = this.encoded.get(encoding);
    if (!body) {
      body =
        encoding === 'br'
          ? brotliCompressSync(this.bytes, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: 5,
                [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
                [zlib.BROTLI_PARAM_SIZE_HINT]: this.bytes.length,
              },
            })
          : gzipSync(this.bytes, { level: 6 });
      this.encoded.set(encoding, body);
    }
    return body;
  }
}
