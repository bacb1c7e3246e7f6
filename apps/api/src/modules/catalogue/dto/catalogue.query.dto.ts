import { SchemaDto } from '../../../core/http/schema-dto.js';
import { catalogueQuerySchema } from '@compact-voices/contracts/schemas';

export class CatalogueQueryDto extends SchemaDto(catalogueQuerySchema) {}
