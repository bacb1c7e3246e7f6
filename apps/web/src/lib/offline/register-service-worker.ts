/** After the page's `load`, this long, then the browser's next idle moment: the first page's own requests come first. */
const AFTER_LOAD_MS = 3_000;
const IDLE_TIMEOUT_MS = 5_000;

export const SERVICE_WORKER_URL = '/sw.js';

/**
 * What this page loaded before the service worker controlled it (the first visit): its build files
 * and the public answers the worker keeps (the thread and catalogue it shows). Handed to the
 * worker, which fetches them through its own routes, so that a reload without a connection finds
 * them: the build files from the HTTP cache (immutable), the answers once more, without the
 * person's token (only public copies are kept).
 */
function loadedCacheableUrls(): string[] {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByType !== 'function') return [];
  const urls = new Set<string>();
  for (const entry of performance.getEntriesByType('resource')) {
    const url = new URL(entry.name, location.href);
    if (url.origin !== location.origin) continue;
    // The worker's own rules (cache-rules.ts) decide what it keeps; it fetches nothing else. Not
    // imported here: this file is in every first visit's entry, the rules are not needed there.
    if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/api/')) urls.add(`${url.pathname}${url.search}`);
  }
  return [...urls];
}

function handOverLoaded(): void {
  const worker = navigator.serviceWorker.controller;
  const urlsToCache = loadedCacheableUrls();
  // Workbox's router takes this message (workbox-routing, addCacheListener).
  if (worker && urlsToCache.length > 0) worker.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache } });
}

function whenIdle(task: () => void): void {
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    else task();
  }, AFTER_LOAD_MS);
}

/**
 * Registers /sw.js (built by vite-plugin-pwa from src/service-worker/) once the first page is
 * loaded and idle, so installing it never competes with what the person came to read. Production
 * builds only: Vite's dev server serves no worker.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // A page the worker already controlled went through it from the start: nothing to hand over (and
  // a later update of the worker takes over without fetching anything again).
  if (!navigator.serviceWorker.controller) navigator.serviceWorker.addEventListener('controllerchange', handOverLoaded, { once: true });
  const register = () =>
    whenIdle(() => {
      navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/', updateViaCache: 'none' }).catch(() => undefined);
    });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
