import type { ThreadEvents } from '@compact-voices/contracts';
import { apiGet } from '../../../lib/api-client';

/** At most this many per answer (the API's default); ask again from the last one while there are more. */
export const THREAD_EVENTS_PAGE = 200;

/**
 * GET …/events?after=<seq> — what a reconnecting client missed: the thread's events after `after`,
 * in seq order, each rendered as it reads now (a comment removed since arrives as its tombstone).
 */
export function getThreadEvents(consultationId: string, code: string, after: number, signal?: AbortSignal): Promise<ThreadEvents> {
  return apiGet<ThreadEvents>(`/consultations/${encodeURIComponent(consultationId)}/recommendations/${encodeURIComponent(code)}/events`, {
    params: { after, limit: THREAD_EVENTS_PAGE },
    signal,
  });
}
