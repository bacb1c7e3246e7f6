import { PERSONAL_TRAIL_CACHES } from './cache-rules';
import { clearDraftsOf } from './drafts';
import { clearOutboxOf } from './outbox';

/**
 * Sign-out on a shared phone: this person's waiting items and drafts leave the device, and so do
 * the cached copies of the threads they opened (public text, but the list says what they read).
 * Best effort: a browser that refuses storage has nothing to clear.
 */
export async function forgetOfflineData(userId: string | null): Promise<void> {
  const tasks: Array<Promise<unknown>> = [];
  if (userId) tasks.push(clearOutboxOf(userId), clearDraftsOf(userId));
  if (typeof caches !== 'undefined') tasks.push(...PERSONAL_TRAIL_CACHES.map((name) => caches.delete(name)));
  await Promise.allSettled(tasks);
}
