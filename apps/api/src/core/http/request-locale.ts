import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { isLocaleCode, localeForTag, type LocaleCode } from '@compact-voices/contracts';

/** The first shipped language in an Accept-Language header (`ur-PK,ur;q=0.9,en;q=0.8` → ur; `tl-PH` → fil), by preference. */
export function localeFromAcceptLanguage(header: string | undefined): LocaleCode | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { locale: localeForTag(tag.trim()), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.locale).find((locale) => locale !== undefined);
}

/**
 * The language to word server text in: `?locale=` when given (validated by the route's DTO), else
 * the request's Accept-Language, else undefined (the service decides: the account's language or English).
 */
export const RequestLocale = createParamDecorator((_data: unknown, context: ExecutionContext): LocaleCode | undefined => {
  const request = context.switchToHttp().getRequest<Request>();
  const query = request.query?.locale;
  if (isLocaleCode(query)) return query;
  return localeFromAcceptLanguage(request.headers['accept-language']);
});
