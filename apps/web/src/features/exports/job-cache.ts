import type { ExportJob, ExportProgressEvent, ExportStatus, ListResponse } from '@compact-voices/contracts';

export type ExportJobList = ListResponse<ExportJob>;

/** Still waiting or running: it has a progress bar and can be cancelled. */
export function isInFlight(status: ExportStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** Finished one way or another: nothing about it changes any more. */
export function isTerminal(status: ExportStatus): boolean {
  return !isInFlight(status);
}

/**
 * A job as the server sent it, put into the list: replaces the one with its id or goes first
 * (the list is newest first). A later answer never takes a finished job back to running, which an
 * out-of-order poll or socket event could otherwise do.
 */
export function mergeJob(list: ExportJobList | undefined, job: ExportJob): ExportJobList {
  const items = list?.items ?? [];
  const index = items.findIndex((item) => item.id === job.id);
  if (index === -1) return { items: [job, ...items] };
  const current = items[index];
  if (isTerminal(current.status) && isInFlight(job.status)) return list!;
  const next = [...items];
  next[index] = job;
  return { items: next };
}

/** A live progress event applied to the list: unknown jobs and finished jobs are left alone. */
export function applyProgress(list: ExportJobList | undefined, event: ExportProgressEvent): ExportJobList | undefined {
  if (!list) return list;
  const index = list.items.findIndex((item) => item.id === event.id);
  if (index === -1) return list;
  const current = list.items[index];
  if (isTerminal(current.status)) return list;
  // Progress only moves forward while running (events can overtake each other).
  const progress = event.status === 'done' ? 1 : Math.max(current.progress, event.progress);
  const next = [...list.items];
  next[index] = { ...current, status: event.status, progress, rowCount: event.rowCount ?? current.rowCount };
  return { items: next };
}

/** A download link that has expired (or will within a few seconds) is not worth following. */
export function linkExpired(job: Pick<ExportJob, 'downloadExpiresAt'>, now: number = Date.now()): boolean {
  if (!job.downloadExpiresAt) return false;
  const expires = Date.parse(job.downloadExpiresAt);
  return Number.isNaN(expires) ? false : expires - 5_000 <= now;
}

/** Progress as a whole percentage, 0–100. */
export function progressPercent(job: Pick<ExportJob, 'status' | 'progress'>): number {
  if (job.status === 'done') return 100;
  const value = Number.isFinite(job.progress) ? job.progress : 0;
  return Math.min(100, Math.max(0, Math.floor(value * 100)));
}

/** "1a2b3c4d…9f0e" — the first and last eight hex digits of a checksum. */
export function abbreviateHash(hash: string): string {
  return hash.length <= 20 ? hash : `${hash.slice(0, 8)}…${hash.slice(-8)}`;
}
