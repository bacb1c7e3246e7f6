import type { StakeholderTypeCode } from './catalogue.js';
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
export const EMAIL_MAX_LENGTH = 254;

/** Stakeholder types a person may claim in their own name; the others come only through an organisation. */
export const PERSONAL_STAKEHOLDER_TYPES = ['individual', 'academia', 'media', 'other'] as const satisfies readonly StakeholderTypeCode[];

/** The refresh endpoint refuses requests without this header (a cross-site form cannot set it). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'compact-voices';

export interface SignUpRequest {
  email: string;
  password: string;
  displayName: string;
  locale?: LocaleCode;
  /** Start in protected mode, before the first contribution. */
  privacyMode?: PrivacyMode;
}

/** Readable cookie set beside the httpOnly refresh cookie: "a session may exist; try a refresh". */
export const SESSION_HINT_COOKIE = 'cv_has_session';

export interface SignInRequest {
  email: string;
  password: string;
}

export interface AcceptedResponse {
  status: 'verification-sent' | 'reset-sent' | 'accepted';
}

export interface TokenRequest {
  token: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
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
}

export interface UpdateMeRequest {
  displayName?: string;
  locale?: LocaleCode;
  /** Turning protection on (public → protected) draws a new pseudonym; earlier comments keep how they read. */
  privacyMode?: PrivacyMode;
  /**
   * Only with `privacyMode: 'protected'`: my earlier public comments read "Former participant" from
   * now on instead of the name they were published with.
   */
  anonymisePublicContributions?: boolean;
  stakeholderType?: (typeof PERSONAL_STAKEHOLDER_TYPES)[number];
  countryIso3?: string | null;
  actingOrganisationId?: string | null;
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

export interface DeleteMeRequest {
  password: string;
  /** Also remove my contributions instead of keeping them as "former participant". */
  removeContributions?: boolean;
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

export interface CreateOrganisationRequest {
  name: string;
  stakeholderType: StakeholderTypeCode;
  countryIso3: string;
  website?: string;
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
}

export interface UpdateRolesRequest {
  roles: Role[];
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBrokenId: string | null;
}

export type OrganisationList = ListResponse<Organisation>;
export type SessionList = ListResponse<SessionSummary>;
