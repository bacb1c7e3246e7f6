import { HttpStatus, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@compact-voices/contracts';
import { issueDetails } from '@compact-voices/contracts/schemas';
import { ApiException } from '../errors/api.exception.js';
import { hasRequestSchema } from './schema-dto.js';

/**
 * Checks every body, query and route-parameter object whose DTO was made by `SchemaDto` against its
 * request schema, and hands the handler the parsed value (trimmed, numbers from the query string).
 * Unknown fields are refused (strict objects). Anything else passes through untouched.
 */
export class SchemaValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!hasRequestSchema(metadata.metatype) || metadata.type === 'custom') return value;
    const result = metadata.metatype.schema.safeParse(value, { reportInput: true });
    if (result.success) return result.data;
    const details = issueDetails(result.error.issues);
    const first = details[0];
    throw new ApiException(
      HttpStatus.BAD_REQUEST,
      ErrorCode.VALIDATION_FAILED,
      first ? `Invalid input: ${first.field ? `${first.field}: ` : ''}${first.message}` : 'Invalid input',
      details,
    );
  }
}
