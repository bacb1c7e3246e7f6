import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldName, FormApi, FormValues } from '../../hooks/use-form';
import { errorMessage } from '../../lib/error-message';
import { useFieldMessage } from './field-error';

interface ErrorSummaryProps<V extends FormValues> {
  form: FormApi<V>;
  /** Each field's label, to say which field an error is about. */
  labels: Record<FieldName<V>, string>;
  /** Extra help under a form-wide error (e.g. a link to resend the verification mail). */
  children?: ReactNode;
}

/**
 * "There is a problem": every error of the form, each a link to its field. Shown from the first
 * failed submit, announced (role=alert) and focused each time, so keyboard and screen-reader users
 * land on it. Before that, an error found when a field loses focus is announced politely.
 */
export function ErrorSummary<V extends FormValues>({ form, labels, children }: ErrorSummaryProps<V>) {
  const { t } = useTranslation();
  const text = useFieldMessage();
  const ref = useRef<HTMLDivElement>(null);
  const { failedSubmits } = form;

  useEffect(() => {
    if (failedSubmits > 0) ref.current?.focus();
  }, [failedSubmits]);

  const withErrors = form.fields.flatMap((field) => {
    const message = form.errors[field];
    return message ? [{ field, message }] : [];
  });
  const blurAnnouncement = form.blurError
    ? t('form.summaryItem', { label: labels[form.blurError.field], message: text(form.blurError.message) })
    : '';
  const visible = form.failedSubmits > 0 && (withErrors.length > 0 || Boolean(form.formError));

  const focusField = (event: MouseEvent<HTMLAnchorElement>, field: FieldName<V>) => {
    // Focus directly: following the #fragment would add a history entry (and some pages use the fragment).
    event.preventDefault();
    const element = document.getElementById(form.fieldId(field));
    element?.focus();
    element?.scrollIntoView?.({ block: 'center' });
  };

  const titleId = `${form.id}-error-summary-title`;
  return (
    <>
      {/* Rendered even when empty, so the first announcement is not missed. */}
      <p aria-live="polite" className="visually-hidden">
        {blurAnnouncement}
      </p>
      {visible ? (
        <div ref={ref} role="alert" tabIndex={-1} aria-labelledby={titleId} className="error-summary">
          <h2 id={titleId} className="error-summary__title">
            {t('form.errorSummaryTitle')}
          </h2>
          {form.formError ? <p className="error-summary__message">{errorMessage(t, form.formError)}</p> : null}
          {form.formError ? children : null}
          {withErrors.length > 0 ? (
            <ul className="error-summary__list">
              {withErrors.map(({ field, message }) => (
                <li key={field}>
                  <a href={`#${form.fieldId(field)}`} onClick={(event) => focusField(event, field)}>
                    {t('form.summaryItem', { label: labels[field], message: text(message) })}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
