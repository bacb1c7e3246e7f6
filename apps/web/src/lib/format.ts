import { TIME_ZONE_COOKIE, type LocaleCode } from '@compact-voices/contracts';

/**
 * The zone dates are written in when it is not simply the browser's: a page the server rendered is
 * hydrated in the zone the server wrote it in (the markup must match), for as long as the page
 * lives. `named`: the zone was a guess (UTC, the reader's zone unknown), so every time says which.
 */
export interface DisplayTimeZone {
  timeZone: string;
  named: boolean;
}

let displayZone: DisplayTimeZone | undefined;

export function setDisplayTimeZone(zone: DisplayTimeZone | undefined): void {
  displayZone = zone;
}

/** An IANA zone name Intl knows (`Asia/Kathmandu`, `UTC`), else undefined. */
export function validTimeZone(value: string | undefined | null): string | undefined {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Tells the server this browser's zone, for the next page it renders (entry-server.tsx). */
export function rememberTimeZoneForServer(): void {
  const zone = validTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  if (!zone || document.cookie.split(';').some((cookie) => cookie.trim() === `${TIME_ZONE_COOKIE}=${zone}`)) return;
  document.cookie = `${TIME_ZONE_COOKIE}=${zone}; Path=/; Max-Age=31536000; SameSite=Lax${window.location.protocol === 'https:' ? '; Secure' : ''}`;
}

/** "12 Mar 2026, 14:05" in the interface language, in the reader's time zone. */
export function formatDateTime(iso: string, locale: LocaleCode): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (displayZone?.named) {
    // dateStyle cannot be combined with timeZoneName: the same parts, spelled out.
    return new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: displayZone.timeZone,
      timeZoneName: 'short',
    }).format(date);
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: displayZone?.timeZone }).format(date);
}

/** "2026-03-12", for file names. */
export function isoDate(date: Date = new Date()): string {
  return date.toISOString().slice(0, 10);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO instant as the value of an `<input type="datetime-local">`: "2026-03-12T14:05" in the reader's time zone. */
export function toDateTimeLocal(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of an `<input type="datetime-local">` (local time) as an ISO instant in UTC; null when it is not a date. */
export function fromDateTimeLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "27 November 2026" in the interface language (a day, not a moment: decisions and deadlines). */
export function formatDate(iso: string, locale: LocaleCode): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: displayZone?.timeZone }).format(date);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** "1.2 MB" in the interface language (powers of 1,000, as file managers now show). */
export function formatBytes(bytes: number, locale: LocaleCode): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A language's name in the interface language, from CLDR ("Urdu", "urdu", "乌尔都语"); the code if the browser has no name for it. */
export function languageName(code: string, locale: LocaleCode): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country's name in the interface language, from CLDR, by its ISO 3166-1 alpha-2 code; undefined when unknown. */
export function regionName(iso2: string, locale: LocaleCode): string | undefined {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(iso2);
  } catch {
    return undefined;
  }
}
