import type { ExportJob } from '@compact-voices/contracts';
import { apiGet } from '../../../lib/api-client';

/**
 * GET /exports/{id} — one of my exports. When done it carries a fresh single-use download link,
 * bound to this browser by a cookie set with the same answer; 404 EXPORT_NOT_FOUND for anyone else's.
 */
export function getExport(id: string, signal?: AbortSignal): Promise<ExportJob> {
  return apiGet<ExportJob>(`/exports/${encodeURIComponent(id)}`, { signal });
}
