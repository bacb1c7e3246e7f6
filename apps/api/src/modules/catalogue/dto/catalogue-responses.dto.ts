import { ApiProperty } from '@nestjs/swagger';
import {
  PRINCIPLE_CODES,
  STAKEHOLDER_SIDES,
  STAKEHOLDER_TYPE_CODES,
  SUBREGIONS,
  TRANSLATION_REVIEW_STATUSES,
  type ContentTranslation,
  type Country,
  type ObjectiveSummary,
  type PrincipleCode,
  type PrincipleDetail,
  type PrincipleSummary,
  type RecommendationDetail,
  type RecommendationObjectiveLink,
  type RecommendationSummary,
  type StakeholderSide,
  type StakeholderType,
  type StakeholderTypeCode,
  type Subregion,
  type TranslationReviewStatus,
} from '@compact-voices/contracts';

export class ContentTranslationDto implements ContentTranslation {
  @ApiProperty({ enum: TRANSLATION_REVIEW_STATUSES, description: 'unreviewed until a reviewer records what they checked it against' })
  status!: TranslationReviewStatus;
  @ApiProperty({ example: 'Machine translation by a large language model, for the Compact Voices project' }) translator!: string;
  @ApiProperty({ example: '2026-12-03', format: 'date' }) translatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) reviewer!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) reviewedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What the reviewer checked the translation against' }) source!: string | null;
}

/** The language fields of every translatable catalogue item. */
class TranslatedContentDto {
  @ApiProperty({ example: 'th', description: 'The language the texts are in: the one asked for when translated, else en' })
  language!: string;
  @ApiProperty({
    type: ContentTranslationDto,
    nullable: true,
    description: 'Provenance when the texts are a translation (always unofficial: the English text is authoritative); null in English',
  })
  translation!: ContentTranslationDto | null;
}

/** OpenAPI descriptions of the catalogue responses; the shapes themselves live in the contracts library. */
export class PrincipleSummaryDto extends TranslatedContentDto implements PrincipleSummary {
  @ApiProperty({ enum: PRINCIPLE_CODES, example: 'PC' }) code!: PrincipleCode;
  @ApiProperty({ example: 1, description: "Position in the chapter's order" }) order!: number;
  @ApiProperty({ example: 'People-centredness' }) title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 3 }) recommendationCount!: number;
}

export class RecommendationSummaryDto extends TranslatedContentDto implements RecommendationSummary {
  @ApiProperty({ example: 'PC-1' }) code!: string;
  @ApiProperty({ enum: PRINCIPLE_CODES }) principleCode!: PrincipleCode;
  @ApiProperty({ example: 1, description: 'Position within its principle' }) order!: number;
  @ApiProperty({ description: 'Verbatim text of the recommendation, or its translation (see language)' }) text!: string;
  @ApiProperty({ type: [Number], example: [1, 7] }) objectiveNumbers!: number[];
}

export class PrincipleDetailDto extends PrincipleSummaryDto implements PrincipleDetail {
  @ApiProperty({ type: [RecommendationSummaryDto] }) recommendations!: RecommendationSummaryDto[];
}

export class RecommendationObjectiveLinkDto implements RecommendationObjectiveLink {
  @ApiProperty({ example: 7 }) number!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Why this recommendation advances the objective' }) rationale!: string;
}

export class RecommendationDetailDto extends TranslatedContentDto implements RecommendationDetail {
  @ApiProperty({ example: 'HR-1' }) code!: string;
  @ApiProperty({ enum: PRINCIPLE_CODES }) principleCode!: PrincipleCode;
  @ApiProperty() order!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true, description: "The chapter's footnote for this recommendation, if any" })
  note!: string | null;
  @ApiProperty({ type: [RecommendationObjectiveLinkDto] }) objectives!: RecommendationObjectiveLinkDto[];
}

export class ObjectiveSummaryDto extends TranslatedContentDto implements ObjectiveSummary {
  @ApiProperty({ example: 1, minimum: 1, maximum: 23 }) number!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String], example: ['PC-1'] }) recommendationCodes!: string[];
}

export class CountryDto implements Country {
  @ApiProperty({ example: 'NPL' }) iso3!: string;
  @ApiProperty({ example: 'Nepal' }) name!: string;
  @ApiProperty({ enum: SUBREGIONS, nullable: true, type: String }) subregion!: Subregion | null;
  @ApiProperty({ description: 'false for the destinations outside the ESCAP region that the chapter names' })
  inRegion!: boolean;
}

export class StakeholderTypeDto implements StakeholderType {
  @ApiProperty({ enum: STAKEHOLDER_TYPE_CODES }) code!: StakeholderTypeCode;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: STAKEHOLDER_SIDES }) side!: StakeholderSide;
}

export class PrincipleListDto {
  @ApiProperty({ type: [PrincipleSummaryDto] }) items!: PrincipleSummaryDto[];
}
export class RecommendationListDto {
  @ApiProperty({ type: [RecommendationSummaryDto] }) items!: RecommendationSummaryDto[];
}
export class ObjectiveListDto {
  @ApiProperty({ type: [ObjectiveSummaryDto] }) items!: ObjectiveSummaryDto[];
}
export class CountryListDto {
  @ApiProperty({ type: [CountryDto] }) items!: CountryDto[];
}
export class StakeholderTypeListDto {
  @ApiProperty({ type: [StakeholderTypeDto] }) items!: StakeholderTypeDto[];
}
