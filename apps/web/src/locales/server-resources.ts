import type { LocaleCode } from '@compact-voices/contracts';
import ar from './ar/translation.json';
import bn from './bn/translation.json';
import en from './en/translation.json';
import fil from './fil/translation.json';
import hi from './hi/translation.json';
import id from './id/translation.json';
import ne from './ne/translation.json';
import ru from './ru/translation.json';
import th from './th/translation.json';
import ur from './ur/translation.json';
import vi from './vi/translation.json';
import zh from './zh/translation.json';

/**
 * Every language whole, for the server render (entry-server.tsx) only: the browser fetches its
 * language in parts, on demand (lib/i18n.ts). Never import this from the app: it would put all
 * twelve languages in the first page's script.
 */
const RESOURCES: Record<LocaleCode, Record<string, unknown>> = { ar, bn, en, fil, hi, id, ne, ru, th, ur, vi, zh };

export function serverLocaleResources(code: LocaleCode): Record<string, unknown> {
  return RESOURCES[code];
}
