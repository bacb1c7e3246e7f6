import type { LocaleCode, PrincipleList } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { contentLocaleParam, useContentLocale } from '../../../lib/content-locale';

/** GET /principles?locale= — the 10 guiding principles in the chapter's order, in the reader's language. */
export function getPrinciples(locale: LocaleCode, signal?: AbortSignal): Promise<PrincipleList> {
  return apiGet<PrincipleList>('/principles', { params: { locale: contentLocaleParam(locale) }, signal });
}

export function principlesQueryOptions(locale: LocaleCode) {
  return queryOptions({
    queryKey: ['principles', 'list', locale] as const,
    queryFn: ({ signal }) => getPrinciples(locale, signal),
  });
}

export function usePrinciples() {
  return useQuery(principlesQueryOptions(useContentLocale()));
}
