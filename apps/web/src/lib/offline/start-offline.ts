import type { QueryClient } from '@tanstack/react-query';
import { hasSessionHint, type AuthSession } from '../auth-session';
import { registerServiceWorker } from './register-service-worker';

/**
 * At app start: the service worker, and the outbox's sync for a person who may have something
 * waiting (a session cookie on this device, or a sign-in in this tab). A first-time reader loads
 * neither the outbox nor IndexedDB's library.
 */
export function startOffline(session: AuthSession, queryClient: QueryClient): void {
  registerServiceWorker();
  let started = false;
  const startSync = () => {
    if (started) return;
    started = true;
    void import('./outbox-sync')
      .then(({ startOutboxSync }) => startOutboxSync(session, queryClient))
      .catch(() => {
        started = false;
      });
    // Signing out clears this device's offline data: loaded now, so it can when the connection is gone.
    void import('./forget-offline-data').catch(() => undefined);
  };
  if (hasSessionHint()) {
    startSync();
    return;
  }
  const unsubscribe = session.subscribe(() => {
    if (session.getState().status !== 'signed-in') return;
    unsubscribe();
    startSync();
  });
}
