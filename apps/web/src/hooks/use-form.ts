import { useCallback, useState, type ChangeEvent, type FormEvent } from 'react';
import { mapServerError, type FieldErrors, type FieldMessage, type ServerErrorMapping } from '../lib/form-errors';

export type FormValues<F extends string> = Record<F, string>;

export interface UseFormOptions<F extends string> {
  /** Prefix of the element ids (`<id>-<field>`), unique on the page. */
  id: string;
  /** The fields in page order; the error summary lists them in this order. */
  fields: readonly F[];
  initialValues: FormValues<F>;
  /** Every error of the current values; an empty object when they are fine. */
  validate: (values: FormValues<F>) => FieldErrors<F>;
  /** How an API error spreads over the fields. */
  serverErrors?: Omit<ServerErrorMapping<F>, 'fields'>;
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

export interface FormApi<F extends string> {
  id: string;
  fields: readonly F[];
  values: FormValues<F>;
  errors: FieldErrors<F>;
  /** An error not tied to any field (wrong password, 429, offline…). */
  formError: unknown;
  submitting: boolean;
  /** Changes after each failed submit; the error summary shows from the first and takes focus each time. */
  failedSubmits: number;
  /** The error found when the last field lost focus, for a polite announcement. */
  blurError: { field: F; message: FieldMessage } | null;
  fieldId: (field: F) => string;
  hintId: (field: F) => string;
  errorId: (field: F) => string;
  setValue: (field: F, value: string) => void;
  /** Props for the <input>/<select> of a field. `hasHint` adds the hint to aria-describedby. */
  control: (field: F, options?: { hasHint?: boolean }) => FieldControlProps;
  /** The submit handler: validates everything, then runs `action` with the values. */
  handleSubmit: (action: (values: FormValues<F>) => Promise<unknown> | void) => (event: FormEvent<HTMLFormElement>) => void;
  reset: (values?: FormValues<F>) => void;
}

function hasErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return Object.values(errors).some(Boolean);
}

/**
 * State of a form with inline validation: a field is checked when it loses focus after a change,
 * and again on every keystroke once it shows an error (so the message goes as soon as it is fixed);
 * everything is checked on submit. Errors from the API are mapped to fields where possible.
 */
export function useForm<F extends string>(options: UseFormOptions<F>): FormApi<F> {
  const { id, fields, validate, serverErrors } = options;
  const [values, setValues] = useState<FormValues<F>>(options.initialValues);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [dirty, setDirty] = useState<ReadonlySet<F>>(new Set());
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [blurError, setBlurError] = useState<{ field: F; message: FieldMessage } | null>(null);

  const fieldId = useCallback((field: F) => `${id}-${field}`, [id]);
  const hintId = useCallback((field: F) => `${id}-${field}-hint`, [id]);
  const errorId = useCallback((field: F) => `${id}-${field}-error`, [id]);

  const setFieldError = (field: F, message: FieldMessage | undefined) =>
    setErrors((current) => (current[field] === message ? current : { ...current, [field]: message }));

  const setValue = (field: F, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (!dirty.has(field)) setDirty(new Set(dirty).add(field));
    if (errors[field]) setFieldError(field, validate(next)[field]);
  };

  const blur = (field: F) => {
    if (!dirty.has(field)) return;
    const message = validate(values)[field];
    setFieldError(field, message);
    setBlurError(message ? { field, message } : null);
  };

  const control = (field: F, controlOptions: { hasHint?: boolean } = {}): FieldControlProps => {
    const describedBy = [controlOptions.hasHint ? hintId(field) : null, errors[field] ? errorId(field) : null].filter(Boolean).join(' ');
    return {
      id: fieldId(field),
      name: field,
      value: values[field],
      onChange: (event) => setValue(field, event.target.value),
      onBlur: () => blur(field),
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };

  const handleSubmit = (action: (values: FormValues<F>) => Promise<unknown> | void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const found = validate(values);
    setFormError(null);
    setBlurError(null);
    if (hasErrors(found)) {
      setErrors(found);
      setFailedSubmits((count) => count + 1);
      return;
    }
    setErrors({});
    setSubmitting(true);
    void (async () => {
      try {
        await action(values);
      } catch (error) {
        const mapped = mapServerError(error, { fields, ...serverErrors });
        setErrors(mapped.fieldErrors);
        setFormError(mapped.formError);
        setFailedSubmits((count) => count + 1);
      } finally {
        setSubmitting(false);
      }
    })();
  };

  const reset = (next: FormValues<F> = options.initialValues) => {
    setValues(next);
    setErrors({});
    setDirty(new Set());
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
    control,
    handleSubmit,
    reset,
  };
}
