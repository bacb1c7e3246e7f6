import { ErrorCode } from '@compact-voices/contracts';
import type { TFunction } from 'i18next';
import type en from '../locales/en/translation.json';
import { isApiError } from './api-client';
import { i18n } from './i18n';

type ErrorMessageKey = keyof (typeof en)['errors'];

/** Every language has the same keys (the locale test), so the one loaded tells. */
function hasMessage(code: string): code is ErrorMessageKey {
  return /^[A-Z][A-Z0-9_]*$/.test(code) && i18n.exists(`errors.${code}`);
}

/** Whole minutes to wait, rounded up: "try again in 1 minute" rather than "in 0". */
export function retryAfterMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * A translated, human message for any thrown value: `errors.<CODE>` when we have one, else the
 * generic line. A 429 that says how long to wait says so in minutes.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.code === ErrorCode.TOO_MANY_REQUESTS && error.retryAfterSeconds !== undefined) {
    return t('errors.tooManyAttempts', { count: retryAfterMinutes(error.retryAfterSeconds) });
  }
  const code = isApiError(error) ? error.code : 'generic';
  return t(`errors.${hasMessage(code) ? code : 'generic'}`);
}

/** Whether errors.<code> exists (for mapping a server code to one form field). */
export function hasErrorMessage(code: string): code is ErrorMessageKey {
  return hasMessage(code);
}
