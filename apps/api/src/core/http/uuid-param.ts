import { HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import type { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from '../errors/api.exception.js';

/** A UUID path parameter; anything else answers like an id that does not exist (404 with the given code). */
export function UuidParam(name: string, notFound: ErrorCode): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ exceptionFactory: () => new ApiException(HttpStatus.NOT_FOUND, notFound, `No such ${name}`) }));
}
