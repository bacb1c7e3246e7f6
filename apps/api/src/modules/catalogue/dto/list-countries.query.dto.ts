import { SchemaDto } from '../../../core/http/schema-dto.js';
import { listCountriesQuerySchema } from '@compact-voices/contracts';

export class ListCountriesQueryDto extends SchemaDto(listCountriesQuerySchema) {}
