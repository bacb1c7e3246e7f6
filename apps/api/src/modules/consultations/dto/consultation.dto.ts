import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  CONSULTATION_STATUSES,
  MODERATION_MODES,
  RECOMMENDATION_CODE_PATTERN,
  type Consultation,
  type ConsultationStatus,
  type CreateConsultationRequest,
  type ModerationMode,
  type UpdateConsultationRequest,
} from '@compact-voices/contracts';
import { trimString } from '../../../core/http/transforms.js';

export class CreateConsultationDto implements CreateConsultationRequest {
  @ApiProperty({ example: 'Regional review 2027', minLength: 3, maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(3, 200)
  title!: string;

  @ApiPropertyOptional({ description: 'Markdown (safe subset)', maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiProperty({ example: '2027-01-15T00:00:00Z' })
  @IsISO8601({ strict: true })
  opensAt!: string;

  @ApiProperty({ example: '2027-03-31T23:59:59Z' })
  @IsISO8601({ strict: true })
  closesAt!: string;

  @ApiPropertyOptional({ type: [String], description: 'Recommendations in scope; all 32 when omitted', example: ['PC-1', 'WS-2'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  @ArrayUnique()
  @Matches(RECOMMENDATION_CODE_PATTERN, { each: true })
  recommendationCodes?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Countries in scope; every country when omitted', example: ['NPL', 'PHL'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(/^[A-Z]{3}$/, { each: true })
  countryIso3s?: string[];

  @ApiProperty({ enum: MODERATION_MODES })
  @IsIn(MODERATION_MODES)
  moderationMode!: ModerationMode;
}

export class UpdateConsultationDto implements UpdateConsultationRequest {
  @ApiPropertyOptional({ minLength: 3, maxLength: 200 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(3, 200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) opensAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) closesAt?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  @ArrayUnique()
  @Matches(RECOMMENDATION_CODE_PATTERN, { each: true })
  recommendationCodes?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(/^[A-Z]{3}$/, { each: true })
  countryIso3s?: string[];

  @ApiPropertyOptional({ enum: MODERATION_MODES })
  @IsOptional()
  @IsIn(MODERATION_MODES)
  moderationMode?: ModerationMode;

  @ApiPropertyOptional({ enum: CONSULTATION_STATUSES, description: 'draft → open → closed → archived (closed may reopen)' })
  @IsOptional()
  @IsIn(CONSULTATION_STATUSES)
  status?: ConsultationStatus;
}

export class SetModeratorsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds!: string[];
}

export class ConsultationDto implements Consultation {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() descriptionHtml!: string;
  @ApiProperty() opensAt!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ enum: MODERATION_MODES }) moderationMode!: ModerationMode;
  @ApiProperty({ enum: CONSULTATION_STATUSES }) status!: ConsultationStatus;
  @ApiProperty() acceptingContributions!: boolean;
  @ApiProperty({ type: [String] }) recommendationCodes!: string[];
  @ApiProperty({ type: [String] }) countryIso3s!: string[];
  @ApiProperty() createdAt!: string;
}

export class ConsultationListDto {
  @ApiProperty({ type: [ConsultationDto] }) items!: ConsultationDto[];
}

class RoundRoleHolderDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String], description: 'Countries whose government the person is tied to: a conflict of interest there' })
  governmentTies!: string[];
}

export class ModeratorListDto {
  @ApiProperty({ type: [String], format: 'uuid' }) userIds!: string[];
  @ApiProperty({ type: [RoundRoleHolderDto] }) people!: RoundRoleHolderDto[];
}

export class RecommendationCoverageDto {
  @ApiProperty() recommendationCode!: string;
  @ApiProperty({ description: 'People who rated it, for any country' }) raters!: number;
  @ApiProperty({ description: 'Countries with at least one rating' }) countriesRated!: number;
  @ApiProperty({ description: 'Published comments' }) comments!: number;
}

export class CoverageListDto {
  @ApiProperty({ type: [RecommendationCoverageDto] }) items!: RecommendationCoverageDto[];
}
