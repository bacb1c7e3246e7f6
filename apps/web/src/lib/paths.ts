/** Every in-app URL is built here, so routes and links cannot drift apart. */
export const paths = {
  home: () => '/',
  principle: (code: string) => `/principles/${encodeURIComponent(code)}`,
  recommendation: (code: string) => `/recommendations/${encodeURIComponent(code)}`,
  objective: (number: number) => `/objectives/${number}`,
  search: (params: { q?: string; principle?: string; objective?: number } = {}) => {
    const search = new URLSearchParams();
    if (params.q) search.set('q', params.q);
    if (params.principle) search.set('principle', params.principle);
    if (params.objective !== undefined) search.set('objective', String(params.objective));
    const query = search.toString();
    return query ? `/search?${query}` : '/search';
  },

  signUp: () => '/sign-up',
  /** `next`: where to go after signing in (an in-app path; anything else is ignored). */
  signIn: (next?: string) => (next && isSafeNextPath(next) ? `/sign-in?${new URLSearchParams({ next })}` : '/sign-in'),
  /** Opened from the verification mail as `/verify-email#token=…`. */
  verifyEmail: () => '/verify-email',
  resendVerification: () => '/resend-verification',
  forgotPassword: () => '/forgot-password',
  /** Opened from the reset mail as `/reset-password#token=…`. */
  resetPassword: () => '/reset-password',

  account: () => '/account',
  accountPrivacy: () => '/account/privacy',
  accountPassword: () => '/account/password',
  accountSessions: () => '/account/sessions',
  accountData: () => '/account/data',
  accountDeleted: () => '/account-deleted',

  organisations: (q?: string) => (q ? `/organisations?${new URLSearchParams({ q })}` : '/organisations'),
  newOrganisation: () => '/organisations/new',
  organisation: (id: string) => `/organisations/${encodeURIComponent(id)}`,
  organisationMembers: (id: string) => `/organisations/${encodeURIComponent(id)}/members`,

  consultations: () => '/consultations',
  consultation: (id: string) => `/consultations/${encodeURIComponent(id)}`,
  /** A thread: one recommendation within a round; `country` preselects the country of the ratings. */
  thread: (id: string, code: string, country?: string) =>
    `/consultations/${encodeURIComponent(id)}/recommendations/${encodeURIComponent(code)}${country ? `?${new URLSearchParams({ country })}` : ''}`,

  adminUsers: () => '/admin/users',
  adminOrganisations: () => '/admin/organisations',
  adminConsultations: () => '/admin/consultations',
  adminNewConsultation: () => '/admin/consultations/new',
  adminEditConsultation: (id: string) => `/admin/consultations/${encodeURIComponent(id)}/edit`,
  adminAudit: () => '/admin/audit',
  adminWordFilter: () => '/admin/word-filter',
  adminSanctions: () => '/admin/sanctions',
  adminRules: () => '/admin/rules',
  /** `query`: filters to start from, as the dashboard writes them (features/exports/filters.ts). */
  adminExports: (query?: string) => (query ? `/admin/exports?${query}` : '/admin/exports'),

  /** The public dashboard; `query` carries its filters (features/exports/filters.ts). */
  dashboard: (query?: string) => (query ? `/dashboard?${query}` : '/dashboard'),
  openData: () => '/open-data',

  /** The house rules; `code` jumps to one rule (each has its code as its id). */
  rules: (code?: string) => (code ? `/rules#${encodeURIComponent(code)}` : '/rules'),
  transparency: () => '/transparency',
  notifications: () => '/notifications',
  /** The appeal form for one decision (linked from the decision's notification). */
  newAppeal: (decisionId: string) => `/appeals/new?${new URLSearchParams({ decision: decisionId })}`,
  appeal: (id: string) => `/appeals/${encodeURIComponent(id)}`,
  moderation: () => '/moderation',
  moderationRound: (consultationId: string) => `/moderation/${encodeURIComponent(consultationId)}`,
  safeguardingQueue: () => '/moderation/safeguarding',
} as const;

const AUTH_PAGES = ['/sign-in', '/sign-up', '/verify-email', '/reset-password', '/forgot-password', '/resend-verification'];

/**
 * An in-app path that is safe to send someone to after signing in: same origin (no `//host` or
 * `/\host`, which browsers treat as another site) and not a page of the sign-in flow itself.
 */
export function isSafeNextPath(value: string | null | undefined): value is string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return false;
  if ([...value].some((char) => char.charCodeAt(0) < 0x20)) return false;
  const pathname = value.split(/[?#]/)[0];
  return !AUTH_PAGES.includes(pathname);
}
