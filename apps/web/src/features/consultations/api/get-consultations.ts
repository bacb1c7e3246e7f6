import type { Consultation, ListResponse } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { consultationsQueryRoot } from '../../../lib/query-keys';

export type ConsultationList = ListResponse<Consultation>;

/** GET /consultations — every round but drafts (admins see drafts too), latest opening first. */
export function getConsultations(signal?: AbortSignal): Promise<ConsultationList> {
  return apiGet<ConsultationList>('/consultations', { signal });
}

export function consultationsQueryOptions() {
  return queryOptions({
    queryKey: [...consultationsQueryRoot, 'list'] as const,
    queryFn: ({ signal }) => getConsultations(signal),
    // A round opens and closes with the clock: never trust an old answer for long.
    staleTime: 30_000,
  });
}

export function useConsultations() {
  return useQuery(consultationsQueryOptions());
}
