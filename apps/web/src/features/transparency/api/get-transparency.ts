import type { Transparency } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** GET /transparency?consultationId= — public counts of moderation (all rounds, or one). */
export function getTransparency(consultationId: string | null, signal?: AbortSignal): Promise<Transparency> {
  return apiGet<Transparency>('/transparency', { params: { consultationId }, signal });
}

export function transparencyQueryOptions(consultationId: string | null) {
  return queryOptions({
    queryKey: ['transparency', consultationId ?? 'all'] as const,
    queryFn: ({ signal }) => getTransparency(consultationId, signal),
    staleTime: 60_000,
  });
}

export function useTransparency(consultationId: string | null) {
  return useQuery(transparencyQueryOptions(consultationId));
}
