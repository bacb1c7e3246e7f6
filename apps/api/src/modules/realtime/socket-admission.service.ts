import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ACCESS_TOKEN_VERIFY_OPTIONS, loadPrincipal, type AccessTokenPayload } from '../../core/auth/jwt.strategy.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppConfig } from '../../config/app-config.js';
import { acceptRequestId } from '../../core/logging/logging.options.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { addressLimitKey, clientAddressOf, type TrustProxyFn } from '../../core/security/client-address.js';
import type { LiveNamespace, LiveSocket } from './live-socket.js';

const MAX_SOCKETS_PER_USER = 10;

/**
 * Who may open a live socket, and how many: the handshake's token (none is fine: read-only; a bad
 * one is refused), signed-out sockets per client address, sockets per person; a socket does not
 * outlive its token. Counts are per instance.
 */
@Injectable()
export class SocketAdmission {
  private readonly socketsPerUser = new Map<string, number>();
  private readonly anonymousPerAddress = new Map<string, number>();

  constructor(
    private readonly jwt: JwtService,
    private readonly secrets: AppSecrets,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** The handshake check, as namespace middleware. */
  guard(namespace: LiveNamespace): void {
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const data = socket.data;
      data.window = { started: Date.now(), count: 0, violations: 0 };
      data.requestId = acceptRequestId(socket.handshake.headers['x-request-id']);
      if (token === undefined || token === null || token === '') {
        const address = addressLimitKey(clientAddressOf(socket.request, this.trustProxy()));
        const open = this.anonymousPerAddress.get(address) ?? 0;
        // Signed-out sockets per client address on this instance (LIVE_ANONYMOUS_SOCKETS_PER_ADDRESS).
        if (open >= this.config.liveAnonymousSocketsPerAddress) {
          next(new Error('TOO_MANY_CONNECTIONS'));
          return;
        }
        this.anonymousPerAddress.set(address, open + 1);
        data.anonymousAddress = address;
        next();
        return;
      }
      this.authenticate(token)
        .then((principal) => {
          if (!principal) return next(new Error('INVALID_TOKEN'));
          // A suspended account may read the API to appeal, but gets no live presence.
          if (principal.user.suspendedUntil) return next(new Error('ACCOUNT_SUSPENDED'));
          if ((this.socketsPerUser.get(principal.user.id) ?? 0) >= MAX_SOCKETS_PER_USER) return next(new Error('TOO_MANY_CONNECTIONS'));
          data.user = principal.user;
          data.tokenExpiresAt = principal.expiresAt;
          next();
        })
        .catch(() => next(new Error('UNAVAILABLE')));
    });
  }

  /** A socket that passed the handshake: counted, in its person's rooms, cut when its token expires. */
  admitted(socket: LiveSocket): void {
    const { user, tokenExpiresAt } = socket.data;
    if (!user) return;
    this.socketsPerUser.set(user.id, (this.socketsPerUser.get(user.id) ?? 0) + 1);
    void socket.join([`user:${user.id}`, `session:${user.sessionId}`]);
    // A socket does not outlive its token: the client reconnects with a fresh one.
    if (tokenExpiresAt) {
      const timer = setTimeout(() => socket.disconnect(true), Math.max(0, tokenExpiresAt - Date.now()));
      timer.unref();
      socket.once('disconnect', () => clearTimeout(timer));
    }
  }

  /** A socket that went away no longer counts against its address or person. */
  released(socket: LiveSocket): void {
    const address = socket.data.anonymousAddress;
    if (address) {
      const remaining = (this.anonymousPerAddress.get(address) ?? 1) - 1;
      if (remaining > 0) this.anonymousPerAddress.set(address, remaining);
      else this.anonymousPerAddress.delete(address);
    }
    const user = socket.data.user;
    if (user) {
      const remaining = (this.socketsPerUser.get(user.id) ?? 1) - 1;
      if (remaining > 0) this.socketsPerUser.set(user.id, remaining);
      else this.socketsPerUser.delete(user.id);
    }
  }

  /** The HTTP app's own `trust proxy` rule, so a socket's address is read exactly as a request's is. */
  private trustProxy(): TrustProxyFn {
    const express = this.adapterHost.httpAdapter?.getInstance() as { get?: (name: string) => unknown } | undefined;
    const trust = express?.get?.('trust proxy fn');
    return typeof trust === 'function' ? (trust as TrustProxyFn) : () => false;
  }

  private async authenticate(token: unknown): Promise<{ user: AuthUser; expiresAt: number } | undefined> {
    if (typeof token !== 'string' || token.length > 2_000) return undefined;
    let payload: AccessTokenPayload & { exp?: number };
    try {
      payload = await this.jwt.verifyAsync(token, { secret: this.secrets.accessTokenKey, ...ACCESS_TOKEN_VERIFY_OPTIONS });
    } catch {
      return undefined;
    }
    const user = await loadPrincipal(this.dataSource, payload);
    return user ? { user, expiresAt: (payload.exp ?? 0) * 1000 } : undefined;
  }
}
