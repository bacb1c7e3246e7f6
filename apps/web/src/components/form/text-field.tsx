import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldOfType, FormApi, FormValues } from '../../hooks/use-form';
import { FieldError } from './field-error';

type InputAttributes = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'inputMode' | 'maxLength' | 'dir' | 'spellCheck' | 'autoCapitalize' | 'required' | 'lang'
>;

interface TextFieldProps<V extends FormValues> extends InputAttributes {
  form: FormApi<V>;
  name: FieldOfType<V, string>;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
}

/** Label, optional hint, error (when there is one) and input, wired together for screen readers. */
export function TextField<V extends FormValues>({ form, name, label, hint, className, type = 'text', ...input }: TextFieldProps<V>) {
  const error = form.errors[name];
  return (
    <div className={['field', error ? 'field--error' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={form.fieldId(name)}>{label}</label>
      {hint ? (
        <p id={form.hintId(name)} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={form.errorId(name)} message={error} />
      <input type={type} {...input} {...form.control(name, { hasHint: Boolean(hint) })} />
    </div>
  );
}
