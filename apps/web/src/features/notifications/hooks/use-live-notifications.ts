import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { notificationsQueryRoot } from '../../../lib/query-keys';
import type { CreateLiveSocket } from '../../../lib/live/live-connection';
import { liveHub } from '../../../lib/live/live-hub';
import { openLiveSocket } from '../../../lib/live/open-live-socket';

let createSocketOverride: CreateLiveSocket | null | undefined;

/**
 * For tests: the socket the notification listener listens on (a fake, with a LiveHub of its own),
 * or null for none at all. Pages that test their own socket leave this alone: undefined means the
 * tab's real one.
 */
export function setNotificationSocketForTests(create: CreateLiveSocket | null | undefined): void {
  createSocketOverride = create;
}

/**
 * While signed in, listen on the tab's live socket for notifications addressed to me (the server
 * sends them to my own sockets only) and refresh the unread count and the list when one arrives.
 * The socket code is its own chunk, fetched after the page is up.
 */
export function useLiveNotifications(signedIn: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const createSocket = createSocketOverride === undefined ? openLiveSocket : createSocketOverride;
    if (!signedIn || !createSocket) return undefined;
    // The tab's one live socket (shared with thread pages and exports); it follows the session's
    // token and the browser's network by itself.
    return liveHub(createSocket).subscribe({
      onNotification: () => void queryClient.invalidateQueries({ queryKey: notificationsQueryRoot }),
    });
  }, [queryClient, signedIn]);
}
