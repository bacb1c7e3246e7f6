import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { FieldOfType, FormApi, FormValues } from '../../hooks/use-form';
import { characterCount } from '../../lib/validation';
import { FieldError } from './field-error';

interface TextAreaFieldProps<V extends FormValues> {
  form: FormApi<V>;
  name: FieldOfType<V, string>;
  label: ReactNode;
  hint?: ReactNode;
  /** Shows "N characters left" (counted as people count them) and announces it near the limit. */
  maxCharacters?: number;
  rows?: number;
  required?: boolean;
  lang?: string;
  /** `auto` (the default) follows the text; a field for one language gives that language's direction. */
  dir?: 'ltr' | 'rtl' | 'auto';
  className?: string;
}

/** Which announcement applies: it changes only when crossing 100 and 20 left, and the limit. */
function band(left: number): 'over' | 'near' | 'close' | null {
  if (left < 0) return 'over';
  if (left < 20) return 'near';
  if (left < 100) return 'close';
  return null;
}

/**
 * A multi-line text field wired like TextField. With `maxCharacters`, a counter under it says how
 * many characters are left (and how many too many); it is read with the field, and announced
 * politely only when crossing 100 and 20 left and the limit. No `maxlength`: it would cut pasted
 * text silently, and counts UTF-16 units where people count characters.
 */
export function TextAreaField<V extends FormValues>({
  form,
  name,
  label,
  hint,
  maxCharacters,
  rows = 5,
  required,
  lang,
  dir = 'auto',
  className,
}: TextAreaFieldProps<V>) {
  const { t } = useTranslation();
  const error = form.errors[name];
  const control = form.control(name, { hasHint: Boolean(hint) });
  const counterId = `${form.fieldId(name)}-counter`;
  const used = characterCount(form.values[name] as string);
  const left = maxCharacters === undefined ? 0 : maxCharacters - used;
  const counterText =
    maxCharacters === undefined
      ? ''
      : left >= 0
        ? t('form.charactersLeft', { count: left })
        : t('form.charactersTooMany', { count: -left });
  const crossed = maxCharacters === undefined ? null : band(left);
  const announcement =
    crossed === 'over'
      ? t('form.charactersOverLimit', { max: maxCharacters })
      : crossed === 'near'
        ? t('form.charactersNearLimit', { count: 20 })
        : crossed === 'close'
          ? t('form.charactersNearLimit', { count: 100 })
          : '';
  const describedBy = [control['aria-describedby'], maxCharacters === undefined ? null : counterId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={['field', error ? 'field--error' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={form.fieldId(name)}>{label}</label>
      {hint ? (
        <p id={form.hintId(name)} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={form.errorId(name)} message={error} />
      <textarea rows={rows} required={required} dir={dir} lang={lang} {...control} aria-describedby={describedBy} />
      {maxCharacters === undefined ? null : (
        <>
          <p id={counterId} className={left < 0 ? 'char-counter char-counter--over' : 'char-counter'}>
            {counterText}
          </p>
          <p aria-live="polite" className="visually-hidden">
            {announcement}
          </p>
        </>
      )}
    </div>
  );
}
