import { z } from 'zod';
import { STAKEHOLDER_TYPE_CODES } from '../catalogue.js';
import { COMMENT_MAX_DEPTH, COMMENT_STATUSES, REACTION_KINDS, STANCES } from '../consultations.js';

/**
 * A comment as every reader gets it (REST, live events, replay). This schema is the one definition:
 * the `Comment` type and the OpenAPI document's `CommentDto` both come from it.
 */
export const commentAuthorSchema = z.object({
  displayName: z.string().meta({ description: 'A protected author appears only under their pseudonym, with nothing else' }),
  stakeholderType: z.enum(STAKEHOLDER_TYPE_CODES).optional(),
  organisation: z
    .object({
      id: z.string().meta({ format: 'uuid' }),
      name: z.string(),
      verified: z.boolean().meta({ description: 'The secretariat confirmed the organisation is who it says it is' }),
    })
    .nullable()
    .optional(),
  countryIso3: z.string().nullable().optional(),
});
export type CommentAuthor = z.output<typeof commentAuthorSchema>;

export const commentSchema = z.object({
  id: z.string().meta({ format: 'uuid' }),
  consultationId: z.string().meta({ format: 'uuid' }),
  recommendationCode: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int().min(0).max(COMMENT_MAX_DEPTH),
  body: z.string().meta({ description: 'Empty for a tombstone' }),
  bodyHtml: z.string(),
  language: z.string().nullable(),
  stance: z.enum(STANCES).nullable(),
  countryIso3: z.string().nullable(),
  author: commentAuthorSchema.nullable().meta({ description: 'Null for a tombstone' }),
  status: z.enum(COMMENT_STATUSES),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  reactions: z.object({ agree: z.number().int(), disagree: z.number().int(), mine: z.enum(REACTION_KINDS).nullable().optional() }),
  mine: z.boolean().optional().meta({ description: 'True when the viewer wrote it' }),
  moderation: z.object({ ruleCode: z.string().nullable(), at: z.string().nullable() }).nullable().optional().meta({
    description:
      'For a hidden or rejected comment: the rule it was removed under and when; ruleCode null while it is hidden pending review (flags, safeguarding)',
  }),
  pendingEdit: z.object({ body: z.string(), bodyHtml: z.string(), submittedAt: z.string() }).nullable().optional().meta({
    description:
      'An edit waiting for a moderator (pre-moderated rounds, held accounts, a held term): shown to its author and to moderators only; everyone else reads the published text until it is approved',
  }),
});
export type Comment = z.output<typeof commentSchema>;
