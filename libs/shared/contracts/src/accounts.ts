import { INDIVIDUAL_STAKEHOLDER_TYPES, type StakeholderTypeCode } from './catalogue.js';
import type { LocaleCode } from './locales.js';
import type { ListResponse } from './lists.js';

export const ROLES = ['participant', 'moderator', 'safeguarding', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** `protected`: shown only under a pseudonym; organisation and country hidden from everyone but admins. */
export const PRIVACY_MODES = ['public', 'protected'] as const;
export type PrivacyMode = (typeof PRIVACY_MODES)[number];

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const DISPLAY_NAME_MAX_LENGTH = 80;
/**
 * An Idempotency-Key is remembered this long: a phone offline for days can still retry safely; after
 * it, the same key starts a new request. The record (a copy of the response) is then deleted, and at
 * once when the account is erased.
 */
export const IDEMPOTENCY_KEY_TTL_DAYS = 7;
/**
 * A display name is one line of printable text: no control characters (line breaks included, which
 * would inject text into the platform's mails), no line or paragraph separators, no bidirectional
 * overrides (which reorder how a name reads). Joiners (ZWJ, ZWNJ), which Urdu, Hindi and emoji need, are kept.
 */
export const DISPLAY_NAME_PATTERN = /^[^\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]+$/u;
export const EMAIL_MAX_LENGTH = 254;

/** Stakeholder types a person may claim in their own name; the others come only through an organisation. */
export const PERSONAL_STAKEHOLDER_TYPES = [
  ...INDIVIDUAL_STAKEHOLDER_TYPES,
  'academia',
  'media',
  'other',
] as const satisfies readonly StakeholderTypeCode[];
export type PersonalStakeholderType = (typeof PERSONAL_STAKEHOLDER_TYPES)[number];

/** The refresh endpoint refuses requests without this header (a cross-site form cannot set it). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'compact-voices';

/** Readable cookie set beside the httpOnly refresh cookie: "a session may exist; try a refresh". */
export const SESSION_HINT_COOKIE = 'cv_has_session';

export interface AcceptedResponse {
  status: 'verification-sent' | 'reset-sent' | 'accepted';
}

export interface MembershipSummary {
  organisationId: string;
  organisationName: string;
  role: OrganisationRole;
  status: MembershipStatus;
  stakeholderType: StakeholderTypeCode;
  countryIso3: string;
  organisationVerified: boolean;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: LocaleCode;
  roles: Role[];
  emailVerified: boolean;
  privacyMode: PrivacyMode;
  /** The only name others see while in protected mode; drawn anew each time protection starts. */
  pseudonym: string;
  /** Personal stakeholder type, used when acting in one's own name. */
  stakeholderType: StakeholderTypeCode;
  countryIso3: string | null;
  /** The organisation this person acts for by default; null = in their own name. */
  actingOrganisationId: string | null;
  memberships: MembershipSummary[];
  createdAt: string;
  /** Set while a global sanction is in force: the account can read and appeal, nothing else, until then. */
  suspendedUntil?: string | null;
}

export interface AuthResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: Me;
}

export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  /** Browser and system as reported at sign-in, shortened. */
  userAgent: string | null;
  current: boolean;
}

export const ORGANISATION_ROLES = ['admin', 'member'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];
export const MEMBERSHIP_STATUSES = ['pending', 'active'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export interface Organisation {
  id: string;
  name: string;
  stakeholderType: StakeholderTypeCode;
  countryIso3: string;
  website: string | null;
  verified: boolean;
}

export interface OrganisationMember {
  /** The membership's own id, scoped to this organisation: accept and remove take it. */
  memberId: string;
  /** Null for a member in protected mode (except on their own row): admins see an alias instead. */
  userId: string | null;
  /** The member's name, or "Protected member" and four characters of the membership for a protected member. */
  displayName: string;
  role: OrganisationRole;
  status: MembershipStatus;
  requestedAt: string;
}

export interface AdminUser {
  id: string;
  email: string | null;
  displayName: string;
  roles: Role[];
  emailVerified: boolean;
  privacyMode: PrivacyMode;
  status: 'active' | 'erased';
  createdAt: string;
  /** Countries whose government the account is tied to through an active organisation membership (verified or not). */
  governmentTies: string[];
}

/** A person holding a round role (moderator, safeguarding officer), as the admin pages show them. */
export interface RoundRoleHolder {
  userId: string;
  displayName: string;
  governmentTies: string[];
}

/** A round's moderators or safeguarding officers. */
export interface RoundRoleList {
  userIds: string[];
  people: RoundRoleHolder[];
}

/** What is wrong where the audit chain first breaks (GET /audit/verify, npm run audit:verify). */
export type AuditChainProblem =
  /** The entry no longer matches its own hash. */
  | 'edited'
  /** The entry does not follow the one before it: one before it was removed or rewritten. */
  | 'unlinked'
  /** A position is missing: the entry there was removed (`firstBrokenPosition` is that position). */
  | 'missing'
  /** The keyed hash does not match: written or rewritten without the key, or under another APP_SECRET. */
  | 'forged'
  /** A recorded daily head does not match the entry at its position: rewritten after that day. */
  | 'head-mismatch'
  /** The chain ends before a recorded daily head: entries were removed from its end (`firstBrokenId` is null). */
  | 'truncated';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBrokenId: string | null;
  /** Entries of the keyed chain (positions 1…n); older entries have their plain hash chain only. */
  keyedEntries: number;
  /** Daily heads recorded and compared with the chain. */
  heads: number;
  problem: AuditChainProblem | null;
  /** Chain position of the first break (for `missing`, the missing one); null for older entries. */
  firstBrokenPosition: number | null;
}

export type OrganisationList = ListResponse<Organisation>;
export type SessionList = ListResponse<SessionSummary>;
