import type { RatingSummary } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { threadQueryKey } from '../../../lib/query-keys';

/**
 * GET …/ratings/summary?country=ISO3 — distribution, median, mean, by stakeholder type, perception
 * gap and the official status. Fewer than 5 raters: `suppressed`, and the public gets no numbers.
 */
export function getRatingSummary(consultationId: string, code: string, countryIso3: string, signal?: AbortSignal): Promise<RatingSummary> {
  return apiGet<RatingSummary>(
    `/consultations/${encodeURIComponent(consultationId)}/recommendations/${encodeURIComponent(code)}/ratings/summary`,
    { params: { country: countryIso3 }, signal },
  );
}

export function ratingSummaryQueryOptions(consultationId: string, code: string, countryIso3: string) {
  return queryOptions({
    queryKey: [...threadQueryKey(consultationId, code), 'summary', countryIso3] as const,
    queryFn: ({ signal }) => getRatingSummary(consultationId, code, countryIso3, signal),
    // Live "ratings.summary" events replace it while the page is open.
    staleTime: 60_000,
  });
}

export function useRatingSummary(consultationId: string, code: string, countryIso3: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...ratingSummaryQueryOptions(consultationId, code, countryIso3),
    enabled: (options.enabled ?? true) && countryIso3 !== '',
  });
}
