import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@compact-voices/contracts';
import { fieldMessage, type FieldMessage } from './form-errors';

// The shape of every request (lengths, formats, choices) is checked by its schema from contracts
// (hooks/use-form). What is here is checked by the API beyond a request's shape, and said before
// sending so people hear about it first; the API stays the judge (its answers are mapped to the same fields).

/** Characters as people count them (an emoji is one), not UTF-16 units. */
export function characterCount(value: string): number {
  return [...value].length;
}

/** A password being chosen: the policy's length rule. (Whether it is too common, only the API can tell.) */
export function checkNewPassword(value: string): FieldMessage | undefined {
  if (!value) return fieldMessage('newPasswordRequired');
  const length = characterCount(value);
  if (length < PASSWORD_MIN_LENGTH) return fieldMessage('passwordTooShort', { min: PASSWORD_MIN_LENGTH });
  if (length > PASSWORD_MAX_LENGTH) return fieldMessage('passwordTooLong', { max: PASSWORD_MAX_LENGTH });
  return undefined;
}

/** A password being entered to prove who one is: only that it is there. */
export function checkCurrentPassword(value: string): FieldMessage | undefined {
  return value ? undefined : fieldMessage('passwordRequired');
}
