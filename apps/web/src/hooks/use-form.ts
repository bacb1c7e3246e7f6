import { ErrorCode } from '@compact-voices/contracts';
import { toNestErrors } from '@hookform/resolvers';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useForm as useHookForm, useWatch, type FieldError, type FieldValues, type Resolver } from 'react-hook-form';
import { z } from 'zod';
import { ApiError } from '../lib/api-client';
import {
  fieldForPath,
  issueMessage,
  mapServerError,
  type FieldErrors,
  type FieldMapping,
  type FieldMessage,
  type MessageOverrides,
  type ServerErrorMapping,
} from '../lib/form-errors';

/** A form's values, each of its own type (a string for a text box, a boolean for a checkbox, a list for a set of boxes). */
export type FormValues = FieldValues;
export type FieldName<V extends FormValues> = Extract<keyof V, string>;
/** The fields whose value is a T (a text box's field is a string). */
export type FieldOfType<V extends FormValues, T> = { [K in FieldName<V>]: V[K] extends T ? K : never }[FieldName<V>];

/** What a form builds for the request schema to check; a missing part is the schema's to report. */
export type RequestDraft<S extends z.ZodType> = Partial<z.input<S>>;

export interface UseFormOptions<V extends FormValues, S extends z.ZodType> {
  /** Prefix of the element ids (`<id>-<field>`), unique on the page. */
  id: string;
  /** The fields in page order; the error summary lists them in this order. */
  fields: readonly FieldName<V>[];
  defaultValues: V;
  /**
   * The request's schema from contracts (or a `pick` of the parts this form fills in): the form
   * refuses what the API would refuse, with the same reasons. Its output is what `handleSubmit`'s
   * action gets.
   */
  schema: S;
  /** The request the values make (trimmed, "none" left out, a local time as ISO…). */
  toRequest: (values: V) => RequestDraft<S>;
  /** Rules that are not the request's (a password's length, an end after a start…); checked after the schema. */
  validate?: (values: V) => FieldErrors<FieldName<V>>;
  /** Other names a field has in the request or the API's details, e.g. `{ 'title.en': 'titleEn' }`. */
  aliases?: Readonly<Record<string, FieldName<V>>>;
  /** A more specific message than the generic one for a field, e.g. `{ email: { required: 'emailRequired' } }`. */
  messages?: MessageOverrides<FieldName<V>>;
  /** How an API error spreads over the fields, beyond the details that name them. */
  serverErrors?: Pick<ServerErrorMapping<FieldName<V>>, 'codes' | 'password'>;
}

export interface FieldControlProps {
  id: string;
  name: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  onBlur: () => void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FormApi<V extends FormValues, R = unknown> {
  id: string;
  fields: readonly FieldName<V>[];
  values: V;
  errors: FieldErrors<FieldName<V>>;
  /** An error not tied to any field (wrong password, 429, offline…). */
  formError: unknown;
  submitting: boolean;
  /** Changes after each failed submit; the error summary shows from the first and takes focus each time. */
  failedSubmits: number;
  /** The error found when the last field lost focus, for a polite announcement. */
  blurError: { field: FieldName<V>; message: FieldMessage } | null;
  fieldId: (field: FieldName<V>) => string;
  hintId: (field: FieldName<V>) => string;
  errorId: (field: FieldName<V>) => string;
  setValue<K extends FieldName<V>>(field: K, value: V[K]): void;
  /** Checks a field when it loses focus after a change (the groups of radios and boxes call it themselves). */
  blur: (field: FieldName<V>) => void;
  /** Props for the <input>/<select>/<textarea> of a text field. `hasHint` adds the hint to aria-describedby. */
  control: (field: FieldOfType<V, string>, options?: { hasHint?: boolean }) => FieldControlProps;
  /** The submit handler: checks everything, then runs `action` with the request (the schema's output) and the values. */
  handleSubmit(action: (request: R, values: V) => Promise<unknown> | void): (event: FormEvent<HTMLFormElement>) => void;
  reset: (values?: V) => void;
}

/**
 * The most characters a string schema allows (through `.optional()`/`.nullable()`), for a field's
 * counter or `maxlength`: the limit is read from the request's schema, not written again.
 */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  let inner: unknown = schema;
  while (typeof (inner as { unwrap?: unknown }).unwrap === 'function') inner = (inner as { unwrap: () => unknown }).unwrap();
  // A limit counted in characters (the contracts' `chars`) is in the schema's metadata; zod's own `.max` is on the schema.
  const max =
    (z.globalRegistry.get(inner as z.ZodType)?.maxLength as number | undefined) ?? (inner as { maxLength?: number | null }).maxLength;
  return typeof max === 'number' ? max : undefined;
}

/** An error as react-hook-form keeps it, with the message as a translation key beside it. */
interface KeptError extends FieldError {
  fieldMessage: FieldMessage;
}

const FORM_INVALID = 'form-invalid';

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function kept(message: FieldMessage): KeptError {
  return { type: message.key, message: message.key, fieldMessage: message };
}

/**
 * Form state on react-hook-form, checked by the request's schema from contracts, with inline
 * validation: a field is checked when it loses focus after a change, and again on every keystroke
 * once it shows an error (so the message goes as soon as it is fixed); everything is checked on
 * submit. Errors from the API are mapped to fields where possible.
 *
 * The schema runs through a resolver of ours rather than `zodResolver`, which keeps only an
 * issue's text and code: the stable reason (`blank`, `oneLine`, `isIso8601`…) and the limit are
 * what the message is made of, as for the API's answers.
 */
export function useForm<V extends FormValues, S extends z.ZodType>(options: UseFormOptions<V, S>): FormApi<V, z.output<S>> {
  const { id, fields, schema, toRequest, validate, aliases, messages, serverErrors } = options;
  type F = FieldName<V>;
  const mapping: FieldMapping<F> = { fields, aliases, messages };

  /** Every error of these values (the schema's first, then the form's own rules), and the request when there is none. */
  const check = (values: V): { errors: FieldErrors<F>; unplaced: boolean; request?: z.output<S> } => {
    const errors: FieldErrors<F> = {};
    let unplaced = false;
    const result = schema.safeParse(toRequest(values));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = fieldForPath(issue.path.map(String).join('.'), mapping);
        if (field === null) unplaced = true;
        else errors[field] ??= issueMessage(issue, { empty: isEmpty(values[field]), override: messages?.[field] });
      }
    }
    const own: FieldErrors<F> = validate?.(values) ?? {};
    for (const field of fields) {
      const message = own[field];
      if (message) errors[field] ??= message;
    }
    return { errors, unplaced, request: result.success ? result.data : undefined };
  };

  const resolver: Resolver<V, unknown, z.output<S>> = async (values, _context, resolverOptions) => {
    const { errors, unplaced, request } = check(values);
    const found: Record<string, FieldError> = {};
    for (const field of fields) {
      const message = errors[field];
      if (message) found[field] = kept(message);
    }
    // An issue no field shows (a form whose schema asks for more than it fills in) still stops the submit.
    if (unplaced) found.root = { type: FORM_INVALID, message: FORM_INVALID };
    if (Object.keys(found).length === 0 && request !== undefined) return { values: request, errors: {} };
    return { values: {}, errors: toNestErrors(found, resolverOptions) };
  };

  const hookForm = useHookForm<V, unknown, z.output<S>>({
    defaultValues: options.defaultValues as never,
    resolver,
    // Validation on change and blur is ours (below); react-hook-form checks on submit.
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    // The error summary takes focus instead.
    shouldFocusError: false,
  });
  const values = useWatch({ control: hookForm.control }) as V;
  const keptErrors = hookForm.formState.errors as Partial<Record<string, KeptError>>;
  const errors: FieldErrors<F> = {};
  for (const field of fields) {
    const message = keptErrors[field]?.fieldMessage;
    if (message) errors[field] = message;
  }

  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [blurError, setBlurError] = useState<{ field: F; message: FieldMessage } | null>(null);
  /** Fields changed since the form was (re)set: only those are checked when they lose focus. */
  const changed = useRef(new Set<F>());
  /** From a submit until its action has settled: a second submit meanwhile does nothing. */
  const busy = useRef(false);

  const fieldId = (field: F) => `${id}-${field}`;
  const hintId = (field: F) => `${id}-${field}-hint`;
  const errorId = (field: F) => `${id}-${field}-error`;

  /** Check one field now (synchronously, so the message follows the keystroke) and show or clear its error. */
  const recheck = (field: F): FieldMessage | undefined => {
    const message = check(hookForm.getValues()).errors[field];
    if (message) hookForm.setError(field as never, kept(message));
    else hookForm.clearErrors(field as never);
    return message;
  };

  const setValue = <K extends F>(field: K, value: V[K]) => {
    hookForm.setValue(field as never, value as never, { shouldDirty: true });
    changed.current.add(field);
    if (errors[field]) recheck(field);
  };

  const blur = (field: F) => {
    if (!changed.current.has(field)) return;
    const message = recheck(field);
    setBlurError(message ? { field, message } : null);
  };

  const control = (field: FieldOfType<V, string>, controlOptions: { hasHint?: boolean } = {}): FieldControlProps => {
    const describedBy = [controlOptions.hasHint ? hintId(field) : null, errors[field] ? errorId(field) : null].filter(Boolean).join(' ');
    return {
      id: fieldId(field),
      name: field,
      value: (values[field] as string | undefined) ?? '',
      onChange: (event) => setValue(field, event.target.value as V[typeof field]),
      onBlur: () => blur(field),
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };

  const handleSubmit = (action: (request: z.output<S>, values: V) => Promise<unknown> | void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setFormError(null);
    setBlurError(null);
    let failed = false;
    const submit = hookForm.handleSubmit(
      async (request) => {
        setSubmitting(true);
        try {
          await action(request, hookForm.getValues());
        } catch (error) {
          const mapped = mapServerError(error, { ...mapping, ...serverErrors });
          for (const field of fields) {
            const message = mapped.fieldErrors[field];
            if (message) hookForm.setError(field as never, kept(message));
          }
          setFormError(mapped.formError);
          failed = true;
        } finally {
          setSubmitting(false);
        }
      },
      (found) => {
        // Said as the API would say it: some of what was entered is not valid.
        if (found.root) setFormError(new ApiError({ status: 400, code: ErrorCode.VALIDATION_FAILED, message: 'Validation failed' }));
        failed = true;
      },
    );
    submit(event)
      .catch((error: unknown) => {
        setFormError(error);
        failed = true;
      })
      .finally(() => {
        busy.current = false;
        // Counted once react-hook-form has published the errors, so the summary that takes focus shows them.
        if (failed) setFailedSubmits((count) => count + 1);
      });
  };

  const reset = (next: V = options.defaultValues) => {
    hookForm.reset(next);
    changed.current = new Set();
    setFormError(null);
    setBlurError(null);
    setFailedSubmits(0);
  };

  return {
    id,
    fields,
    values,
    errors,
    formError,
    submitting,
    failedSubmits,
    blurError,
    fieldId,
    hintId,
    errorId,
    setValue,
    blur,
    control,
    handleSubmit,
    reset,
  };
}
