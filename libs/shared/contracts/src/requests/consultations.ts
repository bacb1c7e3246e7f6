import { z } from 'zod';
import { RECOMMENDATION_CODE_PATTERN } from '../catalogue.js';
import { COMMENT_MAX_LENGTH, COMMENT_SORTS, CONSULTATION_STATUSES, MODERATION_MODES, REACTION_KINDS, STANCES } from '../consultations.js';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from '../lists.js';
import { chars, cursor, httpUrl, id, iso3, isoDateTime, localeCode, nonBlank, queryInt, UNIQUE, unique } from './common.js';

const title = () => chars(200, z.string().trim().min(3));
const description = () => chars(10_000).meta({ description: 'Markdown (safe subset)' });
const recommendationCodes = () =>
  z
    .array(z.string().regex(RECOMMENDATION_CODE_PATTERN))
    .min(1)
    .max(64)
    .refine(unique, UNIQUE)
    .meta({ description: 'Recommendations in scope; all 32 when omitted', example: ['PC-1', 'WS-2'] });
const countryIso3s = () =>
  z
    .array(iso3())
    .min(1)
    .max(100)
    .refine(unique, UNIQUE)
    .meta({ description: 'Countries in scope; every country when omitted', example: ['NPL', 'PHL'] });

export const createConsultationSchema = z.strictObject({
  title: title().meta({ example: 'Regional review 2027' }),
  description: description().optional(),
  opensAt: isoDateTime().meta({ example: '2027-01-15T00:00:00Z' }),
  closesAt: isoDateTime().meta({ example: '2027-03-31T23:59:59Z' }),
  recommendationCodes: recommendationCodes().optional(),
  countryIso3s: countryIso3s().optional(),
  moderationMode: z.enum(MODERATION_MODES),
});
export type CreateConsultationRequest = z.input<typeof createConsultationSchema>;

export const updateConsultationSchema = z.strictObject({
  title: title().optional(),
  description: description().optional(),
  opensAt: isoDateTime().optional(),
  closesAt: isoDateTime().optional(),
  recommendationCodes: recommendationCodes().optional(),
  countryIso3s: countryIso3s().optional(),
  moderationMode: z.enum(MODERATION_MODES).optional(),
  status: z.enum(CONSULTATION_STATUSES).optional().meta({ description: 'draft → open → closed → archived (closed may reopen)' }),
});
export type UpdateConsultationRequest = z.input<typeof updateConsultationSchema>;

const commentBody = () =>
  nonBlank(COMMENT_MAX_LENGTH).meta({ description: 'Markdown (safe subset: emphasis, lists, quotes, code, links)' });

export const createCommentSchema = z.strictObject({
  body: commentBody(),
  parentId: id().optional(),
  countryIso3: iso3().optional().meta({ example: 'NPL', description: 'The country the comment is about' }),
  stance: z.enum(STANCES).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/)
    .optional()
    .meta({ example: 'ne', description: 'BCP 47 language tag' }),
  actingOrganisationId: id()
    .nullable()
    .optional()
    .meta({ description: 'Speak for this organisation (null: in your own name; omitted: your default)' }),
});
export type CreateCommentRequest = z.input<typeof createCommentSchema>;

export const updateCommentSchema = z.strictObject({ body: commentBody() });
export type UpdateCommentRequest = z.input<typeof updateCommentSchema>;

export const reactionSchema = z.strictObject({
  kind: z.enum(REACTION_KINDS).nullable().meta({ description: 'null clears your reaction' }),
});
export type ReactionRequest = z.input<typeof reactionSchema>;

export const listCommentsQuerySchema = z.strictObject({
  sort: z.enum(COMMENT_SORTS).optional().meta({ default: 'newest' }),
  language: localeCode()
    .optional()
    .meta({ description: 'Only top-level comments written in this language (with all their replies); default: every language' }),
  cursor: cursor().optional().meta({ description: 'nextCursor of the previous page' }),
  limit: queryInt(1, PAGE_LIMIT_MAX)
    .optional()
    .meta({ default: PAGE_LIMIT_DEFAULT, description: 'Top-level comments per page (each with its replies)' }),
});

export const searchCommentsQuerySchema = z.strictObject({
  q: nonBlank(200),
  limit: queryInt(1, PAGE_LIMIT_MAX).optional(),
});

export const putRatingSchema = z.strictObject({
  score: z
    .number()
    .int()
    .min(0)
    .max(4)
    .nullable()
    .meta({ description: '0 Not started · 1 Planned · 2 In progress · 3 Largely implemented · 4 Fully implemented; null with dontKnow' }),
  dontKnow: z.boolean().optional().meta({ description: "true (with score null) for Don't know" }),
  evidence: chars(2000).optional(),
  evidenceUrl: httpUrl(500).optional().meta({ example: 'https://www.example.gov/report.pdf' }),
  actingOrganisationId: id()
    .nullable()
    .optional()
    .meta({ description: 'Rate for this organisation (null: in your own name; omitted: your default)' }),
});
export type PutRatingRequest = z.input<typeof putRatingSchema>;

export const summaryQuerySchema = z.strictObject({
  country: iso3().optional().meta({ example: 'NPL', description: 'One country; all countries of the round together when omitted' }),
});

export const putOfficialAssessmentSchema = z.strictObject({
  score: z.number().int().min(0).max(4),
  narrative: chars(5000).optional(),
});
export type PutOfficialAssessmentRequest = z.input<typeof putOfficialAssessmentSchema>;

/** GET …/events?after=: what a reconnecting client missed. */
export const threadEventsQuerySchema = z.strictObject({
  after: queryInt(0, Number.MAX_SAFE_INTEGER).meta({ description: 'The last seq the client saw' }),
  limit: queryInt(1, 500).optional().meta({ default: 200 }),
});
