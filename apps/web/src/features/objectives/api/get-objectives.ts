import type { LocaleCode, ObjectiveList } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { contentLocaleParam, useContentLocale } from '../../../lib/content-locale';

/** GET /objectives?locale= — the 23 GCM objectives with the codes of their recommendations. */
export function getObjectives(locale: LocaleCode, signal?: AbortSignal): Promise<ObjectiveList> {
  return apiGet<ObjectiveList>('/objectives', { params: { locale: contentLocaleParam(locale) }, signal });
}

export function objectivesQueryOptions(locale: LocaleCode) {
  return queryOptions({
    queryKey: ['objectives', 'list', locale] as const,
    queryFn: ({ signal }) => getObjectives(locale, signal),
  });
}

export function useObjectives() {
  return useQuery(objectivesQueryOptions(useContentLocale()));
}
