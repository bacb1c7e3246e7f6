import type { Dashboard, ExportFilters } from '@compact-voices/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

/** GET /dashboard?… — public aggregates for the filters; cells under 5 raters come back suppressed. */
export function getDashboard(filters: ExportFilters, signal?: AbortSignal): Promise<Dashboard> {
  return apiGet<Dashboard>('/dashboard', { params: { ...filters }, signal });
}

export function dashboardQueryOptions(filters: ExportFilters) {
  return queryOptions({
    queryKey: ['dashboard', filters] as const,
    queryFn: ({ signal }) => getDashboard(filters, signal),
    staleTime: 60_000,
  });
}

/** Keeps the last charts on screen while the next filter's numbers load, instead of flashing empty. */
export function useDashboard(filters: ExportFilters) {
  return useQuery({ ...dashboardQueryOptions(filters), placeholderData: keepPreviousData });
}
