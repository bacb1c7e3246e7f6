import { z } from 'zod';
import {
  DISPLAY_NAME_MAX_LENGTH,
  DISPLAY_NAME_PATTERN,
  EMAIL_MAX_LENGTH,
  PERSONAL_STAKEHOLDER_TYPES,
  PRIVACY_MODES,
  ROLES,
} from '../accounts.js';
import { chars, email, id, iso3, localeCode, UNIQUE, unique } from './common.js';

/** Passwords are bounded here only to cap work; the policy (8–128, not common) answers WEAK_PASSWORD. */
export const PASSWORD_INPUT_MAX = 1024;

const password = () => z.string().max(PASSWORD_INPUT_MAX);

const displayName = () =>
  chars(DISPLAY_NAME_MAX_LENGTH, z.string().trim().min(1)).refine((value) => DISPLAY_NAME_PATTERN.test(value), {
    error: 'A display name is one line of printable text',
    params: { reason: 'oneLine' },
  });

export const signUpSchema = z.strictObject({
  email: email(EMAIL_MAX_LENGTH).meta({ example: 'amina@example.org' }),
  password: password().meta({ description: 'Any characters, 8–128; refused when one of the most common passwords' }),
  displayName: displayName().meta({
    example: 'Amina',
    description: 'Names the platform gives (pseudonyms, "Former participant") are refused with DISPLAY_NAME_RESERVED',
  }),
  locale: localeCode().optional(),
  privacyMode: z
    .enum(PRIVACY_MODES)
    .optional()
    .meta({ description: 'Start protected: shown only under a pseudonym from the first contribution' }),
  stakeholderType: z.enum(PERSONAL_STAKEHOLDER_TYPES).optional().meta({
    description: 'The type one takes part as in one’s own name (default individual); other types come only through an organisation',
  }),
});
export type SignUpRequest = z.input<typeof signUpSchema>;

export const signInSchema = z.strictObject({
  email: z.string().max(EMAIL_MAX_LENGTH),
  password: password(),
});
export type SignInRequest = z.input<typeof signInSchema>;

export const emailRequestSchema = z.strictObject({ email: email(EMAIL_MAX_LENGTH) });
export type EmailRequest = z.input<typeof emailRequestSchema>;

const mailedToken = () =>
  z
    .string()
    .min(20)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .meta({ description: 'The token from the mail link (its #token= fragment)' });

export const tokenSchema = z.strictObject({ token: mailedToken() });
export type TokenRequest = z.input<typeof tokenSchema>;

export const passwordResetConfirmSchema = z.strictObject({ token: mailedToken(), password: password() });
export type PasswordResetConfirmRequest = z.input<typeof passwordResetConfirmSchema>;

export const changePasswordSchema = z.strictObject({ currentPassword: password(), newPassword: password() });
export type ChangePasswordRequest = z.input<typeof changePasswordSchema>;

export const updateMeSchema = z.strictObject({
  displayName: displayName().optional(),
  locale: localeCode().optional(),
  privacyMode: z.enum(PRIVACY_MODES).optional().meta({
    description:
      'Turning protection on draws a new pseudonym for the comments written from now on; earlier comments keep the label they were published under',
  }),
  anonymisePublicContributions: z.boolean().optional().meta({
    description:
      'Only with privacyMode "protected": my earlier public comments read "Former participant" from now on, instead of the name they were published with',
  }),
  stakeholderType: z.enum(PERSONAL_STAKEHOLDER_TYPES).optional().meta({ description: 'Other types come only through an organisation' }),
  countryIso3: iso3().nullable().optional(),
  actingOrganisationId: id().nullable().optional(),
});
export type UpdateMeRequest = z.input<typeof updateMeSchema>;

export const deleteMeSchema = z.strictObject({
  password: password(),
  removeContributions: z
    .boolean()
    .optional()
    .meta({ description: 'Also remove my contributions instead of keeping them as "former participant"' }),
});
export type DeleteMeRequest = z.input<typeof deleteMeSchema>;

/** PUT /consultations/{id}/moderators and /safeguarding-officers (admin): the complete new list. */
export const setRoundRoleSchema = z.strictObject({ userIds: z.array(id()).max(100).refine(unique, UNIQUE) });
export type SetRoundRoleRequest = z.input<typeof setRoundRoleSchema>;

export const updateRolesSchema = z.strictObject({ roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).refine(unique, UNIQUE) });
export type UpdateRolesRequest = z.input<typeof updateRolesSchema>;

export const listUsersQuerySchema = z.strictObject({
  q: z.string().max(100).optional().meta({ description: 'Part of a display name or email address' }),
});
