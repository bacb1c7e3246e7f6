import { del, get, keys, set } from 'idb-keyval';
import { draftsStore, hasOfflineStorage } from './offline-db';

/** One person's draft of one form: `[userId, scope]`, so a second person on the phone never gets the first one's text. */
type DraftKey = [string, string];

export async function loadDraft<V>(userId: string, scope: string): Promise<V | undefined> {
  if (!hasOfflineStorage()) return undefined;
  return get<V>([userId, scope] satisfies DraftKey, draftsStore());
}

export async function saveDraft<V>(userId: string, scope: string, values: V): Promise<void> {
  if (!hasOfflineStorage()) return;
  await set([userId, scope] satisfies DraftKey, values, draftsStore());
}

export async function deleteDraft(userId: string, scope: string): Promise<void> {
  if (!hasOfflineStorage()) return;
  await del([userId, scope] satisfies DraftKey, draftsStore());
}

/** Sign-out: every draft of this person goes. */
export async function clearDraftsOf(userId: string): Promise<void> {
  if (!hasOfflineStorage()) return;
  const all = await keys<IDBValidKey>(draftsStore());
  for (const key of all) {
    if (Array.isArray(key) && key[0] === userId) await del(key, draftsStore());
  }
}

/** The scope of a comment's draft: the thread, and the comment it replies to. */
export function commentDraftScope(consultationId: string, code: string, parentId?: string): string {
  return `comment:${consultationId}:${code}:${parentId ?? 'top'}`;
}

/** The scope of a rating's draft: the thread and the country. */
export function ratingDraftScope(consultationId: string, code: string, countryIso3: string): string {
  return `rating:${consultationId}:${code}:${countryIso3}`;
}
