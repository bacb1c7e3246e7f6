import type { TFunction } from 'i18next';
import en from '../locales/en/translation.json' with { type: 'json' };
import { isApiError } from './api-client';

type ErrorMessageKey = keyof (typeof en)['errors'];

function hasMessage(code: string): code is ErrorMessageKey {
  return Object.prototype.hasOwnProperty.call(en.errors, code);
}

/** A translated, human message for any thrown value: `errors.<CODE>` when we have one, else the generic line. */
export function errorMessage(t: TFunction, error: unknown): string {
  const code = isApiError(error) ? error.code : 'generic';
  return t(`errors.${hasMessage(code) ? code : 'generic'}`);
}
