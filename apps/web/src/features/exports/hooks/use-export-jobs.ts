import type { ExportJob, ExportStatus } from '@compact-voices/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { CreateLiveSocket, LiveStatus } from '../../../lib/live/live-connection';
import { liveHub } from '../../../lib/live/live-hub';
import { openLiveSocket } from '../../../lib/live/open-live-socket';
import { getExport } from '../api/get-export';
import { exportsQueryKey, useExports } from '../api/get-exports';
import { applyProgress, isInFlight, linkExpired, mergeJob, type ExportJobList } from '../job-cache';

/** Without a live socket, ask for each running export this often. */
export const POLL_WITHOUT_SOCKET_MS = 2_000;
/** With one, still ask now and then: a missed event must not leave a bar stuck. */
export const POLL_WITH_SOCKET_MS = 10_000;

let createSocketOverride: CreateLiveSocket | null | undefined;

/** For tests: the socket the exports page listens on (a fake, with a LiveHub of its own), or null for none (polling only). */
export function setExportSocketForTests(create: CreateLiveSocket | null | undefined): void {
  createSocketOverride = create;
}

function socketFactory(): CreateLiveSocket | null {
  return createSocketOverride === undefined ? openLiveSocket : createSocketOverride;
}

export interface DownloadLink {
  url: string;
  expiresAt: string | null;
  /** Followed once already: the server will not serve it again. */
  used: boolean;
}

/** A job that just finished, for the page's live announcement. */
export interface FinishedJob {
  job: ExportJob;
  status: ExportStatus;
}

/**
 * My exports with live progress: the list, progress events from the live socket (polling GET
 * /exports/{id} every 2 s while there is no socket), and for finished jobs a download link. A
 * link is single-use and bound to this browser, so it is asked for when a job finishes and asked
 * for again when it has been used or has expired.
 */
export function useExportJobs() {
  const queryClient = useQueryClient();
  const list = useExports();
  const [liveStatus, setLiveStatus] = useState<LiveStatus>(() => (socketFactory() ? 'connecting' : 'unavailable'));
  const [links, setLinks] = useState<Record<string, DownloadLink>>({});
  const [finished, setFinished] = useState<FinishedJob | null>(null);
  const [seen, setSeen] = useState<{ jobs: readonly ExportJob[] | undefined; statuses: ReadonlyMap<string, ExportStatus> }>({
    jobs: undefined,
    statuses: new Map(),
  });

  const fetchJob = useCallback(
    async (id: string): Promise<ExportJob> => {
      const job = await getExport(id);
      queryClient.setQueryData<ExportJobList>(exportsQueryKey, (current) => mergeJob(current, job));
      if (job.downloadUrl) {
        const url = job.downloadUrl;
        setLinks((current) => ({ ...current, [id]: { url, expiresAt: job.downloadExpiresAt ?? null, used: false } }));
      }
      return job;
    },
    [queryClient],
  );

  // Live progress over the socket.
  useEffect(() => {
    const createSocket = socketFactory();
    if (!createSocket) return undefined;
    // The tab's one live socket: progress is sent to my own sockets.
    return liveHub(createSocket).subscribe({
      onStatus: setLiveStatus,
      onExportProgress: (event) => {
        queryClient.setQueryData<ExportJobList>(exportsQueryKey, (current) => applyProgress(current, event));
        // The event carries no link: the job itself does, minted for this browser.
        if (event.status === 'done') void fetchJob(event.id).catch(() => undefined);
      },
    });
  }, [queryClient, fetchJob]);

  // Whatever told us a job finished (socket, poll, list), announce it once. Derived while
  // rendering from the previous statuses (no effect: nothing outside React is involved).
  const jobs = list.data?.items;
  if (jobs !== seen.jobs) {
    const statuses = new Map(seen.statuses);
    let justFinished: FinishedJob | null = null;
    for (const job of jobs ?? []) {
      const before = statuses.get(job.id);
      statuses.set(job.id, job.status);
      if (before !== undefined && before !== job.status && isInFlight(before) && !isInFlight(job.status))
        justFinished = { job, status: job.status };
    }
    setSeen({ jobs, statuses });
    if (justFinished) setFinished(justFinished);
  }

  // Polling: fast without a socket, slow with one, only while something runs.
  const inFlightIds = (jobs ?? []).filter((job) => isInFlight(job.status)).map((job) => job.id);
  const inFlightKey = inFlightIds.join(',');
  const pollEvery = liveStatus === 'live' ? POLL_WITH_SOCKET_MS : POLL_WITHOUT_SOCKET_MS;
  useEffect(() => {
    if (!inFlightKey) return undefined;
    const ids = inFlightKey.split(',');
    const timer = setInterval(() => {
      for (const id of ids) void fetchJob(id).catch(() => undefined);
    }, pollEvery);
    return () => clearInterval(timer);
  }, [inFlightKey, pollEvery, fetchJob]);

  /** A link to follow now: the one we hold if unused and fresh, else a new one from the server. */
  const usableLink = useCallback(
    (id: string): DownloadLink | null => {
      const link = links[id];
      return link && !link.used && !linkExpired({ downloadExpiresAt: link.expiresAt }) ? link : null;
    },
    [links],
  );

  const markUsed = useCallback((id: string) => {
    setLinks((current) => (current[id] ? { ...current, [id]: { ...current[id], used: true } } : current));
  }, []);

  /** Ask the server for a fresh link (the old one was used or expired); null when it has none. */
  const freshLink = useCallback(
    async (id: string): Promise<string | null> => {
      const job = await fetchJob(id);
      return job.downloadUrl ?? null;
    },
    [fetchJob],
  );

  return { list, liveStatus, links, usableLink, markUsed, freshLink, finished };
}
