import { isApiError } from '../api-client';

/** The request never got an answer (no connection, DNS, a dropped socket): not a 4xx or 5xx. */
export function isNetworkFailure(error: unknown): boolean {
  return isApiError(error) && error.status === 0;
}

/** The browser knows it has no connection: a write goes to the outbox at once instead of being tried. */
export function isKnownOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
