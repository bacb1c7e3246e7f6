import type { LocaleCode } from '@compact-voices/contracts';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from './i18n';

/**
 * The language catalogue texts (principles, objectives, recommendations) are read in: the interface
 * language, whose translations are unofficial, unless the reader asked for the English original,
 * which is authoritative. The choice holds for the visit (sessionStorage) and for every page at once.
 */
const STORAGE_KEY = 'compact-voices.content-original';
const listeners = new Set<() => void>();

function readShowOriginal(): boolean {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

let showOriginal = typeof window === 'undefined' ? false : readShowOriginal();

export function setShowOriginal(value: boolean): void {
  showOriginal = value;
  try {
    if (value) window.sessionStorage.setItem(STORAGE_KEY, '1');
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be disabled: the choice then lasts until the page is reloaded.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the reader chose to read the catalogue in its English original. */
export function useShowOriginal(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => showOriginal,
    () => false,
  );
}

/** The `locale` to read the catalogue in: the interface language, or English for the original. */
export function useContentLocale(): LocaleCode {
  const { i18n } = useTranslation();
  const original = useShowOriginal();
  return original ? 'en' : currentLocale(i18n);
}

/** The `locale` query parameter for a catalogue read: left out for English, so the English URLs stay as they were. */
export function contentLocaleParam(locale: LocaleCode): LocaleCode | undefined {
  return locale === 'en' ? undefined : locale;
}
