import { DEFAULT_LOCALE, type LocaleCode } from '@compact-voices/contracts';
import { dehydrate, skipToken, type QueryClient, type QueryKey } from '@tanstack/react-query';
import i18next, { type i18n as I18nInstance } from 'i18next';
import { finished } from 'node:stream/promises';
import { StrictMode, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { initReactI18next } from 'react-i18next';
import { StaticRouter } from 'react-router';
import { Providers } from './app/providers';
import { AppRoutes } from './app/router';
import { setServerApiOrigin } from './lib/api-client';
import { setDisplayTimeZone, validTimeZone } from './lib/format';
import { localeDirection, SHARED_I18N_OPTIONS } from './lib/i18n';
import { createQueryClient } from './lib/query-client';
import { SSR_QUERY_STALE_MS, type SsrState } from './lib/ssr-state';
import { serverLocaleResources } from './locales/server-resources';

/**
 * Server rendering of the pages a first visitor reads (apps/api/src/core/http/server-render.ts
 * calls `render`): the catalogue, the rounds and a thread, in the reader's language, with the data
 * they show, so a phone on a slow connection shows the text before any script has arrived. The
 * browser then hydrates the same markup (main.tsx) from the same data, without asking for it again.
 *
 * The data is found by rendering: every query a page asks for (useQuery, enabled) is recorded, then
 * fetched from the API as an anonymous reader would (the same public answers, through the same
 * disclosure control), and the page rendered again, until it asks for nothing new.
 */

/**
 * The pages rendered on the server: what a reader opens from a link. Anything else gets the app
 * shell. With each, the lazily loaded page module the browser will need to hydrate it (a key of
 * Vite's manifest): the server names it, and the reader's language part, in the HTML, so they load
 * beside the entry instead of after it.
 */
const SERVER_RENDERED: Array<{ pattern: RegExp; module?: string }> = [
  { pattern: /^\/$/ },
  { pattern: /^\/principles\/[^/]+$/ },
  { pattern: /^\/recommendations\/[^/]+$/ },
  { pattern: /^\/objectives\/[^/]+$/ },
  { pattern: /^\/consultations$/, module: 'src/app/routes/consultations-route.tsx' },
  { pattern: /^\/consultations\/[^/]+$/, module: 'src/app/routes/consultation-route.tsx' },
  { pattern: /^\/consultations\/[^/]+\/recommendations\/[^/]+$/, module: 'src/app/routes/thread-route.tsx' },
];

/**
 * Renders until no new query is asked for: a query that needs another's answer shows up a pass
 * later; four passes allow chains of three, and the last pass must ask for nothing new.
 */
const MAX_PASSES = 4;

export interface RenderRequest {
  /** Path and query string, e.g. `/recommendations/PC-1`. */
  url: string;
  locale: LocaleCode;
  /** The reader's IANA zone, when their browser told us (a cookie); else dates are written in UTC, named. */
  timeZone?: string;
  /** Where the API answers, e.g. `http://127.0.0.1:3000`. */
  apiOrigin: string;
  /** Abandon the render (and serve the app shell) after this long. */
  timeoutMs: number;
}

export interface RenderResult {
  html: string;
  state: SsrState;
  /** Keys of Vite's manifest (dist/.vite/manifest.json) the page will load at once: preload them. */
  modules: string[];
}

export function isServerRendered(pathname: string): boolean {
  return SERVER_RENDERED.some(({ pattern }) => pattern.test(pathname));
}

function pageModules(pathname: string, locale: LocaleCode): string[] {
  const page = SERVER_RENDERED.find(({ pattern }) => pattern.test(pathname))?.module;
  return [`src/locales/${locale}/translation.json?part=first`, ...(page ? [page] : [])];
}

interface WantedQuery {
  queryKey: QueryKey;
  queryHash: string;
  queryFn: unknown;
}

/**
 * Notes every query a render asks for with `enabled` not false: each useQuery passes its options
 * through the client's `defaultQueryOptions` when it is created.
 */
function recordWantedQueries(client: QueryClient): Map<string, WantedQuery> {
  const wanted = new Map<string, WantedQuery>();
  const defaultQueryOptions = client.defaultQueryOptions.bind(client);
  client.defaultQueryOptions = ((options: Parameters<typeof defaultQueryOptions>[0]) => {
    const defaulted = defaultQueryOptions(options);
    const { enabled, queryFn, queryHash, queryKey } = defaulted;
    if (enabled !== false && typeof enabled !== 'function' && queryFn && queryFn !== skipToken && queryHash) {
      wanted.set(queryHash, { queryKey, queryHash, queryFn });
    }
    return defaulted;
  }) as QueryClient['defaultQueryOptions'];
  return wanted;
}

function createI18n(locale: LocaleCode): I18nInstance {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      [locale]: { translation: serverLocaleResources(locale) },
      ...(locale === DEFAULT_LOCALE ? {} : { [DEFAULT_LOCALE]: { translation: serverLocaleResources(DEFAULT_LOCALE) } }),
    },
    ...SHARED_I18N_OPTIONS,
    lng: locale,
    initAsync: false,
    react: { useSuspense: false },
  });
  return instance;
}

/** A full render that waits for lazy pages and parts; only what it asks for matters, so its output is drained, not kept. */
async function renderOnce(element: ReactElement, signal: AbortSignal): Promise<void> {
  const { prelude } = await prerenderToNodeStream(element, { signal });
  prelude.resume();
  await finished(prelude);
}

/**
 * The markup, rendered at once now that every part has loaded and every answer is in: plain HTML,
 * with no script (the policy allows none inline) and no boundary still waiting. Null when a read
 * failed or a part is still missing, so the browser renders the page as before.
 */
function finalRender(element: ReactElement, queryClient: QueryClient, request: RenderRequest, pathname: string): RenderResult | null {
  if (
    queryClient
      .getQueryCache()
      .getAll()
      .some((query) => query.state.status === 'error')
  )
    return null;
  const timeZone = validTimeZone(request.timeZone);
  // Synchronous: no other request's render can run between setting the zone and clearing it.
  setDisplayTimeZone({ timeZone: timeZone ?? 'UTC', named: !timeZone });
  let html: string;
  try {
    html = renderToString(element);
  } finally {
    setDisplayTimeZone(undefined);
  }
  // <!--$?--> a boundary still waiting, <!--$!--> one that failed: the browser would render it again.
  if (html.includes('<!--$?-->') || html.includes('<!--$!-->')) return null;
  const { locale } = request;
  return {
    html,
    state: {
      locale,
      dir: localeDirection(locale),
      timeZone: timeZone ?? 'UTC',
      timeZoneKnown: Boolean(timeZone),
      queries: dehydrate(queryClient),
    },
    modules: pageModules(pathname, locale),
  };
}

/**
 * The page's markup and the state to hydrate it with, or `null` when it is not a server-rendered
 * page or its data could not all be read (a missing recommendation, an API error): the browser then
 * renders it as before.
 */
export async function render(request: RenderRequest): Promise<RenderResult | null> {
  const pathname = new URL(request.url, 'http://server.invalid').pathname;
  if (!isServerRendered(pathname)) return null;
  setServerApiOrigin(request.apiOrigin);
  const i18n = createI18n(request.locale);
  const queryClient = createQueryClient();
  const wanted = recordWantedQueries(queryClient);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), request.timeoutMs);
  const element = (
    <StrictMode>
      <Providers queryClient={queryClient} i18n={i18n}>
        <StaticRouter location={request.url}>
          <AppRoutes />
        </StaticRouter>
      </Providers>
    </StrictMode>
  );
  try {
    const fetched = new Set<string>();
    for (let pass = 0; pass < MAX_PASSES; pass += 1) {
      await renderOnce(element, abort.signal);
      const missing = [...wanted.values()].filter((query) => !fetched.has(query.queryHash));
      if (missing.length === 0) return finalRender(element, queryClient, request, pathname);
      for (const query of missing) fetched.add(query.queryHash);
      const fetching = Promise.all(
        missing.map((query) =>
          queryClient
            .prefetchQuery({ queryKey: query.queryKey, queryFn: query.queryFn as never, retry: false, staleTime: SSR_QUERY_STALE_MS })
            .catch(() => undefined),
        ),
      );
      await Promise.race([fetching, new Promise((resolve) => abort.signal.addEventListener('abort', resolve, { once: true }))]);
      if (abort.signal.aborted) return null;
    }
    return null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    queryClient.clear();
  }
}
