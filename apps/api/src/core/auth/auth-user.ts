import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@compact-voices/contracts';

/** The authenticated caller, as the JWT strategy loads it (session checked live on every request). */
export interface AuthUser {
  id: string;
  sessionId: string;
  roles: Role[];
  emailVerified: boolean;
  /** Set while a global sanction is in force: the account may read and appeal, nothing else (see suspension.ts). */
  suspendedUntil?: string | null;
}

/** A platform administrator (role "admin"): the secretariat, who may see drafts and act in every round. */
export function isAdmin(viewer: AuthUser | undefined): boolean {
  return viewer?.roles.includes('admin') ?? false;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
