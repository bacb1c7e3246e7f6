import type { FocusEvent, ReactNode } from 'react';
import type { FieldOfType, FormApi, FormValues } from '../../hooks/use-form';
import { FieldError } from './field-error';

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface RadioGroupFieldProps<V extends FormValues> {
  form: FormApi<V>;
  name: FieldOfType<V, string>;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly RadioOption[];
  className?: string;
}

/**
 * A fieldset of radio buttons for one form value. The first radio carries the field's id, so the
 * error summary's link lands in the group; the hint and the error describe the whole group.
 */
export function RadioGroupField<V extends FormValues>({ form, name, legend, hint, options, className }: RadioGroupFieldProps<V>) {
  const error = form.errors[name];
  const control = form.control(name, { hasHint: Boolean(hint) });
  const optionId = (index: number) => (index === 0 ? form.fieldId(name) : `${form.fieldId(name)}-${index}`);
  // Checked when focus leaves the group, not when moving between its radios.
  const leave = (event: FocusEvent<HTMLFieldSetElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) form.blur(name);
  };
  return (
    <fieldset
      className={['field', 'radio-group', error ? 'field--error' : null, className].filter(Boolean).join(' ')}
      aria-describedby={control['aria-describedby']}
      onBlur={leave}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={form.hintId(name)} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={form.errorId(name)} message={error} />
      <div className="radio-group__options">
        {options.map((option, index) => (
          <div key={option.value} className="checkbox">
            <input
              id={optionId(index)}
              type="radio"
              name={`${form.id}-${name}`}
              value={option.value}
              checked={form.values[name] === option.value}
              onChange={() => form.setValue(name, option.value as V[typeof name])}
              aria-describedby={option.hint ? `${optionId(index)}-hint` : undefined}
            />
            <label htmlFor={optionId(index)}>{option.label}</label>
            {option.hint ? (
              <p id={`${optionId(index)}-hint`} className="hint">
                {option.hint}
              </p>
            ) : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
