import { SetMetadata } from '@nestjs/common';
import type { AuthUser } from './auth-user.js';
import { assertVerified } from './assert-verified.js';

export const ALLOW_UNVERIFIED = 'compact-voices:allow-unverified';

/**
 * A signed-in route an account may use before its address is confirmed: its own account (read,
 * correct, delete, export, sessions) and its notifications. Everything else that needs a session
 * answers `403 EMAIL_NOT_VERIFIED` until then, so a session of an unconfirmed account — someone who
 * registered an address that is not theirs — can do nothing but wait for the owner's confirmation.
 */
export const AllowUnverified = () => SetMetadata(ALLOW_UNVERIFIED, true);

export function assertVerifiedUnlessAllowed(user: AuthUser, allowed: boolean): void {
  if (!allowed) assertVerified(user);
}
