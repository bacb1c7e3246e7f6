import { ErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type ErrorDetail } from '@compact-voices/contracts';
import { issueReason } from '@compact-voices/contracts/schemas';
import type { z } from 'zod';
import type en from '../locales/en/translation.json';
import { isApiError } from './api-client';
import { hasErrorMessage } from './error-message';

type PluralSuffix = `_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`;
export type FormErrorKey = keyof (typeof en)['form']['errors'];
export type ErrorCodeKey = Exclude<keyof (typeof en)['errors'], `${string}${PluralSuffix}` | 'generic'>;

/** A field's error, kept as a translation key so it follows a change of language. */
export type FieldMessage =
  { key: `form.errors.${FormErrorKey}`; values?: Record<string, string | number> } | { key: `errors.${ErrorCodeKey}`; values?: undefined };

export type FieldErrors<F extends string> = Partial<Record<F, FieldMessage>>;

/**
 * Per field, a more specific message for a generic one: `{ email: { required: 'emailRequired' } }`
 * says "Enter your email address." where another field would say "This field is required.".
 * Applied to the form's own checks and to the API's answers alike.
 */
export type MessageOverrides<F extends string> = Partial<Record<F, Partial<Record<FormErrorKey, FormErrorKey>>>>;

export function fieldMessage(key: FormErrorKey, values?: Record<string, string | number>): FieldMessage {
  return values ? { key: `form.errors.${key}`, values } : { key: `form.errors.${key}` };
}

/**
 * How a `reason` reads to a person: the reasons of the API's 400 details, which are the reasons of
 * the shared request schemas' issues (`issueReason` in contracts), so a rule broken in the browser
 * and the same rule broken at the API read the same. Unknown reasons get the generic "not valid".
 */
const REASON_MESSAGES: Record<string, FormErrorKey> = {
  isNotEmpty: 'required',
  isDefined: 'required',
  required: 'required',
  blank: 'required',
  arrayMinSize: 'required',
  isEmail: 'emailInvalid',
  email: 'emailInvalid',
  maxLength: 'tooLong',
  minLength: 'tooShort',
  isUrl: 'urlInvalid',
  url: 'urlInvalid',
  isIn: 'invalidChoice',
  isEnum: 'invalidChoice',
  oneLine: 'oneLine',
  tooShort: 'passwordTooShort',
  tooLong: 'passwordTooLong',
  common: 'passwordCommon',
  incorrect: 'passwordIncorrect',
  beforeOpensAt: 'closesBeforeOpens',
  scoreOrDontKnow: 'chooseRating',
  notInScope: 'notInScope',
  reserved: 'displayNameReserved',
};

/** Placeholders some messages need ("Use at least {{min}} characters"). */
const REASON_VALUES: Partial<Record<FormErrorKey, Record<string, number>>> = {
  passwordTooShort: { min: PASSWORD_MIN_LENGTH },
  passwordTooLong: { max: PASSWORD_MAX_LENGTH },
};

function keyMessage(key: FormErrorKey, override?: Partial<Record<FormErrorKey, FormErrorKey>>): FieldMessage {
  const chosen = override?.[key] ?? key;
  return fieldMessage(chosen, REASON_VALUES[chosen]);
}

export function reasonMessage(reason: string | undefined, override?: Partial<Record<FormErrorKey, FormErrorKey>>): FieldMessage {
  return keyMessage((reason && REASON_MESSAGES[reason]) || 'invalid', override);
}

/**
 * The message of an issue found in the browser by a shared request schema: its reason (as the API
 * would report it) through the same map. An empty field's issue, whatever rule the empty value
 * broke, reads as "required" (an empty email address is missing, not malformed); a length limit
 * the issue knows is said with its number.
 */
export function issueMessage(
  issue: z.core.$ZodIssue,
  options: { empty?: boolean; override?: Partial<Record<FormErrorKey, FormErrorKey>> } = {},
): FieldMessage {
  if (options.empty) return keyMessage('required', options.override);
  const reason = issueReason(issue);
  if (reason === 'maxLength' && issue.code === 'too_big' && !options.override?.tooLong) {
    return fieldMessage('tooLongMax', { max: Number(issue.maximum) });
  }
  return reasonMessage(reason, options.override);
}

export interface FieldMapping<F extends string> {
  /** The form's fields; an issue or detail whose field has the same name lands there. */
  fields: readonly F[];
  /** Other names a field has in the request, e.g. `{ newPassword: 'password' }` or `{ 'title.en': 'titleEn' }`. */
  aliases?: Readonly<Record<string, F>>;
  messages?: MessageOverrides<F>;
}

export interface ServerErrorMapping<F extends string> extends FieldMapping<F> {
  /** Error codes that are about one field (e.g. ORGANISATION_EXISTS → name), shown there as errors.<CODE>. */
  codes?: Readonly<Partial<Record<string, F>>>;
  /** The field a WEAK_PASSWORD answer is about. */
  password?: F;
}

export interface MappedServerError<F extends string> {
  fieldErrors: FieldErrors<F>;
  /** What could not be tied to a field (shown at the top of the form); null when everything was. */
  formError: unknown;
}

/**
 * The form field a dotted request path is about (`body.` dropped, as the API's details carry it):
 * the field or an alias of that name, else of the nearest enclosing path (`countryIso3s.2` is about
 * `countryIso3s`); null when none.
 */
export function fieldForPath<F extends string>(path: string, mapping: FieldMapping<F>): F | null {
  const parts = path.replace(/^body\./, '').split('.');
  for (let length = parts.length; length > 0; length--) {
    const name = parts.slice(0, length).join('.');
    const alias = mapping.aliases?.[name];
    if (alias) return alias;
    if ((mapping.fields as readonly string[]).includes(name)) return name as F;
  }
  return null;
}

function detailField<F extends string>(detail: ErrorDetail, mapping: ServerErrorMapping<F>): F | null {
  return detail.field ? fieldForPath(detail.field, mapping) : null;
}

/**
 * Spread an API error over the form: per-field messages where the API says which field (its
 * details, or a code the form ties to a field), the rest form-wide.
 */
export function mapServerError<F extends string>(error: unknown, mapping: ServerErrorMapping<F>): MappedServerError<F> {
  if (!isApiError(error)) return { fieldErrors: {}, formError: error };

  if (error.code === ErrorCode.WEAK_PASSWORD && mapping.password) {
    return {
      fieldErrors: { [mapping.password]: reasonMessage(error.details[0]?.reason) } as FieldErrors<F>,
      formError: null,
    };
  }

  const fieldErrors: FieldErrors<F> = {};
  let unmapped = false;
  for (const detail of error.details) {
    const field = detailField(detail, mapping);
    if (field === null) unmapped = true;
    else fieldErrors[field] ??= reasonMessage(detail.reason, mapping.messages?.[field]);
  }
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors, formError: unmapped ? error : null };

  const codeField = mapping.codes?.[error.code];
  if (codeField && hasErrorMessage(error.code)) {
    return { fieldErrors: { [codeField]: { key: `errors.${error.code as ErrorCodeKey}` } } as FieldErrors<F>, formError: null };
  }
  return { fieldErrors: {}, formError: error };
}
