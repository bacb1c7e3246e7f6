import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../hooks/use-session';
import { hasSessionHint } from '../auth-session';
import { deviceUser, outboxItems, removeFromOutbox, subscribeOutbox, type OutboxItem } from './outbox';

/**
 * Whose waiting items this page may show: the signed-in person's; while a reload without a
 * connection keeps the session unconfirmed (its cookie still there), the person this device last
 * confirmed. Nobody's once signed out for sure.
 */
async function viewer(signedInId: string | null): Promise<string | null> {
  if (signedInId) return signedInId;
  return hasSessionHint() ? deviceUser() : null;
}

/** The items of one thread that wait to be sent (or were refused), oldest first, updated as the outbox changes. */
export function useThreadOutbox(consultationId: string, code: string): { items: OutboxItem[]; dismiss: (item: OutboxItem) => void } {
  const session = useSession();
  const signedInId = session.status === 'signed-in' ? (session.user?.id ?? null) : null;
  const [items, setItems] = useState<OutboxItem[]>([]);

  useEffect(() => {
    let current = true;
    const load = () => {
      void Promise.all([viewer(signedInId), outboxItems()])
        .then(([who, all]) => {
          if (!current) return;
          setItems(
            who
              ? all.filter((item) => item.userId === who && item.thread.consultationId === consultationId && item.thread.code === code)
              : [],
          );
        })
        .catch(() => undefined);
    };
    load();
    const unsubscribe = subscribeOutbox(load);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [signedInId, consultationId, code]);

  const dismiss = useCallback((item: OutboxItem) => {
    void removeFromOutbox(item).catch(() => undefined);
  }, []);

  return { items, dismiss };
}
