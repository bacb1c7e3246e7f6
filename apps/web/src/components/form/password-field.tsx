import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldOfType, FormApi, FormValues } from '../../hooks/use-form';
import { FieldError } from './field-error';

interface PasswordFieldProps<V extends FormValues> {
  form: FormApi<V>;
  name: FieldOfType<V, string>;
  label: ReactNode;
  /** For a new password, state the rule here, before anyone types. */
  hint?: ReactNode;
  autoComplete: 'current-password' | 'new-password';
  maxLength?: number;
}

/** A password input with a show/hide button, so people on a phone keyboard can check what they typed. */
export function PasswordField<V extends FormValues>({ form, name, label, hint, autoComplete, maxLength }: PasswordFieldProps<V>) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const error = form.errors[name];
  const inputId = form.fieldId(name);

  const toggle = () => {
    const next = !visible;
    setVisible(next);
    setAnnouncement(next ? t('form.passwordShown') : t('form.passwordHidden'));
  };

  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={form.hintId(name)} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={form.errorId(name)} message={error} />
      <div className="password-input">
        <input
          type={visible ? 'text' : 'password'}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          maxLength={maxLength}
          required
          {...form.control(name, { hasHint: Boolean(hint) })}
        />
        <button type="button" className="button button--secondary password-input__toggle" aria-controls={inputId} onClick={toggle}>
          {visible ? t('form.hidePassword') : t('form.showPassword')}
        </button>
      </div>
      <p aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
