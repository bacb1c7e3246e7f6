import { SetMetadata } from '@nestjs/common';

/**
 * Who may call a route. Every controller method declares one (deny by default): the global
 * AccessGuard refuses undeclared routes, and a test walks every route to prove none is missing.
 * Roles join this union as the identity module lands.
 */
export type AccessPolicy = 'public';

export const ACCESS_POLICY = 'compact-voices:access';

export const Access = (policy: AccessPolicy) => SetMetadata(ACCESS_POLICY, policy);

/** Anyone, signed in or not. */
export const Public = () => Access('public');
