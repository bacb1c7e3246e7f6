/**
 * The service worker, built by vite-plugin-pwa (injectManifest) into dist/sw.js. Workbox does the
 * caching; this file only says what goes where (see lib/offline/cache-rules.ts for the rules and
 * the reasons):
 *
 * - the app shell is precached: index.html and the files the entry loads on every page, nothing
 *   more, so installing the worker costs a first visit almost nothing (those files are already in
 *   the HTTP cache); every other build file is kept cache-first the first time a page uses it;
 * - page navigations go to the network, and fall back to the precached index.html offline;
 * - public catalogue answers are stale-while-revalidate, the threads a person opened network-first;
 * - nothing sent with an Authorization header is ever stored. Such a request still gets the public
 *   copy when the network fails, and the worker keeps that public copy current with a conditional
 *   request of its own (a 304 while unchanged), so a hidden or erased comment leaves the copy too.
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, PrecacheFallbackPlugin, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';
import { CACHE_NAMES, KNOWN_CACHES, cacheRuleFor, isBuildAsset, mayStore, type CacheRule } from '../lib/offline/cache-rules';

/** Workbox's list of precached files is written in place of `self.__WB_MANIFEST` at build. */
declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

/** How long a page or a thread waits for the network on a stalled connection before the copy is used. */
const NAVIGATION_TIMEOUT_SECONDS = 4;
const THREAD_TIMEOUT_SECONDS = 8;
const DAY_SECONDS = 86_400;

void self.skipWaiting();
clientsClaim();

/** Only public answers are written (mayStore). */
const publicOnly: WorkboxPlugin = {
  cacheWillUpdate: async ({ request, response }) => (mayStore(request, response) ? response : null),
};

/**
 * The public copy of what a signed-in person just fetched with their token: asked again without
 * it, conditionally when a copy exists. `always`: also when a copy exists (threads change; the
 * catalogue hardly does, and anonymous visits refresh it).
 */
async function refreshPublicCopy(request: Request, cacheName: string, always: boolean): Promise<void> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request.url);
  if (cached && !always) return;
  const headers = new Headers({ Accept: 'application/json' });
  const language = request.headers.get('Accept-Language');
  if (language) headers.set('Accept-Language', language);
  const etag = cached?.headers.get('ETag');
  if (etag) headers.set('If-None-Match', etag);
  const anonymous = new Request(request.url, { headers, credentials: 'omit', cache: 'no-store' });
  const response = await fetch(anonymous);
  if (response.status !== 304 && mayStore(anonymous, response)) await cache.put(request.url, response);
}

function publicCopyOf(cacheName: string, always: boolean): WorkboxPlugin {
  return {
    fetchDidSucceed: async ({ request, response, event }) => {
      if (request.headers.has('Authorization') && response.status === 200) {
        event.waitUntil(refreshPublicCopy(request, cacheName, always).catch(() => undefined));
      }
      return response;
    },
  };
}

const CACHE_NAME_OF: Record<CacheRule, string> = { catalogue: CACHE_NAMES.catalogue, thread: CACHE_NAMES.threads };

function expiration(maxEntries: number, maxAgeDays: number): ExpirationPlugin {
  return new ExpirationPlugin({ maxEntries, maxAgeSeconds: maxAgeDays * DAY_SECONDS, purgeOnQuotaError: true });
}

// Registered before the precache route: a navigation to / would otherwise be answered from the
// precache (its directory index) without asking the network, and a new deploy would wait a visit.
registerRoute(
  new NavigationRoute(
    new NetworkOnly({
      networkTimeoutSeconds: NAVIGATION_TIMEOUT_SECONDS,
      plugins: [new PrecacheFallbackPlugin({ fallbackURL: '/index.html' })],
    }),
    { denylist: [/^\/api\//, /^\/socket\.io\//, /^\/metrics/] },
  ),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  ({ url, sameOrigin, request }) => sameOrigin && request.method === 'GET' && isBuildAsset(url.pathname),
  new CacheFirst({
    cacheName: CACHE_NAMES.assets,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), expiration(150, 60)],
  }),
);

const anonymousCatalogue = new StaleWhileRevalidate({ cacheName: CACHE_NAMES.catalogue, plugins: [publicOnly, expiration(200, 30)] });
const anonymousThread = new NetworkFirst({
  cacheName: CACHE_NAMES.threads,
  networkTimeoutSeconds: THREAD_TIMEOUT_SECONDS,
  plugins: [publicOnly, expiration(60, 30)],
});
/** With a token: the network's answer, never stored; the public copy when the network fails. */
function signedInStrategy(rule: CacheRule): NetworkFirst {
  return new NetworkFirst({
    cacheName: CACHE_NAME_OF[rule],
    networkTimeoutSeconds: THREAD_TIMEOUT_SECONDS,
    plugins: [publicOnly, publicCopyOf(CACHE_NAME_OF[rule], rule === 'thread')],
  });
}
const signedIn: Record<CacheRule, NetworkFirst> = { catalogue: signedInStrategy('catalogue'), thread: signedInStrategy('thread') };

registerRoute(
  ({ url, sameOrigin, request }) => sameOrigin && cacheRuleFor(request.method, url.pathname) !== null,
  (options) => {
    const { request, url } = options;
    const rule = cacheRuleFor(request.method, url.pathname)!;
    if (request.headers.has('Authorization')) return signedIn[rule].handle(options);
    return (rule === 'catalogue' ? anonymousCatalogue : anonymousThread).handle(options);
  },
);

// Caches of an earlier version of these rules.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith('cv-') && !KNOWN_CACHES.includes(name)).map((name) => caches.delete(name))),
      ),
  );
});
