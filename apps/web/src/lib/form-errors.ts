import { ErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type ErrorDetail } from '@compact-voices/contracts';
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

export function fieldMessage(key: FormErrorKey, values?: Record<string, string | number>): FieldMessage {
  return values ? { key: `form.errors.${key}`, values } : { key: `form.errors.${key}` };
}

/** How a server detail's `reason` reads to a person. Unknown reasons get the generic "not valid". */
const REASON_MESSAGES: Record<string, FormErrorKey> = {
  isNotEmpty: 'required',
  isDefined: 'required',
  required: 'required',
  isEmail: 'emailInvalid',
  email: 'emailInvalid',
  maxLength: 'tooLong',
  minLength: 'tooShort',
  isUrl: 'urlInvalid',
  url: 'urlInvalid',
  isIn: 'invalidChoice',
  isEnum: 'invalidChoice',
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

export function reasonMessage(reason: string | undefined): FieldMessage {
  const key = (reason && REASON_MESSAGES[reason]) || 'invalid';
  return fieldMessage(key, REASON_VALUES[key]);
}

export interface ServerErrorMapping<F extends string> {
  /** The form's fields; a detail whose field (without `body.`) has the same name lands there. */
  fields: readonly F[];
  /** Other names the API uses for a field, e.g. `{ password: 'newPassword' }`. */
  aliases?: Readonly<Record<string, F>>;
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

function detailField<F extends string>(detail: ErrorDetail, mapping: ServerErrorMapping<F>): F | null {
  const name = detail.field.replace(/^body\./, '');
  const alias = mapping.aliases?.[name];
  if (alias) return alias;
  return (mapping.fields as readonly string[]).includes(name) ? (name as F) : null;
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
    else fieldErrors[field] ??= reasonMessage(detail.reason);
  }
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors, formError: unmapped ? error : null };

  const codeField = mapping.codes?.[error.code];
  if (codeField && hasErrorMessage(error.code)) {
    return { fieldErrors: { [codeField]: { key: `errors.${error.code as ErrorCodeKey}` } } as FieldErrors<F>, formError: null };
  }
  return { fieldErrors: {}, formError: error };
}
