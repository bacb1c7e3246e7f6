import { SchemaDto } from '../../../core/http/schema-dto.js';
import { putRatingSchema, summaryQuerySchema, putOfficialAssessmentSchema } from '@compact-voices/contracts/schemas';
import { ApiProperty } from '@nestjs/swagger';
import type { OfficialAssessment, Rating, RatingSummary } from '@compact-voices/contracts';

export class PutRatingDto extends SchemaDto(putRatingSchema) {}

export class SummaryQueryDto extends SchemaDto(summaryQuerySchema) {}

export class PutOfficialAssessmentDto extends SchemaDto(putOfficialAssessmentSchema) {}

export class RatingDto implements Rating {
  @ApiProperty() consultationId!: string;
  @ApiProperty() recommendationCode!: string;
  @ApiProperty() countryIso3!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty() dontKnow!: boolean;
  @ApiProperty({ type: String, nullable: true }) evidence!: string | null;
  @ApiProperty({ type: String, nullable: true }) evidenceUrl!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class RatingListDto {
  @ApiProperty({ type: [RatingDto] }) items!: RatingDto[];
}

class OfficialOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() verified!: boolean;
}

export class OfficialAssessmentDto implements OfficialAssessment {
  @ApiProperty() countryIso3!: string;
  @ApiProperty() score!: number;
  @ApiProperty() narrative!: string;
  @ApiProperty({ type: OfficialOrganisationDto, nullable: true }) organisation!: OfficialOrganisationDto | null;
  @ApiProperty() updatedAt!: string;
}

export class RatingSummaryDto implements RatingSummary {
  @ApiProperty({ type: Number, nullable: true }) n!: number | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    example: { '0': 1, '1': 2, '2': 4, '3': 1, '4': 0, dontKnow: null },
    description: '`dontKnow` is null unless at least 5 people said "don\'t know"',
  })
  distribution!: RatingSummary['distribution'];
  @ApiProperty({ type: Number, nullable: true }) median!: number | null;
  @ApiProperty({ type: Number, nullable: true }) mean!: number | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: 'Per stakeholder type with at least 5 people: n and median (mean null for the public)',
  })
  byStakeholderType!: RatingSummary['byStakeholderType'];
  @ApiProperty({ type: Object, nullable: true, example: { value: 1.5, ciLow: 0.5, ciHigh: 2.5 } }) gap!: RatingSummary['gap'];
  @ApiProperty({
    description: 'True when the public sees no figures for this cell (fewer than 5 people gave a score, or none published yet)',
  })
  suppressed!: boolean;
  @ApiProperty({ type: OfficialAssessmentDto, nullable: true }) official!: OfficialAssessmentDto | null;
}
