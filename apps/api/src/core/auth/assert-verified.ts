import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from '../errors/api.exception.js';
import type { AuthUser } from './auth-user.js';

/** Contributions (comments, reactions, ratings, official status) need a confirmed email address. */
export function assertVerified(user: AuthUser): void {
  if (!user.emailVerified) {
    throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.EMAIL_NOT_VERIFIED, 'Confirm your email address before contributing');
  }
}
