import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, isLocaleCode, localeForTag, type LocaleCode } from '@compact-voices/contracts';
import i18next, { type i18n as I18nInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type en from '../locales/en/translation.json';
import { LATER_SECTIONS, type LocalePart } from '../locales/parts';
import type idFile from '../locales/id/translation.json';
import type urFile from '../locales/ur/translation.json';
import type neFile from '../locales/ne/translation.json';
import type bnFile from '../locales/bn/translation.json';
import type filFile from '../locales/fil/translation.json';
import type thFile from '../locales/th/translation.json';
import type viFile from '../locales/vi/translation.json';
import type zhFile from '../locales/zh/translation.json';
import type hiFile from '../locales/hi/translation.json';
import type arFile from '../locales/ar/translation.json';
import type ruFile from '../locales/ru/translation.json';

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
 * Every language, English included, is fetched on demand, in two parts (locales/parts.ts): a first
 * visit downloads only the reader's part of the language it is shown in.
 */
type LocaleLoader = () => Promise<{ default: Record<string, unknown> }>;
const localeFiles: Record<LocaleCode, Record<LocalePart, LocaleLoader>> = {
  en: {
    first: () => import('../locales/en/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/en/translation.json?part=later', { with: { type: 'json' } }),
  },
  id: {
    first: () => import('../locales/id/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/id/translation.json?part=later', { with: { type: 'json' } }),
  },
  ur: {
    first: () => import('../locales/ur/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/ur/translation.json?part=later', { with: { type: 'json' } }),
  },
  ne: {
    first: () => import('../locales/ne/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/ne/translation.json?part=later', { with: { type: 'json' } }),
  },
  bn: {
    first: () => import('../locales/bn/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/bn/translation.json?part=later', { with: { type: 'json' } }),
  },
  fil: {
    first: () => import('../locales/fil/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/fil/translation.json?part=later', { with: { type: 'json' } }),
  },
  th: {
    first: () => import('../locales/th/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/th/translation.json?part=later', { with: { type: 'json' } }),
  },
  vi: {
    first: () => import('../locales/vi/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/vi/translation.json?part=later', { with: { type: 'json' } }),
  },
  zh: {
    first: () => import('../locales/zh/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/zh/translation.json?part=later', { with: { type: 'json' } }),
  },
  hi: {
    first: () => import('../locales/hi/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/hi/translation.json?part=later', { with: { type: 'json' } }),
  },
  ar: {
    first: () => import('../locales/ar/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/ar/translation.json?part=later', { with: { type: 'json' } }),
  },
  ru: {
    first: () => import('../locales/ru/translation.json?part=first', { with: { type: 'json' } }),
    later: () => import('../locales/ru/translation.json?part=later', { with: { type: 'json' } }),
  },
};

/** A locale file with a missing key fails to compile; the locale test also catches extra and empty keys. */
type Checked<T extends LocaleResources> = T;
export type CheckedLocaleFiles = [
  Checked<typeof idFile>,
  Checked<typeof urFile>,
  Checked<typeof neFile>,
  Checked<typeof bnFile>,
  Checked<typeof filFile>,
  Checked<typeof thFile>,
  Checked<typeof viFile>,
  Checked<typeof zhFile>,
  Checked<typeof hiFile>,
  Checked<typeof arFile>,
  Checked<typeof ruFile>,
];

export const i18n: I18nInstance = i18next.createInstance();

export function localeDirection(code: string): 'ltr' | 'rtl' {
  return LOCALES.find((locale) => locale.code === code)?.dir ?? 'ltr';
}

export function currentLocale(instance: I18nInstance = i18n): LocaleCode {
  const language = instance.resolvedLanguage ?? instance.language;
  return isLocaleCode(language) ? language : DEFAULT_LOCALE;
}

export function readStoredLocale(): LocaleCode | null {
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
  // For the server, which renders the next page in it (entry-server.tsx).
  document.cookie = `${LOCALE_COOKIE}=${code}; Path=/; Max-Age=31536000; SameSite=Lax${window.location.protocol === 'https:' ? '; Secure' : ''}`;
}

/** A choice stored before the server rendered pages: tell the server too. */
export function rememberStoredLocaleForServer(): void {
  const stored = readStoredLocale();
  if (stored && !document.cookie.split(';').some((cookie) => cookie.trim() === `${LOCALE_COOKIE}=${stored}`)) storeLocale(stored);
}

/** The stored choice, else the first browser language we ship, else the default. */
export function detectLocale(
  browserLanguages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): LocaleCode {
  const stored = readStoredLocale();
  if (stored) return stored;
  for (const tag of browserLanguages) {
    const locale = localeForTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** Mirror the UI language on <html lang dir>, which screen readers and CSS logical properties follow. */
export function applyDocumentLocale(code: string): void {
  const root = document.documentElement;
  root.lang = code;
  root.dir = localeDirection(code);
}

const loadedParts = new Map<string, Promise<void>>();

function loadPart(code: LocaleCode, part: LocalePart): Promise<void> {
  const id = `${code}:${part}`;
  let loading = loadedParts.get(id);
  if (!loading) {
    loading = localeFiles[code][part]().then((module) => {
      i18n.addResourceBundle(code, 'translation', module.default, true, true);
    });
    // A failed fetch may be tried again.
    loading.catch(() => loadedParts.delete(id));
    loadedParts.set(id, loading);
  }
  return loading;
}

/** The reader's part; the later part too once something has needed it (a form, a member's page). */
async function ensureResources(code: LocaleCode): Promise<void> {
  await Promise.all([loadPart(code, 'first'), ...(laterWanted ? [loadPart(code, 'later')] : [])]);
}

let laterWanted = false;

/**
 * The rest of the current language (forms, pages behind sign-in, staff pages). Lazy pages and forms
 * wait for it (lib/lazy-named.ts), so they never show before their words.
 */
export function loadLaterStrings(): Promise<void> {
  laterWanted = true;
  return loadPart(currentLocale(), 'later').catch(() => undefined);
}

/** Load (if needed) and switch to a language, and remember the choice. Rejects if the chunk fails to load. */
export async function changeLocale(code: LocaleCode): Promise<void> {
  await ensureResources(code);
  await i18n.changeLanguage(code);
  storeLocale(code);
}

/**
 * The options the browser's instance and the server render's (entry-server.tsx) share: a page the
 * server rendered must read the same words, the same way, when it hydrates.
 */
export const SHARED_I18N_OPTIONS = {
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: LOCALES.map((locale) => locale.code),
  interpolation: { escapeValue: false },
  returnEmptyString: false,
} as const;

let initialisation: Promise<void> | null = null;

/** Initialise the shared instance once, already in `initial` language when that one loads. */
export function initI18n(initial: LocaleCode = detectLocale()): Promise<void> {
  initialisation ??= (async () => {
    await i18n.use(initReactI18next).init({
      ...SHARED_I18N_OPTIONS,
      resources: {},
      lng: DEFAULT_LOCALE,
      // A key of a section not loaded yet fetches it; components render again when it arrives.
      saveMissing: true,
      missingKeyHandler: (_languages, _namespace, key) => {
        if (LATER_SECTIONS.includes(key.split('.')[0]) && i18n.isInitialized) void loadLaterStrings();
      },
      react: { useSuspense: false, bindI18nStore: 'added' },
    });
    // <html lang dir> follows from here on, not during the start in English above: a page the
    // server rendered in Arabic must not flip to English, left to right, while its words load.
    i18n.on('languageChanged', applyDocumentLocale);
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
