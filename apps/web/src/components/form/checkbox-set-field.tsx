import { useEffect, useRef, type FocusEvent, type ReactNode } from 'react';
import type { FieldOfType, FormApi, FormValues } from '../../hooks/use-form';
import { FieldError } from './field-error';

export interface CheckboxOption {
  value: string;
  label: ReactNode;
}

export interface CheckboxGroup {
  key: string;
  label: ReactNode;
  options: readonly CheckboxOption[];
}

interface CheckboxSetFieldProps<V extends FormValues> {
  form: FormApi<V>;
  name: FieldOfType<V, readonly string[]>;
  legend: ReactNode;
  hint?: ReactNode;
  /** The label of the "select all" box at the top. */
  allLabel: ReactNode;
  groups: readonly CheckboxGroup[];
}

/**
 * A set of checkboxes (in titled groups) for one form value (a list, kept in the options' order), with an "all" box first that selects
 * or clears every option and shows "some" (mixed) when only part is chosen. The "all" box carries
 * the field's id, so the error summary's link lands here.
 */
export function CheckboxSetField<V extends FormValues>({ form, name, legend, hint, allLabel, groups }: CheckboxSetFieldProps<V>) {
  const error = form.errors[name];
  const allRef = useRef<HTMLInputElement>(null);
  const every = groups.flatMap((group) => group.options.map((option) => option.value));
  const chosen = new Set(form.values[name] as readonly string[]);
  const allChosen = every.length > 0 && every.every((value) => chosen.has(value));
  const someChosen = !allChosen && every.some((value) => chosen.has(value));

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = someChosen;
  }, [someChosen]);

  const set = (values: Iterable<string>) => {
    const next = new Set(values);
    // Kept in the options' order, so the request lists them as the page does.
    form.setValue(name, every.filter((value) => next.has(value)) as V[typeof name]);
  };
  const toggle = (value: string, checked: boolean) => {
    const next = new Set(chosen);
    if (checked) next.add(value);
    else next.delete(value);
    set(next);
  };

  const baseId = form.fieldId(name);
  // Checked when focus leaves the whole set, not between its boxes (an error appearing there would
  // move the boxes under the pointer).
  const leave = (event: FocusEvent<HTMLFieldSetElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) form.blur(name);
  };
  return (
    <fieldset
      className={['field', 'checkbox-set', error ? 'field--error' : null].filter(Boolean).join(' ')}
      aria-describedby={[hint ? form.hintId(name) : null, error ? form.errorId(name) : null].filter(Boolean).join(' ') || undefined}
      onBlur={leave}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={form.hintId(name)} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={form.errorId(name)} message={error} />
      <div className="checkbox checkbox-set__all">
        <input ref={allRef} id={baseId} type="checkbox" checked={allChosen} onChange={(event) => set(event.target.checked ? every : [])} />
        <label htmlFor={baseId}>{allLabel}</label>
      </div>
      {groups.map((group) => (
        <fieldset key={group.key} className="checkbox-set__group">
          <legend className="checkbox-set__legend">{group.label}</legend>
          <ul className="checkbox-set__options">
            {group.options.map((option) => {
              const id = `${baseId}-${option.value}`;
              return (
                <li key={option.value} className="checkbox">
                  <input
                    id={id}
                    type="checkbox"
                    checked={chosen.has(option.value)}
                    onChange={(event) => toggle(option.value, event.target.checked)}
                  />
                  <label htmlFor={id}>{option.label}</label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </fieldset>
  );
}
