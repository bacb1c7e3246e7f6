import type { ExportProgressEvent } from '@compact-voices/contracts';

/** Announced as an export advances; the realtime module sends it to the requester's own sockets. */
export const EXPORT_PROGRESS = 'export.progress';

export interface ExportProgressAnnouncement {
  userId: string;
  event: ExportProgressEvent;
}
