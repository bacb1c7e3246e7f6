import { HttpStatus, Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import pLimit, { type LimitFunction } from 'p-limit';
import { dictionary } from '@zxcvbn-ts/language-common';
import { ErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { TooManyRequestsException } from '../../core/security/rate-limit.service.js';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** ~50,000 most common passwords (zxcvbn's list), compared case-insensitively. */
const COMMON_PASSWORDS = new Set((dictionary['passwords-common'] as string[]).map((password) => password.toLowerCase()));

/** Queue this deep behind the hashing slots; beyond it, answer 429 at once instead of piling up. */
const MAX_QUEUED = 64;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common';

export function passwordProblem(password: string, context: string[] = []): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'tooLong';
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || context.some((value) => value && lowered === value.toLowerCase())) return 'common';
  return undefined;
}

/**
 * argon2id hashing with bounded concurrency, so a login flood cannot take every core; unknown
 * accounts are checked against a dummy hash so both paths cost the same (no timing oracle).
 */
@Injectable()
export class PasswordService implements OnModuleInit {
  private readonly limit: LimitFunction;
  private dummyHash = '';

  constructor(config: AppConfig) {
    this.limit = pLimit(config.auth.passwordHashConcurrency);
  }

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hash('compact-voices-dummy-password', ARGON2);
  }

  assertAcceptable(password: string, context: string[] = [], field = 'password'): void {
    const problem = passwordProblem(password, context);
    if (!problem) return;
    const messages: Record<PasswordProblem, string> = {
      tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
      tooLong: `Use at most ${PASSWORD_MAX_LENGTH} characters`,
      common: 'This password is too common or too easy to guess',
    };
    throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.WEAK_PASSWORD, messages[problem], [
      { field, reason: problem, message: messages[problem] },
    ]);
  }

  hash(password: string): Promise<string> {
    return this.bounded(() => hash(password, ARGON2));
  }

  /** Verifies against the stored hash, or against the dummy hash when there is none. */
  async verify(storedHash: string | null | undefined, password: string): Promise<boolean> {
    const ok = await this.bounded(() => verify(storedHash ?? this.dummyHash, password).catch(() => false));
    return ok && Boolean(storedHash);
  }

  private bounded<T>(task: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= MAX_QUEUED) return Promise.reject(new TooManyRequestsException(1));
    return this.limit(task);
  }
}
