import { ThreadSync, type Comment } from '@compact-voices/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getThreadEvents } from '../api/get-thread-events';
import { ThreadEventApplier } from '../apply-thread-event';
import type { CreateLiveSocket, LiveStatus } from '../../../lib/live/live-connection';
import { liveHub } from '../../../lib/live/live-hub';
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
  /** For tests: a fake socket (the hub of that socket factory is used instead of the tab's). */
  createSocket?: CreateLiveSocket;
}

/** The last few arrivals stay in the live region; older ones have been announced already. */
const KEPT_ARRIVALS = 3;

/**
 * Keeps a thread page live: joins its room on the tab's live socket (see LiveHub), applies the
 * thread's events to the cached comments and summaries (gap-free, see ThreadSync), and reports the
 * connection, presence and new comments. The socket code loads with the first page that needs it.
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
    // The tab's one live socket: this thread's room is joined on it, and rejoined (with a resync)
    // after every reconnect; it follows the session's token and the browser's network by itself.
    const unsubscribe = liveHub(createSocket).subscribeThread(
      { consultationId, recommendationCode: code },
      {
        onJoined: (lastSeq) => void sync.joined(lastSeq),
        onEvent: (event) => sync.receive(event),
        onPresence: setPresence,
        onStatus: setStatus,
      },
    );
    return () => {
      unsubscribe();
      sync.stop();
      applier.dispose();
    };
  }, [queryClient, consultationId, code, enabled, refetchSummaries, createSocket]);

  return { status, presence, arrivals };
}
