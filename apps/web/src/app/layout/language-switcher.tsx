import { LOCALES, isLocaleCode } from '@compact-voices/contracts';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale } from '../../lib/i18n';

/** A labelled <select>; each language is named in itself so people can find their own. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const selectId = useId();
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  const handleChange = async (event: ChangeEvent<HTMLSelectElement>) => {
    const code = event.target.value;
    if (!isLocaleCode(code)) return;
    setLoading(true);
    setFailed(false);
    try {
      await changeLocale(code);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="language-switcher">
      <label htmlFor={selectId}>{t('language.label')}</label>
      <select
        id={selectId}
        value={currentLocale(i18n)}
        aria-busy={loading || undefined}
        aria-describedby={failed ? `${selectId}-error` : undefined}
        onChange={(event) => void handleChange(event)}
      >
        {LOCALES.map((locale) => (
          <option key={locale.code} value={locale.code} lang={locale.code} dir={locale.dir}>
            {locale.name}
          </option>
        ))}
      </select>
      {failed ? (
        <p id={`${selectId}-error`} role="alert" className="language-switcher__error">
          {t('language.loadFailed')}
        </p>
      ) : null}
    </div>
  );
}
