import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  PRINCIPLE_CODES,
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

export const catalogueSchema = z.strictObject({
  principles: z.array(principle).length(10),
  recommendations: z.array(recommendation).min(1),
  objectives: z.array(objective).length(23),
  links: z.array(link).min(1),
  countries: z.array(country).min(1),
  stakeholderTypes: z.array(stakeholderType).length(STAKEHOLDER_TYPE_CODES.length),
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
  });
}
