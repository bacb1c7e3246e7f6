import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../../lib/form-errors';

/** Translate a field message (kept as a key so it follows a change of language). */
export function useFieldMessage(): (message: FieldMessage) => string {
  const { t } = useTranslation();
  return (message) => (message.values ? t(message.key, message.values) : t(message.key));
}

/** A field's error, placed between its label and its control and tied to it by aria-describedby. */
export function FieldError({ id, message }: { id: string; message: FieldMessage | undefined }) {
  const { t } = useTranslation();
  const text = useFieldMessage();
  if (!message) return null;
  return (
    <p id={id} className="field__error">
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {text(message)}
    </p>
  );
}
