import type { LocaleCode } from '@compact-voices/contracts';

/** "12 Mar 2026, 14:05" in the interface language, in the reader's time zone. */
export function formatDateTime(iso: string, locale: LocaleCode): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "2026-03-12", for file names. */
export function isoDate(date: Date = new Date()): string {
  return date.toISOString().slice(0, 10);
}
