import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_LOCALE,
  isLocaleCode,
  LOCALE_COOKIE,
  SESSION_HINT_COOKIE,
  TIME_ZONE_COOKIE,
  type LocaleCode,
} from '@compact-voices/contracts';
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
  }): Promise<RenderedPage | null>;
}

interface RenderedPage {
  html: string;
  state: { locale: LocaleCode; dir: 'ltr' | 'rtl' };
  /** Keys of Vite's manifest the page loads at once. */
  modules?: string[];
}

/** Vite's build manifest (dist/.vite/manifest.json): each source module's file and the chunks it imports. */
export type BuildManifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;

/**
 * The files to name as `<link rel="modulepreload">` for `modules`: each one's file and the chunks it
 * imports, less what the entry (index.html) already loads.
 */
export function preloadFiles(manifest: BuildManifest, modules: readonly string[]): string[] {
  const entryFiles = new Set<string>();
  const collect = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) collect(imported, into);
  };
  collect('index.html', entryFiles);
  const files = new Set<string>();
  for (const key of modules) collect(key, files);
  return [...files].filter((file) => !entryFiles.has(file) && /^[\w./-]+\.js$/.test(file));
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

/**
 * index.html with a rendered page: its markup in #root, its state beside it, its language on
 * <html>, and the modules it loads at once named in <head>.
 */
export function injectPage(template: string, rendered: RenderedPage, preload: readonly string[] = []): string {
  if (!template.includes(ROOT)) throw new Error(`index.html must contain ${ROOT}`);
  const { locale, dir } = rendered.state;
  const links = preload.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join('');
  return (
    template
      .replace('</head>', () => `${links}</head>`)
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
  const manifestPath = join(options.webDist, '.vite', 'manifest.json');
  const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as BuildManifest) : {};
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
        if (!rendered) return null;
        // Only for someone who may be signed in (the session hint cookie): their page needs the route's
        // code and the language before it can offer the comment box. A reader's first visit is better
        // off without: on a slow link the preloads share the bandwidth with the stylesheet, and the
        // text would paint later (bench/first-load.bench.mjs, docs/benchmarks.md).
        const preload = cookieValue(request, SESSION_HINT_COOKIE) === '1' ? preloadFiles(manifest, rendered.modules ?? []) : [];
        return injectPage(template, rendered, preload);
      } catch (error) {
        options.onError(error);
        return null;
      }
    },
  };
}
