import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { authSession } from '../../../lib/auth-session';
import { notificationsQueryRoot } from '../../../lib/query-keys';
import { LiveConnection, type CreateLiveSocket } from '../../../lib/live/live-connection';
import { openLiveSocket } from '../../../lib/live/open-live-socket';

let createSocketOverride: CreateLiveSocket | null | undefined;

/**
 * For tests: the socket the notification listener opens (a fake), or null for none at all. Pages
 * that test their own socket leave this alone: undefined means the real one.
 */
export function setNotificationSocketForTests(create: CreateLiveSocket | null | undefined): void {
  createSocketOverride = create;
}

/**
 * While signed in, listen on the live socket for notifications addressed to me (the server sends
 * them to my own sockets only) and refresh the unread count and the list when one arrives. The
 * socket code is its own chunk, fetched after the page is up.
 */
export function useLiveNotifications(signedIn: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const createSocket = createSocketOverride === undefined ? openLiveSocket : createSocketOverride;
    if (!signedIn || !createSocket) return undefined;
    const noop = () => undefined;
    const connection = new LiveConnection({
      thread: null,
      createSocket,
      token: () => authSession.accessToken,
      renewToken: (rejected) => authSession.renew(rejected),
      onJoined: noop,
      onEvent: noop,
      onPresence: noop,
      onStatus: noop,
      onNotification: () => void queryClient.invalidateQueries({ queryKey: notificationsQueryRoot }),
    });
    void connection.start();
    const unsubscribe = authSession.subscribe(() => connection.refreshAuth());
    const online = () => connection.goOnline();
    const offline = () => connection.goOffline();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      unsubscribe();
      connection.stop();
    };
  }, [queryClient, signedIn]);
}
