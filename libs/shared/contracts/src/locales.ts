/**
 * Languages the interface ships in, chosen for the region's largest migrant populations and
 * destinations. `name` is the language's own name (the picker shows it to people who may read
 * nothing else); `dir` drives the document direction.
 */
export const LOCALES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'id', name: 'Bahasa Indonesia', dir: 'ltr' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
  { code: 'ne', name: 'नेपाली', dir: 'ltr' },
  { code: 'bn', name: 'বাংলা', dir: 'ltr' },
  { code: 'fil', name: 'Filipino', dir: 'ltr' },
  { code: 'th', name: 'ไทย', dir: 'ltr' },
  { code: 'vi', name: 'Tiếng Việt', dir: 'ltr' },
  { code: 'zh', name: '简体中文', dir: 'ltr' },
  { code: 'hi', name: 'हिन्दी', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['code'];

/**
 * The interface language the reader chose, as a cookie the server reads to render a page in it
 * (the browser keeps the same choice in localStorage). Not personal: one of the language codes.
 */
export const LOCALE_COOKIE = 'cv_locale';

/**
 * The reader's IANA time zone (`Asia/Kathmandu`), as a cookie the web app sets so the server can
 * write dates in a rendered page as the browser will. Without it the server writes UTC, and says so.
 */
export const TIME_ZONE_COOKIE = 'cv_tz';

export const DEFAULT_LOCALE: LocaleCode = 'en';

export function isLocaleCode(value: unknown): value is LocaleCode {
  return typeof value === 'string' && LOCALES.some((locale) => locale.code === value);
}

/** Language tags a browser may send for a shipped language under another code (Tagalog for Filipino). */
const LOCALE_ALIASES: Record<string, LocaleCode> = { tl: 'fil' };

/** The shipped language a BCP 47 tag asks for (`zh-CN` → zh, `tl-PH` → fil), or undefined. */
export function localeForTag(tag: string): LocaleCode | undefined {
  const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  if (isLocaleCode(primary)) return primary;
  return LOCALE_ALIASES[primary];
}
