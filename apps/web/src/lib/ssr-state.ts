import type { LocaleCode } from '@compact-voices/contracts';
import type { DehydratedState } from '@tanstack/react-query';

/**
 * What a server-rendered page hands to the browser (entry-server.tsx → main.tsx): the language it
 * was rendered in and the answers it was rendered from, in a `<script type="application/json">`
 * that the content security policy lets through (it is data, never run).
 */
export interface SsrState {
  locale: LocaleCode;
  dir: 'ltr' | 'rtl';
  /** The zone dates were written in, and whether it is the reader's (their cookie) or a guess (UTC). */
  timeZone: string;
  timeZoneKnown: boolean;
  queries: DehydratedState;
}

export const SSR_STATE_ELEMENT_ID = 'cv-ssr-state';

/** Answers the server rendered with are fresh for this long after hydration: the page does not ask again. */
export const SSR_QUERY_STALE_MS = 60_000;

/** The state of a server-rendered page, or null for the app shell (or a state that cannot be read). */
export function readSsrState(doc: Document = document): SsrState | null {
  const element = doc.getElementById(SSR_STATE_ELEMENT_ID);
  if (!element?.textContent) return null;
  try {
    const state = JSON.parse(element.textContent) as SsrState;
    return typeof state.locale === 'string' && state.queries ? state : null;
  } catch {
    return null;
  }
}
