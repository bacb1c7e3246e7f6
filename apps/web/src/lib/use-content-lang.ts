import { useTranslation } from 'react-i18next';
import { useContentLocale } from './content-locale';
import { CONTENT_LOCALE, currentLocale } from './i18n';

export interface ContentLangProps {
  lang?: string;
  dir?: 'ltr';
}

const ENGLISH: ContentLangProps = { lang: CONTENT_LOCALE, dir: 'ltr' };

/**
 * Attributes for an element holding catalogue text (a principle, objective or recommendation). It
 * is read in the interface language (an unofficial translation: every language has one) unless the
 * reader chose the English original; then, in another interface language, screen readers are told
 * to switch voice and the English stays left-to-right. Given the item's `language` (from the API),
 * that decides.
 */
export function useContentLang(language?: string): ContentLangProps {
  return useContentLangOf()(language);
}

/** useContentLang for a list: a function of each item's language. */
export function useContentLangOf(): (language?: string) => ContentLangProps {
  const { i18n } = useTranslation();
  const contentLocale = useContentLocale();
  const uiLocale = currentLocale(i18n);
  return (language) => {
    // An item says which language it came in (the API falls back to English where a text has no translation).
    const actual = language ?? contentLocale;
    if (actual === uiLocale) return {};
    return actual === CONTENT_LOCALE ? ENGLISH : { lang: actual };
  };
}

/** The same for text that exists in English only (the links' rationales, subregion names). */
export function useEnglishLang(): ContentLangProps {
  const { i18n } = useTranslation();
  return currentLocale(i18n) === CONTENT_LOCALE ? {} : ENGLISH;
}
