import type { ReactNode } from 'react';
import type { FieldOfType, FormApi, FormValues } from '../../hooks/use-form';
import { FieldError } from './field-error';

interface CheckboxFieldProps<V extends FormValues> {
  form: FormApi<V>;
  name: FieldOfType<V, boolean>;
  label: ReactNode;
  hint?: ReactNode;
}

/** One checkbox for a yes/no value of the form (kept as a boolean), with its hint and error tied to it. */
export function CheckboxField<V extends FormValues>({ form, name, label, hint }: CheckboxFieldProps<V>) {
  const error = form.errors[name];
  const inputId = form.fieldId(name);
  const describedBy = [hint ? form.hintId(name) : null, error ? form.errorId(name) : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'checkbox field--error' : 'checkbox'}>
      <FieldError id={form.errorId(name)} message={error} />
      <input
        id={inputId}
        type="checkbox"
        name={name}
        checked={form.values[name] === true}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => form.setValue(name, event.target.checked as V[typeof name])}
        onBlur={() => form.blur(name)}
      />
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={form.hintId(name)} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
