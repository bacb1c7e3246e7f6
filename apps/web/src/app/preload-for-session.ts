import { hasSessionHint } from '../lib/auth-session';

const THREAD_PATH = /^\/consultations\/[^/]+\/recommendations\/[^/]+\/?$/;

/**
 * Someone who may be signed in (the session hint cookie), opening a thread: the comment box and the
 * rating form are fetched at once, beside the session's refresh, instead of once the refresh, the
 * page and their account have answered — seconds sooner on a slow connection. Nobody else pays for
 * them: a reader's first visit stays as small as it was.
 */
export function preloadForSession(pathname: string): boolean {
  if (!hasSessionHint() || !THREAD_PATH.test(pathname)) return false;
  // The same modules thread-route.tsx loads lazily: one chunk each, fetched once.
  void import('../features/comments/components/comment-composer').catch(() => undefined);
  void import('../features/ratings/components/rating-form').catch(() => undefined);
  return true;
}
