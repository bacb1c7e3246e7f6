import { HttpStatus, type ValidationError } from '@nestjs/common';
import { ErrorCode, type ErrorDetail } from '@compact-voices/contracts';
import { ApiException } from './api.exception.js';

/** Flattens class-validator errors (nested included) into `details` with dotted field paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([reason, message]) => ({
      field,
      reason: reason === 'whitelistValidation' ? 'unknownField' : reason,
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationException(errors: ValidationError[]): ApiException {
  const details = flattenValidationErrors(errors);
  const first = details[0];
  return new ApiException(
    HttpStatus.BAD_REQUEST,
    ErrorCode.VALIDATION_FAILED,
    first ? `Invalid input: ${first.message}` : 'Invalid input',
    details,
  );
}
