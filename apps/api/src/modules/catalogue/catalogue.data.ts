import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import {
  LOCALES,
  PRINCIPLE_CODES,
  TRANSLATION_REVIEW_STATUSES,
  RECOMMENDATION_CODE_PATTERN,
  STAKEHOLDER_SIDES,
  STAKEHOLDER_TYPE_CODES,
  SUBREGIONS,
} from '@compact-voices/contracts';

/** The reviewed JSON files in ./data, validated on load so a bad edit fails at start, loudly. */
const principle = z.strictObject({
  code: z.enum(PRINCIPLE_CODES),
  order: z.number().int().positive(),
  title: z.string().min(1),
  description: z.string().min(1),
});
const recommendation = z.strictObject({
  code: z.string().regex(RECOMMENDATION_CODE_PATTERN),
  principleCode: z.enum(PRINCIPLE_CODES),
  order: z.number().int().positive(),
  text: z.string().min(1),
  note: z.string().min(1).nullable(),
});
const objective = z.strictObject({ number: z.number().int().min(1).max(23), title: z.string().min(1) });
const link = z.strictObject({
  recommendationCode: z.string().regex(RECOMMENDATION_CODE_PATTERN),
  objectiveNumber: z.number().int().min(1).max(23),
  rationale: z.string().min(1).max(200),
});
const country = z.strictObject({
  iso3: z.string().regex(/^[A-Z]{3}$/),
  name: z.string().min(1),
  subregion: z.enum(SUBREGIONS).nullable(),
  inRegion: z.boolean(),
  membership: z.enum(['member', 'associate']).nullable(),
});
const stakeholderType = z.strictObject({
  code: z.enum(STAKEHOLDER_TYPE_CODES),
  label: z.string().min(1),
  side: z.enum(STAKEHOLDER_SIDES),
});

const TRANSLATED_LANGUAGES = LOCALES.map((locale) => locale.code).filter((code) => code !== 'en') as [string, ...string[]];

const review = z.strictObject({
  status: z.enum(TRANSLATION_REVIEW_STATUSES),
  reviewer: z.string().min(1).nullable(),
  reviewedAt: z.iso.date().nullable(),
  source: z.string().min(1).nullable(),
});

/**
 * ./data/translations/<language>.json: the catalogue's texts in one interface language, with who or
 * what translated them, when, and their review (for the file, or for one entry that differs).
 */
const translationFile = z
  .strictObject({
    language: z.enum(TRANSLATED_LANGUAGES),
    translator: z.string().min(1),
    translatedAt: z.iso.date(),
    review,
    principles: z.array(
      z.strictObject({
        code: z.enum(PRINCIPLE_CODES),
        title: z.string().min(1),
        description: z.string().min(1),
        review: review.optional(),
      }),
    ),
    objectives: z.array(z.strictObject({ number: z.number().int().min(1).max(23), title: z.string().min(1), review: review.optional() })),
    recommendations: z.array(
      z.strictObject({
        code: z.string().regex(RECOMMENDATION_CODE_PATTERN),
        text: z.string().min(1),
        note: z.string().min(1).nullable(),
        review: review.optional(),
      }),
    ),
  })
  .refine(
    (file) =>
      [
        file.review,
        ...file.principles.map((p) => p.review),
        ...file.objectives.map((o) => o.review),
        ...file.recommendations.map((r) => r.review),
      ].every((r) => !r || (r.status === 'reviewed') === (r.reviewedAt !== null)),
    {
      error: 'a review has reviewedAt exactly when its status is reviewed',
    },
  );

export type TranslationFile = z.infer<typeof translationFile>;

export const catalogueSchema = z.strictObject({
  principles: z.array(principle).length(10),
  recommendations: z.array(recommendation).min(1),
  objectives: z.array(objective).length(23),
  links: z.array(link).min(1),
  countries: z.array(country).min(1),
  stakeholderTypes: z.array(stakeholderType).length(STAKEHOLDER_TYPE_CODES.length),
  translations: z.array(translationFile),
});

export type CatalogueData = z.infer<typeof catalogueSchema>;

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8'));
}

export function loadCatalogueData(): CatalogueData {
  return catalogueSchema.parse({
    principles: readJson('principles.json'),
    recommendations: readJson('recommendations.json'),
    objectives: readJson('objectives.json'),
    links: readJson('recommendation-objectives.json'),
    countries: readJson('countries.json'),
    stakeholderTypes: readJson('stakeholder-types.json'),
    translations: readdirSync(new URL('./data/translations/', import.meta.url))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => readJson(`translations/${file}`)),
  });
}
