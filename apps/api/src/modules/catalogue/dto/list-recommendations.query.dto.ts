import { SchemaDto } from '../../../core/http/schema-dto.js';
import { listRecommendationsQuerySchema } from '@compact-voices/contracts';

export class ListRecommendationsQueryDto extends SchemaDto(listRecommendationsQuerySchema) {}
