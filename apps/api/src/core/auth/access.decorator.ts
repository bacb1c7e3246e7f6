import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@compact-voices/contracts';

/**
 * Who may call a route. Every controller method declares one (deny by default): the global
 * AccessGuard refuses undeclared routes, and a test walks every route × role to prove it.
 * Finer rules (author of this comment, admin of this organisation) are checked in the service.
 */
export type AccessPolicy = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

export const ACCESS_POLICY = 'compact-voices:access';

/** The policy, for the guard and (as `x-access`, turned into `security` and 4xx answers) for the OpenAPI document. */
export const Access = (policy: AccessPolicy) => applyDecorators(SetMetadata(ACCESS_POLICY, policy), ApiExtension('x-access', policy));

/** Anyone, signed in or not. A bearer token, if sent, must still be valid. */
export const Public = () => Access({ kind: 'public' });

/** Any signed-in account. */
export const Authenticated = () => Access({ kind: 'authenticated' });

/** Signed in with at least one of these roles. */
export const Roles = (...roles: Role[]) => Access({ kind: 'roles', roles });
