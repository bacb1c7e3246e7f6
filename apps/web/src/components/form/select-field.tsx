import type { ReactNode } from 'react';
import type { FieldOfType, FormApi, FormValues } from '../../hooks/use-form';
import { FieldError } from './field-error';

interface SelectFieldProps<V extends FormValues> {
  form: FormApi<V>;
  name: FieldOfType<V, string>;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  /** The <option>s. */
  children: ReactNode;
}

export function SelectField<V extends FormValues>({ form, name, label, hint, required, autoComplete, children }: SelectFieldProps<V>) {
  const error = form.errors[name];
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={form.fieldId(name)}>{label}</label>
      {hint ? (
        <p id={form.hintId(name)} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={form.errorId(name)} message={error} />
      <select required={required} autoComplete={autoComplete} {...form.control(name, { hasHint: Boolean(hint) })}>
        {children}
      </select>
    </div>
  );
}
