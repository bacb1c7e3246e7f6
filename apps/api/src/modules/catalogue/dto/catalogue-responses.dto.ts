import { ApiProperty } from '@nestjs/swagger';
import {
  PRINCIPLE_CODES,
  STAKEHOLDER_SIDES,
  STAKEHOLDER_TYPE_CODES,
  SUBREGIONS,
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
} from '@compact-voices/contracts';

/** OpenAPI descriptions of the catalogue responses; the shapes themselves live in the contracts library. */
export class PrincipleSummaryDto implements PrincipleSummary {
  @ApiProperty({ enum: PRINCIPLE_CODES, example: 'PC' }) code!: PrincipleCode;
  @ApiProperty({ example: 1, description: "Position in the chapter's order" }) order!: number;
  @ApiProperty({ example: 'People-centredness' }) title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 3 }) recommendationCount!: number;
}

export class RecommendationSummaryDto implements RecommendationSummary {
  @ApiProperty({ example: 'PC-1' }) code!: string;
  @ApiProperty({ enum: PRINCIPLE_CODES }) principleCode!: PrincipleCode;
  @ApiProperty({ example: 1, description: 'Position within its principle' }) order!: number;
  @ApiProperty({ description: 'Verbatim text of the recommendation' }) text!: string;
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

export class RecommendationDetailDto implements RecommendationDetail {
  @ApiProperty({ example: 'HR-1' }) code!: string;
  @ApiProperty({ enum: PRINCIPLE_CODES }) principleCode!: PrincipleCode;
  @ApiProperty() order!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true, description: "The chapter's footnote for this recommendation, if any" })
  note!: string | null;
  @ApiProperty({ type: [RecommendationObjectiveLinkDto] }) objectives!: RecommendationObjectiveLinkDto[];
}

export class ObjectiveSummaryDto implements ObjectiveSummary {
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
