import { useTranslation } from 'react-i18next';
import { CONTENT_LOCALE, currentLocale } from './i18n';

export interface ContentLangProps {
  lang?: string;
  dir?: 'ltr';
}

/**
 * Attributes for an element holding untranslated catalogue text. When the UI is in another
 * language they tell screen readers to switch voice and keep the English text left-to-right.
 */
export function useContentLang(): ContentLangProps {
  const { i18n } = useTranslation();
  return currentLocale(i18n) === CONTENT_LOCALE ? {} : { lang: CONTENT_LOCALE, dir: 'ltr' };
}
