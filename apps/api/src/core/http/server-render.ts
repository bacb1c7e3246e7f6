import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_LOCALE, isLocaleCode, LOCALE_COOKIE, TIME_ZONE_COOKIE, type LocaleCode } from '@compact-voices/contracts';
import type { Request } from 'express';
import { localeFromAcceptLanguage } from './request-locale.js';

/** The web app's server entry (apps/web/src/entry-server.tsx), as built into dist-server/. */
interface ServerEntry {
  isServerRendered(pathname: string): boolean;
  render(request: {
    url: string;
    locale: LocaleCode;
    timeZone?: string;
    apiOrigin: string;
    timeoutMs: number;
  }): Promise<{ html: string; state: { locale: LocaleCode; dir: 'ltr' | 'rtl' } } | null>;
}

export interface ServerRenderer {
  isServerRendered(pathname: string): boolean;
  /** index.html with the page rendered into it, or null: then the app shell is served as before. */
  page(request: Request): Promise<string | null>;
}

/**
 * The reader's language for a server-rendered page: the one they chose (a cookie the web app sets
 * with the choice), else their browser's, else English — the order the web app itself follows.
 */
function cookieValue(request: Pick<Request, 'headers'>, name: string): string | undefined {
  return (request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];
}

export function pageLocale(request: Pick<Request, 'headers'>): LocaleCode {
  const cookie = cookieValue(request, LOCALE_COOKIE);
  if (isLocaleCode(cookie)) return cookie;
  return localeFromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LOCALE;
}

/**
 * The reader's time zone as their browser reported it (a cookie the web app sets), when it is a
 * zone name at all; the web app's render checks it against Intl and falls back to UTC.
 */
export function pageTimeZone(request: Pick<Request, 'headers'>): string | undefined {
  let value: string;
  try {
    value = decodeURIComponent(cookieValue(request, TIME_ZONE_COOKIE) ?? '');
  } catch {
    return undefined;
  }
  return /^[A-Za-z0-9_+\-/]{1,64}$/.test(value) ? value : undefined;
}

/**
 * JSON for a `<script type="application/json">`: `<` escaped, so text anyone wrote (a comment
 * holding `</script><script>…`) can never close the element.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const ROOT = '<div id="root"></div>';

/** index.html with a rendered page: its markup in #root, its state beside it, its language on <html>. */
export function injectPage(template: string, rendered: { html: string; state: { locale: LocaleCode; dir: 'ltr' | 'rtl' } }): string {
  if (!template.includes(ROOT)) throw new Error(`index.html must contain ${ROOT}`);
  const { locale, dir } = rendered.state;
  return (
    template
      .replace(/<html lang="[^"]*" dir="[^"]*">/, `<html lang="${locale}" dir="${dir}">`)
      // The page reads without JavaScript; the notice that it needs it would be wrong.
      .replace(/<noscript>[\s\S]*?<\/noscript>/, '')
      .replace(
        ROOT,
        () =>
          `<div id="root">${rendered.html}</div><script type="application/json" id="cv-ssr-state">${scriptSafeJson(rendered.state)}</script>`,
      )
  );
}

/**
 * Loads the web app's server entry when it was built (dist-server/ beside dist/), else null: the
 * app shell is then served for every page, as before server rendering.
 */
export async function loadServerRenderer(options: {
  webDist: string;
  apiOrigin: string;
  timeoutMs: number;
  onError: (error: unknown) => void;
}): Promise<ServerRenderer | null> {
  const entryPath = join(options.webDist, '..', 'dist-server', 'entry-server.js');
  if (!existsSync(entryPath)) return null;
  const entry = (await import(pathToFileURL(entryPath).href)) as ServerEntry;
  const template = readFileSync(join(options.webDist, 'index.html'), 'utf8');
  return {
    isServerRendered: (pathname) => entry.isServerRendered(pathname),
    async page(request) {
      try {
        const rendered = await entry.render({
          url: request.originalUrl,
          locale: pageLocale(request),
          timeZone: pageTimeZone(request),
          apiOrigin: options.apiOrigin,
          timeoutMs: options.timeoutMs,
        });
        return rendered ? injectPage(template, rendered) : null;
      } catch (error) {
        options.onError(error);
        return null;
      }
    },
  };
}
