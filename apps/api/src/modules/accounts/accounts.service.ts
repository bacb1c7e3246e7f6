import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DataSource } from 'typeorm';
import { ErrorCode, type AcceptedResponse, type AuthResponse } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { announceSessionsRevoked } from '../../core/auth/session-events.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { RateLimitService, TooManyRequestsException } from '../../core/security/rate-limit.service.js';
import { MailService, type OutgoingMail } from '../mail/mail.service.js';
import { addressLimitKey } from '../../core/security/client-address.js';
import { AccountsRepository, canonicalMailbox, newPseudonym, normaliseEmail } from './accounts.repository.js';
import type { SignUpDto } from './dto/auth.dto.js';
import { PasswordService } from './password.service.js';
import { assertDisplayNameAllowed } from './reserved-names.js';
import type { RequestContext } from '../../core/http/client-context.js';
import { SessionTokensService, hashToken } from './session-tokens.service.js';

/** A rotated refresh token presented again within this window is a retry (two tabs, a flaky phone), not theft. */
const REFRESH_GRACE_MS = 10_000;
const VERIFY_TTL_MINUTES = 24 * 60;
const RESET_TTL_MINUTES = 60;

export interface IssuedSession extends AuthResponse {
  refreshToken: string;
}

function invalidCredentials(): ApiException {
  return new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.INVALID_CREDENTIALS, 'The email or password is not correct');
}

function invalidRefresh(): ApiException {
  return new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.INVALID_TOKEN, 'The session has ended; sign in again');
}

function invalidMailToken(): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_TOKEN, 'This link is invalid, already used or expired');
}

/**
 * Sign-up, verification, sign-in, refresh rotation, sign-out and password reset. Answers never
 * reveal whether an address has an account: same status, same body, same work.
 */
@Injectable()
export class AccountsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Security');
  /** Mail work started after an answer (afterAnswer), awaited at shutdown. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: SessionTokensService,
    private readonly rateLimits: RateLimitService,
    private readonly mail: MailService,
    private readonly secrets: AppSecrets,
    private readonly config: AppConfig,
    private readonly emitter: EventEmitter2,
  ) {}

  async signUp(dto: SignUpDto, context: RequestContext): Promise<AcceptedResponse> {
    await this.rateLimits.consume('authPerIp', context.ip);
    await this.rateLimits.consume('signUpsPerAddress', addressLimitKey(context.ip));
    this.passwords.assertAcceptable(dto.password, [dto.email, dto.displayName]);
    assertDisplayNameAllowed(dto.displayName);
    const email = normaliseEmail(dto.email);
    const mailbox = canonicalMailbox(dto.email);
    // Counted for every mailbox, registered or not, so a 429 says nothing about it; only after the
    // password and name passed, so someone correcting a refused form does not use up their day.
    await this.rateLimits.consume('signUpsPerMailbox', mailbox);
    // Hash in both branches so an existing address costs the same time as a new one.
    const passwordHash = await this.passwords.hash(dto.password);
    const created = await this.insertUser(dto, email, mailbox, passwordHash);
    if (created) {
      const { token, hash } = this.tokens.newMailToken();
      await this.accounts.createMailToken(this.dataSource.manager, created, 'verify-email', hash, VERIFY_TTL_MINUTES);
      await this.sendMail({
        to: dto.email.trim(),
        kind: 'verify-email',
        locale: dto.locale ?? 'en',
        displayName: dto.displayName,
        link: `${this.config.publicUrl}/verify-email#token=${token}`,
      });
    } else {
      // The address, or another spelling of its mailbox, has an account: its owner hears of the attempt.
      const existing = await this.accounts.credentialsByMailbox(dto.email);
      if (existing) {
        await this.sendMail({
          to: existing.email,
          kind: 'account-exists',
          locale: existing.locale,
          displayName: existing.displayName,
          link: `${this.config.publicUrl}/forgot-password`,
        });
      }
    }
    return { status: 'verification-sent' };
  }

  async verifyEmail(token: string, context: RequestContext): Promise<AcceptedResponse> {
    await this.rateLimits.consume('authPerIp', context.ip);
    const userId = await this.accounts.transaction(async (manager) => {
      const id = await this.accounts.consumeMailToken(manager, 'verify-email', hashToken(token));
      if (id) await this.accounts.markEmailVerified(manager, id);
      return id;
    });
    if (!userId) throw invalidMailToken();
    return { status: 'accepted' };
  }

  /**
   * Known address or not, the answer comes after the same work — the limit and one lookup — and
   * the token and the mail follow it (`afterAnswer`), so neither the time nor the reply tells
   * whether the address has an account.
   */
  async resendVerification(emailInput: string, context: RequestContext): Promise<AcceptedResponse> {
    await this.rateLimits.consume('authPerIp', context.ip);
    const user = await this.accounts.credentialsByEmail(emailInput);
    if (user && !user.emailVerified) {
      this.afterAnswer('verify-email', async () => {
        const { token, hash } = this.tokens.newMailToken();
        await this.accounts.createMailToken(this.dataSource.manager, user.id, 'verify-email', hash, VERIFY_TTL_MINUTES);
        await this.sendMail({
          to: user.email,
          kind: 'verify-email',
          locale: user.locale,
          displayName: user.displayName,
          link: `${this.config.publicUrl}/verify-email#token=${token}`,
        });
      });
    }
    return { status: 'verification-sent' };
  }

  /**
   * Failed sign-ins count per (account, client): the client's address, or — from a browser that
   * signed in to this account before (`knownDevice`) — that device. Five a minute, then twenty an
   * hour, and the wait is that client's alone: someone else's failures never lock the owner out of
   * their own device or another network, and a mailed reset link always gets them in. Across every
   * client, an account's failures past the hourly ceiling raise an alert in the log, never a lock.
   */
  async signIn(
    emailInput: string,
    password: string,
    context: RequestContext,
    knownDevice: (userId: string) => string | null = () => null,
  ): Promise<IssuedSession> {
    await this.rateLimits.consume('authPerIp', context.ip);
    const accountKey = normaliseEmail(emailInput);
    const user = await this.accounts.credentialsByEmail(accountKey);
    const deviceId = user ? knownDevice(user.id) : null;
    const clientKey = `${accountKey}|${deviceId ? `device:${deviceId}` : addressLimitKey(context.ip)}`;
    await this.rateLimits.assertAvailable('signInFailuresPerMinute', clientKey);
    await this.rateLimits.assertAvailable('signInFailuresPerHour', clientKey);
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok) {
      await Promise.all([
        this.rateLimits.consume('signInFailuresPerMinute', clientKey).catch(swallowLimit),
        this.rateLimits.consume('signInFailuresPerHour', clientKey).catch(swallowLimit),
        this.noteAccountFailure(accountKey, user?.id ?? null),
      ]);
      this.logger.warn({ event: 'auth.sign_in_failed', userId: user?.id ?? null }, 'sign-in failed');
      throw invalidCredentials();
    }
    // The right password proves this client is the owner: its earlier slips no longer count.
    await Promise.all([
      this.rateLimits.reset('signInFailuresPerMinute', clientKey),
      this.rateLimits.reset('signInFailuresPerHour', clientKey),
    ]);
    // A suspended account signs in read-only, to see why and to appeal: the response's
    // `user.suspendedUntil` says so (only after the password proved who is asking), and the
    // AccessGuard refuses its writes until then.
    if (user.suspendedUntil) this.logger.warn({ event: 'auth.sign_in_suspended', userId: user.id }, 'signed in read-only: suspended');
    else this.logger.log({ event: 'auth.sign_in', userId: user.id }, 'signed in');
    return this.openSession(user.id, context);
  }

  /** The account-wide ceiling: an alert (at most one an hour per account), never a lock. */
  private async noteAccountFailure(accountKey: string, userId: string | null): Promise<void> {
    try {
      await this.rateLimits.consume('signInFailuresPerAccount', accountKey);
    } catch (error) {
      swallowLimit(error);
      try {
        await this.rateLimits.consume('signInCeilingAlerts', accountKey);
        this.logger.warn(
          { event: 'auth.account_failure_ceiling', userId },
          'many failed sign-ins for one account from many clients: a password-guessing attack is likely',
        );
      } catch (alerted) {
        swallowLimit(alerted);
      }
    }
  }

  async refresh(rawToken: unknown): Promise<IssuedSession> {
    const tokenId = this.tokens.parseRefreshToken(rawToken);
    if (!tokenId) throw invalidRefresh();
    const outcome = await this.accounts.transaction(async (manager) => {
      const row = await this.accounts.lockRefreshToken(manager, tokenId);
      if (!row || row.tokenHash !== hashToken(String(rawToken)) || row.expired || !row.sessionValid) return { kind: 'invalid' as const };
      if (row.rotatedAt) {
        const successorId = row.successorId;
        if (
          successorId &&
          (await this.accounts.isUnrotated(manager, successorId)) &&
          Date.now() - new Date(row.rotatedAt).getTime() <= REFRESH_GRACE_MS
        ) {
          return { kind: 'ok' as const, userId: row.userId, sessionId: row.sessionId, refreshTokenId: successorId };
        }
        const revoked = await this.accounts.revokeSessions(manager, { sessionId: row.sessionId }, 'refresh-token-reuse');
        return { kind: 'reused' as const, userId: row.userId, sessionId: row.sessionId, revoked };
      }
      const successorId = randomUUID();
      await this.accounts.rotateRefreshToken(
        manager,
        tokenId,
        successorId,
        hashToken(this.tokens.refreshTokenFor(successorId)),
        row.sessionId,
      );
      return { kind: 'ok' as const, userId: row.userId, sessionId: row.sessionId, refreshTokenId: successorId };
    });
    if (outcome.kind === 'reused') {
      announceSessionsRevoked(this.emitter, outcome.revoked);
      this.logger.warn(
        { event: 'auth.refresh_token_reused', userId: outcome.userId, sessionId: outcome.sessionId },
        'refresh token reused: session revoked',
      );
    }
    if (outcome.kind !== 'ok') throw invalidRefresh();
    return this.issue(outcome.userId, outcome.sessionId, this.tokens.refreshTokenFor(outcome.refreshTokenId));
  }

  /** Ends the session of the refresh cookie, or of the access token; idempotent. */
  async signOut(rawToken: unknown, sessionId: string | undefined): Promise<void> {
    const tokenId = this.tokens.parseRefreshToken(rawToken);
    const target = sessionId ?? (tokenId ? await this.accounts.sessionOfRefreshToken(tokenId) : undefined);
    if (target)
      announceSessionsRevoked(this.emitter, await this.accounts.revokeSessions(this.dataSource.manager, { sessionId: target }, 'sign-out'));
  }

  /** As resendVerification: the same work before the answer for every address, the token and mail after it. */
  async requestPasswordReset(emailInput: string, context: RequestContext): Promise<AcceptedResponse> {
    await this.rateLimits.consume('authPerIp', context.ip);
    const user = await this.accounts.credentialsByEmail(emailInput);
    if (user) {
      this.afterAnswer('password-reset', async () => {
        const { token, hash } = this.tokens.newMailToken();
        await this.accounts.createMailToken(this.dataSource.manager, user.id, 'password-reset', hash, RESET_TTL_MINUTES);
        await this.sendMail({
          to: user.email,
          kind: 'password-reset',
          locale: user.locale,
          displayName: user.displayName,
          link: `${this.config.publicUrl}/reset-password#token=${token}`,
        });
      });
    }
    return { status: 'reset-sent' };
  }

  /**
   * Runs `task` once the current request has been answered; a failure is logged, never thrown at the
   * caller (who was already told "sent"). The shutdown waits for tasks still running.
   */
  private afterAnswer(kind: string, task: () => Promise<void>): void {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(task)
      .catch((error: unknown) =>
        this.logger.error(
          { event: 'mail.deferred_failed', kind, err: (error as Error).message },
          'a mailed link could not be prepared or sent',
        ),
      )
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  /**
   * A new password from a mail link: every session ends, and the account's sign-in lock is lifted —
   * the out-of-band way back in for someone an attacker tried to lock out.
   */
  async confirmPasswordReset(token: string, password: string, context: RequestContext): Promise<AcceptedResponse> {
    await this.rateLimits.consume('authPerIp', context.ip);
    this.passwords.assertAcceptable(password);
    const passwordHash = await this.passwords.hash(password);
    let revoked: string[] = [];
    const userId = await this.accounts.transaction(async (manager) => {
      const id = await this.accounts.consumeMailToken(manager, 'password-reset', hashToken(token));
      if (!id) return undefined;
      // An older reset link, or a verification link, must not outlive the new password.
      await this.accounts.invalidateMailTokens(manager, id);
      await this.accounts.setPassword(manager, id, passwordHash);
      revoked = await this.accounts.revokeSessions(manager, { userId: id }, 'password-reset');
      return id;
    });
    if (!userId) throw invalidMailToken();
    announceSessionsRevoked(this.emitter, revoked);
    // The owner's own wait, from where they reset, ends with it (others' waits are theirs).
    const user = await this.accounts.credentialsById(userId);
    if (user) {
      const key = `${normaliseEmail(user.email)}|${addressLimitKey(context.ip)}`;
      await this.rateLimits.reset('signInFailuresPerMinute', key);
      await this.rateLimits.reset('signInFailuresPerHour', key);
    }
    this.logger.log({ event: 'auth.password_reset', userId }, 'password reset');
    return { status: 'accepted' };
  }

  async openSession(userId: string, context: RequestContext): Promise<IssuedSession> {
    const refreshTokenId = randomUUID();
    const refreshToken = this.tokens.refreshTokenFor(refreshTokenId);
    const sessionId = await this.accounts.transaction((manager) =>
      this.accounts.createSession(manager, {
        userId,
        refreshTokenId,
        refreshTokenHash: hashToken(refreshToken),
        ttlDays: this.config.auth.sessionTtlDays,
        userAgent: context.userAgent,
        ipHash: this.secrets.hashClientAddress(context.ip),
      }),
    );
    return this.issue(userId, sessionId, refreshToken);
  }

  private async issue(userId: string, sessionId: string, refreshToken: string): Promise<IssuedSession> {
    const user = await this.accounts.me(userId);
    if (!user) throw invalidRefresh();
    return { ...this.tokens.signAccessToken(userId, sessionId), user, refreshToken };
  }

  /** The new account's id; undefined when the mailbox (or, after a merge-free backfill, the exact address) already has one. */
  private async insertUser(dto: SignUpDto, email: string, mailbox: string, passwordHash: string): Promise<string | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await this.accounts.insertUser({
          email: dto.email.trim(),
          emailNormalized: email,
          mailbox,
          displayName: dto.displayName,
          passwordHash,
          locale: dto.locale ?? 'en',
          pseudonym: newPseudonym(),
          privacyMode: dto.privacyMode ?? 'public',
          stakeholderType: dto.stakeholderType ?? 'individual',
        });
      } catch (error) {
        const constraint = (error as { constraint?: string }).constraint;
        // An address whose mailbox was freed by erasing its older twin still has its own account.
        if (constraint === 'app_user_email_normalized_key') return undefined;
        // A pseudonym collision (about one in a billion): draw another.
        if (constraint !== 'app_user_pseudonym_key') throw error;
      }
    }
    throw new Error('Could not allocate a unique pseudonym');
  }

  /** Mail is best effort for the request (the account exists either way) and limited per address. */
  private async sendMail(mail: OutgoingMail): Promise<void> {
    try {
      await this.rateLimits.consume('mailPerAddress', canonicalMailbox(mail.to));
      await this.mail.send(mail);
    } catch (error) {
      if (error instanceof TooManyRequestsException) return;
      this.logger.error({ event: 'mail.failed', kind: mail.kind, err: (error as Error).message }, 'mail could not be sent');
    }
  }
}

function swallowLimit(error: unknown): void {
  if (!(error instanceof TooManyRequestsException)) throw error;
}
