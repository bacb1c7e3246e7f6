import type { z } from 'zod';
import type { ErrorDetail } from '../errors.js';

/**
 * One detail per problem, with a dotted field path and a stable `reason` (the web maps reasons to
 * messages in the reader's language). A refinement names its own reason with `params: { reason }`.
 */
export function issueDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    // A value inside an array names the array: the field a person fills in (and the web maps) is the list.
    const path = issue.path.map(String);
    while (path.length > 0 && /^\d+$/.test(path[path.length - 1])) path.pop();
    const field = path.join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: field ? `${field}.${key}` : key,
        reason: 'unknownField',
        message: `${key} is not a known field`,
      }));
    }
    return [{ field, reason: issueReason(issue), message: issue.message }];
  });
}

export function issueReason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalidType';
    case 'too_big':
      return issue.origin === 'string' ? 'maxLength' : issue.origin === 'array' ? 'arrayMaxSize' : 'max';
    case 'too_small':
      return issue.origin === 'string' ? 'minLength' : issue.origin === 'array' ? 'arrayMinSize' : 'min';
    case 'invalid_value':
      return 'isIn';
    case 'invalid_format':
      return FORMAT_REASONS[issue.format] ?? 'matches';
    case 'not_multiple_of':
      return 'isInt';
    case 'custom':
      return typeof issue.params?.reason === 'string' ? issue.params.reason : 'invalid';
    default:
      return 'invalid';
  }
}

const FORMAT_REASONS: Record<string, string> = { email: 'isEmail', url: 'isUrl', guid: 'isUuid', uuid: 'isUuid', regex: 'matches' };
