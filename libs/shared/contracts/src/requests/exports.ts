import { z } from 'zod';
import { STAKEHOLDER_TYPE_CODES } from '../catalogue.js';
import { EXPORT_DATASETS, EXPORT_FORMATS, EXPORT_PRIVACY_LEVELS } from '../exports.js';
import { id, isoDateTime, queryInt, localeCode } from './common.js';

/** Shared by the dashboard and exports (query string or JSON body); every field optional. */
export const exportFiltersSchema = z.strictObject({
  consultationId: id().optional(),
  principleCode: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional()
    .meta({ example: 'PC' }),
  recommendationCode: z
    .string()
    .regex(/^[A-Za-z]{2}-[0-9]{1,2}$/)
    .optional()
    .meta({ example: 'PC-1' }),
  objectiveNumber: queryInt(1, 23).optional(),
  countryIso3: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .optional()
    .meta({ example: 'NPL' }),
  /** A UN ESCAP subregion name, as in GET /countries. */
  subregion: z.string().max(100).optional().meta({ example: 'South and South-West Asia' }),
  stakeholderType: z.enum(STAKEHOLDER_TYPE_CODES).optional(),
  from: isoDateTime().optional().meta({ description: 'ISO 8601, inclusive' }),
  to: isoDateTime().optional().meta({ description: 'ISO 8601, exclusive' }),
});
export type ExportFilters = z.output<typeof exportFiltersSchema>;

export const createExportSchema = z.strictObject({
  dataset: z.enum(EXPORT_DATASETS),
  format: z.enum(EXPORT_FORMATS),
  privacy: z.enum(EXPORT_PRIVACY_LEVELS).meta({
    description: 'public: pseudonymised, small cells withheld, moderated text withheld; full: account ids and names (audit-logged)',
  }),
  filters: exportFiltersSchema.optional(),
  bom: z.boolean().optional().meta({ description: 'CSV: begin with a UTF-8 byte-order mark (for Excel)' }),
  publish: z.boolean().optional().meta({ description: 'Publish this public pack of a closed round on the open-data page' }),
  locale: localeCode()
    .optional()
    .meta({ description: "Language of the pack's README and codebook (default: the request's Accept-Language, else English)" }),
});
export type CreateExportRequest = z.input<typeof createExportSchema>;
