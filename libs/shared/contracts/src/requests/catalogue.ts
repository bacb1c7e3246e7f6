import { z } from 'zod';
import { PRINCIPLE_CODES, SUBREGIONS } from '../catalogue.js';
import { localeCode, queryBoolean, queryInt } from './common.js';

const contentLocale = () =>
  localeCode()
    .optional()
    .meta({ description: 'Language of the texts: a translation (unofficial, with its provenance) where there is one, else English' });

/** ?locale= of the catalogue's reads. */
export const catalogueQuerySchema = z.strictObject({ locale: contentLocale() });

export const listRecommendationsQuerySchema = z.strictObject({
  locale: contentLocale(),
  principle: z.enum(PRINCIPLE_CODES).optional().meta({ description: 'Only recommendations under this principle' }),
  objective: queryInt(1, 23).optional().meta({ description: 'Only recommendations linked to this GCM objective' }),
  q: z
    .string()
    .max(200)
    .refine((value) => /\S/.test(value), { error: 'must not be blank', params: { reason: 'blank' } })
    .optional()
    .meta({ description: 'Full-text search (PostgreSQL websearch syntax) or a code such as HR-1' }),
});

export const listCountriesQuerySchema = z.strictObject({
  subregion: z.enum(SUBREGIONS).optional(),
  inRegion: queryBoolean()
    .optional()
    .meta({ description: 'true: ESCAP members and associate members; false: destinations outside the region' }),
});
