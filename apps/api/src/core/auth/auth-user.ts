import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@compact-voices/contracts';

/** The authenticated caller, as the JWT strategy loads it (session checked live on every request). */
export interface AuthUser {
  id: string;
  sessionId: string;
  roles: Role[];
  emailVerified: boolean;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
