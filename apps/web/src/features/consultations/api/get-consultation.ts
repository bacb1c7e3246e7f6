import type { Consultation } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { consultationsQueryRoot } from '../../../lib/query-keys';

/** GET /consultations/{id} — 404 CONSULTATION_NOT_FOUND (also for a draft, except to admins). */
export function getConsultation(id: string, signal?: AbortSignal): Promise<Consultation> {
  return apiGet<Consultation>(`/consultations/${encodeURIComponent(id)}`, { signal });
}

export function consultationQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...consultationsQueryRoot, 'detail', id] as const,
    queryFn: ({ signal }) => getConsultation(id, signal),
    staleTime: 30_000,
  });
}

export function useConsultation(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...consultationQueryOptions(id), enabled: options.enabled ?? true });
}
