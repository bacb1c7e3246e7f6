import { SchemaDto } from '../../../core/http/schema-dto.js';
import { createConsultationSchema, updateConsultationSchema, setRoundRoleSchema } from '@compact-voices/contracts/schemas';
import { ApiProperty } from '@nestjs/swagger';
import {
  CONSULTATION_STATUSES,
  MODERATION_MODES,
  type Consultation,
  type ConsultationStatus,
  type ModerationMode,
} from '@compact-voices/contracts';

export class CreateConsultationDto extends SchemaDto(createConsultationSchema) {}

export class UpdateConsultationDto extends SchemaDto(updateConsultationSchema) {}

export class SetModeratorsDto extends SchemaDto(setRoundRoleSchema) {}

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
