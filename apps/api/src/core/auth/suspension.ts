import { HttpStatus, SetMetadata } from '@nestjs/common';
import { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from '../errors/api.exception.js';
import type { AuthUser } from './auth-user.js';

export const ALLOW_WHILE_SUSPENDED = 'compact-voices:allow-while-suspended';

/**
 * A write a globally suspended account may still make: what it needs to learn why and to answer
 * (appeal, read its notifications) and what it is always owed (sign out, refresh, export or erase
 * its data). Every other write of a suspended principal is refused by the AccessGuard.
 */
export const AllowWhileSuspended = () => SetMetadata(ALLOW_WHILE_SUSPENDED, true);

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A global sanction in force: the account reads (and appeals) only, until the date. */
export function assertNotSuspended(user: AuthUser | undefined, method: string, allowed: boolean): void {
  if (!user?.suspendedUntil || allowed || READS.has(method.toUpperCase())) return;
  throw new ApiException(
    HttpStatus.FORBIDDEN,
    ErrorCode.ACCOUNT_SUSPENDED,
    `This account is suspended until ${user.suspendedUntil}; it can read and appeal only`,
    [{ field: 'account', reason: 'suspended', message: user.suspendedUntil }],
  );
}
