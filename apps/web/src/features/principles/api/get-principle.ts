import type { LocaleCode, PrincipleDetail } from '@compact-voices/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { contentLocaleParam, useContentLocale } from '../../../lib/content-locale';

/** GET /principles/{code}?locale= — one principle with its recommendations; 404 PRINCIPLE_NOT_FOUND. */
export function getPrinciple(code: string, locale: LocaleCode, signal?: AbortSignal): Promise<PrincipleDetail> {
  return apiGet<PrincipleDetail>(`/principles/${encodeURIComponent(code)}`, { params: { locale: contentLocaleParam(locale) }, signal });
}

export function principleQueryOptions(code: string, locale: LocaleCode) {
  return queryOptions({
    queryKey: ['principles', 'detail', code, locale] as const,
    queryFn: ({ signal }) => getPrinciple(code, locale, signal),
  });
}

export function usePrinciple(code: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...principleQueryOptions(code, useContentLocale()), enabled: options.enabled ?? true });
}
