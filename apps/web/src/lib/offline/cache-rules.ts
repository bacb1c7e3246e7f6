/**
 * What the service worker (src/service-worker/sw.ts) may keep, and under which name.
 * Shared with the page, which deletes the caches that say what a person read when they sign out.
 * Pure functions of a URL and headers: no DOM and no worker types, so both builds type-check it.
 */

const API = '/api/v1';

/** Bumping a version leaves the old cache behind; the worker deletes every `cv-` cache it does not know. */
export const CACHE_NAMES = {
  /** Hashed build files (route chunks, locale parts, forms) as they are used: immutable, so cache-first. */
  assets: 'cv-assets-v1',
  /** Public catalogue lists and texts: the same for everyone, stale-while-revalidate. */
  catalogue: 'cv-catalogue-v1',
  /** Public copies of the threads a person opened (and their round): network-first, fallback offline. */
  threads: 'cv-threads-v1',
} as const;

/** Runtime caches whose list of addresses tells which threads someone opened: emptied at sign-out. */
export const PERSONAL_TRAIL_CACHES: readonly string[] = [CACHE_NAMES.threads];

export const KNOWN_CACHES: readonly string[] = Object.values(CACHE_NAMES);

export type CacheRule = 'catalogue' | 'thread';

const CATALOGUE = new RegExp(`^${API}/(principles|recommendations|objectives|countries|stakeholder-types)(/[^/]+)?$`);
const UUID = '[0-9a-fA-F-]{36}';
const CODE = '[A-Za-z0-9-]+';
const THREAD = [
  new RegExp(`^${API}/consultations/${UUID}$`),
  new RegExp(`^${API}/consultations/${UUID}/recommendations/${CODE}/comments$`),
  new RegExp(`^${API}/consultations/${UUID}/recommendations/${CODE}/ratings/summary$`),
];

/**
 * Never stored, whatever else matches: the session and the person's own data (sign-in, refresh,
 * profile, sessions, "download my data") and exports, which are single-use and personal.
 */
export function isNeverCached(pathname: string): boolean {
  return (
    pathname.startsWith(`${API}/auth`) || pathname === `${API}/me` || pathname.startsWith(`${API}/me/`) || pathname.includes('/exports')
  );
}

/** Which runtime cache may answer a same-origin GET to this API path, if any. */
export function cacheRuleFor(method: string, pathname: string): CacheRule | null {
  if (method !== 'GET' || isNeverCached(pathname)) return null;
  if (CATALOGUE.test(pathname)) return 'catalogue';
  if (THREAD.some((pattern) => pattern.test(pathname))) return 'thread';
  return null;
}

/** The hashed files of a build that the worker may keep once used (never source maps or the precompressed copies). */
export function isBuildAsset(pathname: string): boolean {
  return pathname.startsWith('/assets/') && !/\.(map|br|gz)$/.test(pathname);
}

/**
 * Whether a response may be written to a cache. Only public answers: a request that carried an
 * Authorization header may hold what only that person sees (their held comments, their reactions),
 * and on a shared phone the next person would be shown it. `no-store` is obeyed, and only a
 * complete 200 is kept (an error page must not replace a good copy).
 */
export function mayStore(
  request: { headers: { has(name: string): boolean } },
  response: { status: number; headers: { get(name: string): string | null } },
): boolean {
  if (request.headers.has('Authorization')) return false;
  if (response.status !== 200) return false;
  return !/\bno-store\b|\bprivate\b/i.test(response.headers.get('Cache-Control') ?? '');
}
