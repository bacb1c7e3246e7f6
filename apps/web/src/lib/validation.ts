import { DISPLAY_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@compact-voices/contracts';
import { fieldMessage, type FieldMessage } from './form-errors';

// Client-side checks mirror the API's rules so people hear about a mistake before sending;
// the API stays the judge (its answers are mapped to the same fields).

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Characters as people count them (an emoji is one), not UTF-16 units. */
export function characterCount(value: string): number {
  return [...value].length;
}

export function checkEmail(value: string): FieldMessage | undefined {
  const email = value.trim();
  if (!email) return fieldMessage('emailRequired');
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email)) return fieldMessage('emailInvalid');
  return undefined;
}

/** A password being chosen: the length rule. (Whether it is too common, only the API can tell.) */
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

export function checkDisplayName(value: string): FieldMessage | undefined {
  const name = value.trim();
  if (!name) return fieldMessage('displayNameRequired');
  if (characterCount(name) > DISPLAY_NAME_MAX_LENGTH) return fieldMessage('tooLongMax', { max: DISPLAY_NAME_MAX_LENGTH });
  return undefined;
}

export function checkRequired(value: string, key: Parameters<typeof fieldMessage>[0] = 'required'): FieldMessage | undefined {
  return value.trim() ? undefined : fieldMessage(key);
}

/** An organisation's name: required, 2 to 200 characters (the API's rule). */
export function checkOrganisationName(value: string): FieldMessage | undefined {
  const name = value.trim();
  if (!name) return fieldMessage('organisationNameRequired');
  if (characterCount(name) < 2) return fieldMessage('tooShort');
  if (characterCount(name) > 200) return fieldMessage('tooLongMax', { max: 200 });
  return undefined;
}

/** An optional web address: empty, or http(s) with a host. */
export function checkOptionalUrl(value: string): FieldMessage | undefined {
  const url = value.trim();
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.includes('.')) return undefined;
  } catch {
    // fall through
  }
  return fieldMessage('urlInvalid');
}

/** Drop the undefined entries, so "no errors" is an empty object. */
export function compactErrors<F extends string>(errors: Record<F, FieldMessage | undefined>): Partial<Record<F, FieldMessage>> {
  const result: Partial<Record<F, FieldMessage>> = {};
  for (const [field, message] of Object.entries(errors) as Array<[F, FieldMessage | undefined]>) {
    if (message) result[field] = message;
  }
  return result;
}
