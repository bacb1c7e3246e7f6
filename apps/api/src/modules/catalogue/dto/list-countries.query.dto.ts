import { SchemaDto } from '../../../core/http/schema-dto.js';
import { listCountriesQuerySchema } from '@compact-voices/contracts/schemas';

export class ListCountriesQueryDto extends SchemaDto(listCountriesQuerySchema) {}
