import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from '../errors/api.exception.js';
import { ACCESS_POLICY, type AccessPolicy } from './access.decorator.js';

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy === 'public') return true;
    // Undeclared: refuse. (The route-walk test fails the build before this can ship.)
    throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, 'This route is not available');
  }
}
