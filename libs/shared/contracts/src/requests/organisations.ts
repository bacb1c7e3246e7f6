import { z } from 'zod';
import { STAKEHOLDER_TYPE_CODES } from '../catalogue.js';
import { chars, httpUrl, iso3 } from './common.js';

export const createOrganisationSchema = z.strictObject({
  name: chars(200, z.string().trim().min(2)).meta({ example: 'Migrant Workers Rights Network' }),
  stakeholderType: z.enum(STAKEHOLDER_TYPE_CODES),
  countryIso3: iso3().meta({ example: 'NPL' }),
  website: httpUrl(300).optional().meta({ example: 'https://example.org' }),
});
export type CreateOrganisationRequest = z.input<typeof createOrganisationSchema>;

export const listOrganisationsQuerySchema = z.strictObject({
  q: z.string().max(100).optional(),
  countryIso3: iso3().optional().meta({ example: 'NPL' }),
});
