import { ThreadSync, type Comment } from '@compact-voices/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { authSession } from '../../../lib/auth-session';
import { getThreadEvents } from '../api/get-thread-events';
import { ThreadEventApplier } from '../apply-thread-event';
import { LiveConnection, type CreateLiveSocket, type LiveStatus } from '../../../lib/live/live-connection';
import { openLiveSocket } from '../../../lib/live/open-live-socket';

export interface LiveAnnouncement {
  id: number;
  comment: Comment;
}

export interface LiveThreadState {
  status: LiveStatus;
  /** People on this thread page now (this one included); null until the server says. */
  presence: number | null;
  /** The latest comments that arrived live, newest last, for a polite announcement. */
  arrivals: LiveAnnouncement[];
}

interface UseLiveThreadOptions {
  /** Connect only once the thread is known to exist (and be in its round). */
  enabled?: boolean;
  /** Admins see unsuppressed summaries over REST; live ones are public, so they refetch instead. */
  refetchSummaries?: boolean;
  /** For tests: a fake socket. */
  createSocket?: CreateLiveSocket;
}

/** The last few arrivals stay in the live region; older ones have been announced already. */
const KEPT_ARRIVALS = 3;

/**
 * Keeps a thread page live: joins its room over socket.io, applies the thread's events to the
 * cached comments and summaries (gap-free, see ThreadSync), follows the session's token, and reports
 * the connection, presence and new comments. The socket code loads with the first thread page.
 */
export function useLiveThread(consultationId: string, code: string, options: UseLiveThreadOptions = {}): LiveThreadState {
  const queryClient = useQueryClient();
  const { enabled = true, refetchSummaries = false, createSocket = openLiveSocket } = options;
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [presence, setPresence] = useState<number | null>(null);
  const [arrivals, setArrivals] = useState<LiveAnnouncement[]>([]);

  useEffect(() => {
    if (!enabled) return undefined;
    let nextId = 0;
    const applier = new ThreadEventApplier(queryClient, consultationId, code, {
      refetchSummaries,
      onNewComment: (comment) => {
        nextId += 1;
        const arrival = { id: nextId, comment };
        setArrivals((current) => [...current, arrival].slice(-KEPT_ARRIVALS));
      },
    });
    const sync = new ThreadSync({
      fetchEvents: (after) => getThreadEvents(consultationId, code, after),
      apply: applier.apply,
    });
    const connection = new LiveConnection({
      thread: { consultationId, recommendationCode: code },
      createSocket,
      token: () => authSession.accessToken,
      renewToken: (rejected) => authSession.renew(rejected),
      onJoined: (lastSeq) => void sync.joined(lastSeq),
      onEvent: (event) => sync.receive(event),
      onPresence: setPresence,
      onStatus: setStatus,
    });
    void connection.start();
    // A refreshed token, a sign-in or a sign-out: the socket reconnects with the new identity.
    const unsubscribe = authSession.subscribe(() => connection.refreshAuth());
    const offline = () => connection.goOffline();
    const online = () => connection.goOnline();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    if (typeof navigator !== 'undefined' && navigator.onLine === false) connection.goOffline();
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      unsubscribe();
      connection.stop();
      sync.stop();
      applier.dispose();
    };
  }, [queryClient, consultationId, code, enabled, refetchSummaries, createSocket]);

  return { status, presence, arrivals };
}
