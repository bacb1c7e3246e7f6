import { useEffect, useLayoutEffect, useRef } from 'react';
import { deleteDraft, loadDraft, saveDraft } from './drafts';

const SAVE_DELAY_MS = 400;

export interface UseDraftOptions<V> {
  /** The writer; no draft is kept for nobody. */
  userId: string | null | undefined;
  scope: string;
  values: V;
  /** Values not worth keeping (an empty form, or the rating already saved): the draft is deleted instead. */
  isBlank: (values: V) => boolean;
  /** Put a saved draft back into the form; called once, only when the person has not typed yet. */
  restore: (values: V) => void;
}

interface DraftState {
  /** Nothing is written before the saved draft was read: the empty form would replace it. */
  loaded: boolean;
  /** What the device holds now, as JSON. */
  saved: string | null;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Keeps what a person types in a form on the device (IndexedDB), a moment after each change and
 * at once when the page is hidden or left, and puts it back when the form is opened again: a
 * reload, a killed tab or a crashed browser loses nothing. `clear` after the form was sent.
 */
export function useDraft<V>({ userId, scope, values, isBlank, restore }: UseDraftOptions<V>): { clear: () => Promise<void> } {
  const latest = useRef({ values, isBlank, restore });
  const state = useRef<DraftState>({ loaded: false, saved: null, timer: undefined });
  const serialised = JSON.stringify(values);

  useLayoutEffect(() => {
    latest.current = { values, isBlank, restore };
  });

  /** Write the form's values now (or delete the draft when they are blank), unless the device has them already. */
  const persistRef = useRef((owner: string, where: string) => {
    const draft = state.current;
    clearTimeout(draft.timer);
    draft.timer = undefined;
    if (!draft.loaded) return;
    const { values: current, isBlank: blank } = latest.current;
    const text = JSON.stringify(current);
    if (text === draft.saved) return;
    draft.saved = text;
    void (blank(current) ? deleteDraft(owner, where) : saveDraft(owner, where, current)).catch(() => undefined);
  });

  useEffect(() => {
    const draft = state.current;
    draft.loaded = false;
    draft.saved = null;
    if (!userId) return undefined;
    const persist = persistRef.current;
    let cancelled = false;
    const initial = JSON.stringify(latest.current.values);
    loadDraft<V>(userId, scope)
      .then((found) => {
        if (cancelled || found === undefined) return;
        draft.saved = JSON.stringify(found);
        // Typed into already (a fast typist on a slow phone): what is on screen wins.
        if (JSON.stringify(latest.current.values) === initial) latest.current.restore(found);
      })
      .catch(() => undefined)
      .finally(() => {
        if (cancelled) return;
        draft.loaded = true;
        if (JSON.stringify(latest.current.values) !== initial) persist(userId, scope);
      });

    const handleHidden = () => {
      if (document.visibilityState === 'hidden') persist(userId, scope);
    };
    const handlePageHide = () => persist(userId, scope);
    document.addEventListener('visibilitychange', handleHidden);
    window.addEventListener('pagehide', handlePageHide);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', handleHidden);
      window.removeEventListener('pagehide', handlePageHide);
      // Leaving the form (a reply closed, another page): what was typed is kept.
      persist(userId, scope);
    };
  }, [userId, scope]);

  useEffect(() => {
    const draft = state.current;
    if (!userId || !draft.loaded || serialised === draft.saved) return;
    clearTimeout(draft.timer);
    const persist = persistRef.current;
    draft.timer = setTimeout(() => persist(userId, scope), SAVE_DELAY_MS);
  }, [userId, scope, serialised]);

  return {
    clear: async () => {
      const draft = state.current;
      clearTimeout(draft.timer);
      draft.timer = undefined;
      draft.saved = JSON.stringify(latest.current.values);
      if (userId) await deleteDraft(userId, scope).catch(() => undefined);
    },
  };
}
