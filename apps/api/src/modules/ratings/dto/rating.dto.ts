import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import type { OfficialAssessment, PutOfficialAssessmentRequest, PutRatingRequest, Rating, RatingSummary } from '@compact-voices/contracts';

export class PutRatingDto implements PutRatingRequest {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 4,
    description: '0 Not started · 1 Planned · 2 In progress · 3 Largely implemented · 4 Fully implemented; null with dontKnow',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(4)
  score!: number | null;

  @ApiPropertyOptional({ description: "true (with score null) for Don't know" })
  @IsOptional()
  @IsBoolean()
  dontKnow?: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  evidence?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'https://www.example.gov/report.pdf' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  evidenceUrl?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Rate for this organisation (null: in your own name; omitted: your default)',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/)
  actingOrganisationId?: string | null;
}

export class SummaryQueryDto {
  @ApiPropertyOptional({ example: 'NPL', description: 'One country; all countries of the round together when omitted' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/)
  country?: string;
}

export class PutOfficialAssessmentDto implements PutOfficialAssessmentRequest {
  @ApiProperty({ minimum: 0, maximum: 4 })
  @IsInt()
  @Min(0)
  @Max(4)
  score!: number;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  narrative?: string;
}

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
