import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** What the auth flows need to know about the request: never stored raw (the address is hashed). */
export interface RequestContext {
  /** Client address as Express resolves it (X-Forwarded-For only from TRUST_PROXY). */
  ip: string;
  userAgent: string | null;
}

export const ClientContext = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<Request>();
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip ?? request.socket.remoteAddress ?? 'unknown',
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 200) : null,
  };
});
