import { DEFAULT_LOCALE, LOCALES, isLocaleCode, type LocaleCode } from '@compact-voices/contracts';
import i18next, { type i18n as I18nInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type en from '../locales/en/translation.json';

export type Translation = typeof en;

/**
 * The shape every locale file must have: English's keys, except that plural keys follow the
 * language's own CLDR categories (Indonesian has only `_other`; others may add `_few`, `_many`).
 */
export type LocaleResources<T = Translation> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : LocaleResources<T[K]>;
} & {
  [K in keyof T as K extends `${string}_one` ? K : never]?: string;
};

export const LOCALE_STORAGE_KEY = 'compact-voices.locale';

/**
 * The language catalogue content (principles, recommendations, objectives) is written in.
 * It is served untranslated, so it is marked up with this language whenever the UI differs.
 */
export const CONTENT_LOCALE: LocaleCode = 'en';

/**
 * Every language, English included, is a separate chunk fetched on demand: a first visit downloads
 * only the language it is shown in. Typing the loaders makes a locale file with a missing key a
 * compile error; the locale test also catches extra and empty keys.
 */
const lazyLocales: Record<LocaleCode, () => Promise<{ default: LocaleResources }>> = {
  en: () => import('../locales/en/translation.json', { with: { type: 'json' } }),
  id: () => import('../locales/id/translation.json', { with: { type: 'json' } }),
  ur: () => import('../locales/ur/translation.json', { with: { type: 'json' } }),
};

export const i18n: I18nInstance = i18next.createInstance();

export function localeDirection(code: string): 'ltr' | 'rtl' {
  return LOCALES.find((locale) => locale.code === code)?.dir ?? 'ltr';
}

export function currentLocale(instance: I18nInstance = i18n): LocaleCode {
  const language = instance.resolvedLanguage ?? instance.language;
  return isLocaleCode(language) ? language : DEFAULT_LOCALE;
}

function readStoredLocale(): LocaleCode | null {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocaleCode(stored) ? stored : null;
  } catch {
    // Storage can be disabled (private mode, strict settings): the choice then lasts a visit.
    return null;
  }
}

function storeLocale(code: LocaleCode): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, code);
  } catch {
    // See readStoredLocale.
  }
}

/** The stored choice, else the first browser language we ship, else the default. */
export function detectLocale(
  browserLanguages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): LocaleCode {
  const stored = readStoredLocale();
  if (stored) return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocaleCode(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/** Mirror the UI language on <html lang dir>, which screen readers and CSS logical properties follow. */
export function applyDocumentLocale(code: string): void {
  const root = document.documentElement;
  root.lang = code;
  root.dir = localeDirection(code);
}

async function ensureResources(code: LocaleCode): Promise<void> {
  if (i18n.hasResourceBundle(code, 'translation')) return;
  const module = await lazyLocales[code]();
  i18n.addResourceBundle(code, 'translation', module.default, true, true);
}

/** Load (if needed) and switch to a language, and remember the choice. Rejects if the chunk fails to load. */
export async function changeLocale(code: LocaleCode): Promise<void> {
  await ensureResources(code);
  await i18n.changeLanguage(code);
  storeLocale(code);
}

let initialisation: Promise<void> | null = null;

/** Initialise the shared instance once, already in `initial` language when that one loads. */
export function initI18n(initial: LocaleCode = detectLocale()): Promise<void> {
  initialisation ??= (async () => {
    i18n.on('languageChanged', applyDocumentLocale);
    await i18n.use(initReactI18next).init({
      resources: {},
      lng: DEFAULT_LOCALE,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: LOCALES.map((locale) => locale.code),
      interpolation: { escapeValue: false },
      returnEmptyString: false,
      react: { useSuspense: false },
    });
    // The chosen language, else English when its file cannot be fetched (a flaky connection).
    for (const code of initial === DEFAULT_LOCALE ? [initial] : [initial, DEFAULT_LOCALE]) {
      try {
        await ensureResources(code);
        await i18n.changeLanguage(code);
        return;
      } catch {
        // Try the next one.
      }
    }
  })();
  return initialisation;
}

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * Wraps a Latin-script value (a code like `PC-1`, a search query) before it is interpolated into
 * a translated sentence, so an RTL sentence cannot reorder it ("PC-1" would otherwise show as "1-PC").
 */
export function isolate(value: string | number): string {
  return `${FIRST_STRONG_ISOLATE}${value}${POP_DIRECTIONAL_ISOLATE}`;
}
