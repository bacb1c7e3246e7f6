import { z } from 'zod';
import { EXPORT_DATASETS, EXPORT_FORMATS, EXPORT_PRIVACY_LEVELS, exportFiltersSchema } from '../exports.js';

export const createExportSchema = z.strictObject({
  dataset: z.enum(EXPORT_DATASETS),
  format: z.enum(EXPORT_FORMATS),
  privacy: z.enum(EXPORT_PRIVACY_LEVELS).meta({
    description: 'public: pseudonymised, small cells withheld, moderated text withheld; full: account ids and names (audit-logged)',
  }),
  filters: exportFiltersSchema.optional(),
  bom: z.boolean().optional().meta({ description: 'CSV: begin with a UTF-8 byte-order mark (for Excel)' }),
  publish: z.boolean().optional().meta({ description: 'Publish this public pack of a closed round on the open-data page' }),
});
export type CreateExportRequest = z.input<typeof createExportSchema>;
