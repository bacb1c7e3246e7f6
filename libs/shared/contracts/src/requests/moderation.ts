import { z } from 'zod';
import {
  APPEAL_OUTCOMES,
  APPEAL_TEXT_MAX_LENGTH,
  DECISION_REASON_MAX_LENGTH,
  FLAG_NOTE_MAX_LENGTH,
  FLAG_REASONS,
  HOUSE_RULE_TEXT_MAX_LENGTH,
  MODERATION_ACTIONS,
  QUEUE_SORTS,
  WORD_FILTER_ACTIONS,
} from '../moderation.js';
import type { LocaleCode } from '../locales.js';
import { chars, id, isoDateTime, localeCode, nonBlank, pageQuerySchema } from './common.js';

const ruleCode = () => z.string().regex(/^R[0-9]{1,3}$/);
const reason = () => nonBlank(DECISION_REASON_MAX_LENGTH);

export const rulesQuerySchema = z.strictObject({
  locale: localeCode().optional().meta({ description: 'Language of title and text; English where a translation is missing' }),
});

const optionalText = () => chars(HOUSE_RULE_TEXT_MAX_LENGTH).optional();

/** One string per shipped language; English is required, the others fall back to it. */
export const translatedTextSchema = z.strictObject({
  en: chars(HOUSE_RULE_TEXT_MAX_LENGTH, z.string().min(1)),
  id: optionalText(),
  ur: optionalText(),
  ne: optionalText(),
  bn: optionalText(),
  fil: optionalText(),
  th: optionalText(),
  vi: optionalText(),
  zh: optionalText(),
  hi: optionalText(),
  ar: optionalText(),
  ru: optionalText(),
} satisfies Record<LocaleCode, unknown>);
export type TranslatedText = z.input<typeof translatedTextSchema>;

/** PUT /rules/{code} (admin): the next version of a house rule, in every language it has. */
export const publishRuleSchema = z.strictObject({ title: translatedTextSchema, text: translatedTextSchema });
export type PublishRuleRequest = z.input<typeof publishRuleSchema>;

export const flagSchema = z.strictObject({
  reason: z.enum(FLAG_REASONS),
  note: chars(FLAG_NOTE_MAX_LENGTH).optional(),
});
export type FlagRequest = z.input<typeof flagSchema>;

const locale = () => localeCode().optional().meta({ description: 'Language of rule titles' });

export const queueQuerySchema = pageQuerySchema.extend({
  locale: locale(),
  sort: z.enum(QUEUE_SORTS).optional().meta({ default: 'oldest' }),
});
export const roundQueueQuerySchema = queueQuerySchema.extend({ consultationId: id() });
export const safeguardingQueueQuerySchema = queueQuerySchema.extend({
  consultationId: id().optional().meta({ description: 'One round only (default: every round whose concerns you handle)' }),
});
export const roundQuerySchema = z.strictObject({ locale: locale(), consultationId: id() });
export const appealsQuerySchema = roundQuerySchema.extend({ status: z.enum(['pending', 'decided']).optional() });
export const transparencyQuerySchema = z.strictObject({ consultationId: id().optional().meta({ description: 'One round only' }) });
export const sanctionsQuerySchema = z.strictObject({
  locale: locale(),
  consultationId: id().optional().meta({ description: 'One round’s sanctions (its moderators); without it: every sanction (admins)' }),
});

export const decisionSchema = z.strictObject({
  commentId: id(),
  action: z.enum(MODERATION_ACTIONS),
  ruleCode: ruleCode().meta({ example: 'R3', description: 'A published house rule' }),
  reason: reason().meta({ description: 'Shown to the author' }),
  expectedVersion: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: 'The comment version you saw (from the queue); a newer one answers 409 DECISION_CONFLICT' }),
});
export type DecisionRequest = z.input<typeof decisionSchema>;

/** An appeal of a decision on your comment, or of a sanction against you: exactly one of the two. */
export const appealSchema = z.strictObject({
  decisionId: id().optional().meta({ description: 'The decision on your comment you appeal (or give sanctionId)' }),
  sanctionId: id().optional().meta({ description: 'The sanction against you that you appeal (or give decisionId)' }),
  text: nonBlank(APPEAL_TEXT_MAX_LENGTH),
});
export type AppealRequest = z.input<typeof appealSchema>;

export const appealDecisionSchema = z.strictObject({
  outcome: z.enum(APPEAL_OUTCOMES).meta({ description: 'upheld: the decision stands; overturned: the comment is restored' }),
  reason: reason(),
});
export type AppealDecisionRequest = z.input<typeof appealDecisionSchema>;

export const sanctionSchema = z.strictObject({
  commentId: id().optional().meta({ description: 'Suspend the author of this comment (moderators of its round, admins)' }),
  userId: id().optional().meta({ description: 'Suspend this account (admins, with consultationId or global)' }),
  consultationId: id().optional().meta({ description: 'The round it applies to (with commentId: the comment’s round)' }),
  global: z.boolean().optional().meta({ description: 'Everywhere, not in one round (admins): the account is read-only until the date' }),
  until: isoDateTime().meta({ description: 'ISO 8601, in the future' }),
  ruleCode: ruleCode().meta({ example: 'R2' }),
  reason: reason(),
});
export type SanctionRequest = z.input<typeof sanctionSchema>;

export const wordFilterTermSchema = z.strictObject({
  term: nonBlank(100),
  action: z.enum(WORD_FILTER_ACTIONS),
});
export type CreateWordFilterTermRequest = z.input<typeof wordFilterTermSchema>;

export const notificationsQuerySchema = pageQuerySchema.extend({
  locale: localeCode().optional().meta({ description: 'Language of rule titles (default: the account’s language)' }),
});

/** PUT …/highlight (secretariat): whether the PDF report quotes a comment. */
export const highlightSchema = z.strictObject({
  highlighted: z.boolean().meta({ description: 'true: quote it in the report; false: stop quoting it' }),
});
