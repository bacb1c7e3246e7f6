/**
 * Each language file is sent in two parts. The first holds what a reader's pages need (the
 * catalogue, threads, the header, errors); these sections, used only by forms and by pages behind
 * sign-in or for staff, come with the first page or form that needs them (lib/lazy-named.ts). A
 * key of a later section asked for before its part arrived loads it, and the text appears when it
 * does (lib/i18n.ts). Translators still edit one file per language; the build splits it (vite.config.ts).
 */
export const LATER_SECTIONS: readonly string[] = [
  'admin',
  'adminAudit',
  'adminConsultations',
  'adminOrganisations',
  'adminRules',
  'adminSanctions',
  'adminUsers',
  'adminWordFilter',
  'appeals',
  'commentHistory',
  'composer',
  'consultationForm',
  'dashboard',
  'data',
  'datasets',
  'exportFormats',
  'exports',
  'flag',
  'flagReasonHints',
  'forgotPassword',
  'form',
  'members',
  'moderation',
  'officialForm',
  'openData',
  'organisationForm',
  'organisations',
  'password',
  'privacy',
  'profile',
  'ratingForm',
  'resendVerification',
  'resetPassword',
  'roundTeam',
  'sessions',
  'signIn',
  'signUp',
  'threadModeration',
  'transparency',
  'verifyEmail',
];

/** One part of a language file: `import('…/translation.json?part=first')`. */
export type LocalePart = 'first' | 'later';

export function splitLocale(all: Record<string, unknown>, part: LocalePart): Record<string, unknown> {
  const later = new Set(LATER_SECTIONS);
  return Object.fromEntries(Object.entries(all).filter(([section]) => later.has(section) === (part === 'later')));
}
