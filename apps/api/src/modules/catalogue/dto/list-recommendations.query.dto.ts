import { SchemaDto } from '../../../core/http/schema-dto.js';
import { listRecommendationsQuerySchema } from '@compact-voices/contracts/schemas';

export class ListRecommendationsQueryDto extends SchemaDto(listRecommendationsQuerySchema) {}
