import { SchemaDto } from '../../../core/http/schema-dto.js';
import {
  localeQuerySchema,
  flagSchema,
  queueQuerySchema,
  roundQueueQuerySchema,
  safeguardingQueueQuerySchema,
  roundQuerySchema,
  appealsQuerySchema,
  transparencyQuerySchema,
  decisionSchema,
  appealSchema,
  appealDecisionSchema,
  sanctionSchema,
  sanctionsQuerySchema,
  wordFilterTermSchema,
  highlightSchema,
} from '@compact-voices/contracts/schemas';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPEAL_OUTCOMES,
  DECISION_STATUSES,
  FLAG_REASONS,
  HELD_REASONS,
  MODERATION_ACTIONS,
  WORD_FILTER_ACTIONS,
  type AppealOutcome,
  type DecisionStatus,
  type FlagReason,
  type HeldReason,
  type ModerationAction,
  type Sanction,
  type SanctionStatus,
  SANCTION_STATUSES,
  type WordFilterAction,
} from '@compact-voices/contracts';
import { CommentDto } from '../../comments/dto/comment.dto.js';

export class LocaleQueryDto extends SchemaDto(localeQuerySchema) {}

export class FlagDto extends SchemaDto(flagSchema) {}

export class FlagReceiptDto {
  @ApiProperty({ format: 'uuid' }) commentId!: string;
  @ApiProperty({ enum: FLAG_REASONS }) reason!: FlagReason;
  @ApiProperty() createdAt!: string;
}

export class QueueQueryDto extends SchemaDto(queueQuerySchema) {}

export class RoundQueueQueryDto extends SchemaDto(roundQueueQuerySchema) {}

export class SafeguardingQueueQueryDto extends SchemaDto(safeguardingQueueQuerySchema) {}

export class RoundQueryDto extends SchemaDto(roundQuerySchema) {}

export class AppealsQueryDto extends SchemaDto(appealsQuerySchema) {}

export class TransparencyQueryDto extends SchemaDto(transparencyQuerySchema) {}

export class DecisionRequestDto extends SchemaDto(decisionSchema) {}

class AppealSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['pending', ...APPEAL_OUTCOMES] }) status!: 'pending' | AppealOutcome;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) outcomeReason!: string | null;
}

class PersonNameDto {
  @ApiProperty() displayName!: string;
}

export class ModerationDecisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) commentId!: string;
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty() recommendationCode!: string;
  @ApiProperty({ enum: MODERATION_ACTIONS }) action!: ModerationAction;
  @ApiProperty() ruleCode!: string;
  @ApiProperty() ruleVersion!: number;
  @ApiProperty() ruleTitle!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: DECISION_STATUSES }) status!: DecisionStatus;
  @ApiProperty() decidedAt!: string;
  @ApiProperty({ type: String, nullable: true }) appliedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) appealId!: string | null;
  @ApiPropertyOptional({ type: PersonNameDto, description: 'Moderators and admins only' }) decidedBy?: PersonNameDto;
  @ApiPropertyOptional({ type: PersonNameDto, nullable: true }) cosignedBy?: PersonNameDto | null;
  @ApiPropertyOptional() decidedByMe?: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The country of the conflict of interest; null when it may not be said',
  })
  conflictCountryIso3?: string | null;
  @ApiPropertyOptional({ description: 'Waited for a co-signature because of a conflict of interest' }) conflict?: boolean;
  @ApiProperty({ type: AppealSummaryDto, nullable: true }) appeal!: AppealSummaryDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'The author’s appeal deadline while an appeal is possible' }) appealableUntil!:
    string | null;
}

export class ModerationDecisionListDto {
  @ApiProperty({ type: [ModerationDecisionDto] }) items!: ModerationDecisionDto[];
}

class FlagCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Count per reason', type: Object }) byReason!: Partial<Record<FlagReason, number>>;
  @ApiProperty({ type: [String] }) notes!: string[];
}

export class QueueItemDto {
  @ApiProperty({ type: CommentDto }) comment!: CommentDto;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: HELD_REASONS, nullable: true }) heldReason!: HeldReason | null;
  @ApiProperty({ type: FlagCountsDto }) flags!: FlagCountsDto;
  @ApiProperty({ type: CommentDto, nullable: true }) parent!: CommentDto | null;
  @ApiProperty() queuedAt!: string;
  @ApiProperty({ type: ModerationDecisionDto, nullable: true }) awaitingCosign!: ModerationDecisionDto | null;
  @ApiProperty() conflictOfInterest!: boolean;
}

export class ModerationQueueDto {
  @ApiProperty({ type: [QueueItemDto] }) items!: QueueItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: String, nullable: true }) consultationId!: string | null;
}

export class ModeratedRoundDto {
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty() queued!: number;
  @ApiProperty() awaitingCosign!: number;
  @ApiProperty() pendingAppeals!: number;
  @ApiProperty({ description: 'You handle this round’s safeguarding concerns' }) safeguards!: boolean;
  @ApiProperty() safeguardingQueued!: number;
  @ApiProperty({ description: 'You moderate this round’s general queue' }) moderates!: boolean;
}

class FlagRecordDto {
  @ApiProperty({ enum: FLAG_REASONS }) reason!: FlagReason;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() resolved!: boolean;
}

export class CommentModerationHistoryDto {
  @ApiProperty({ format: 'uuid' }) commentId!: string;
  @ApiProperty({ type: [FlagRecordDto] }) flags!: FlagRecordDto[];
  @ApiProperty({ type: [ModerationDecisionDto] }) decisions!: ModerationDecisionDto[];
}

export class ModeratedRoundListDto {
  @ApiProperty({ type: [ModeratedRoundDto] }) items!: ModeratedRoundDto[];
}

export class AppealRequestDto extends SchemaDto(appealSchema) {}

export class AppealDecisionRequestDto extends SchemaDto(appealDecisionSchema) {}

export class AppealDto extends AppealSummaryDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for an appeal of a sanction' }) decisionId!:
    string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for an appeal of a decision' }) sanctionId!:
    string | null;
  @ApiProperty() text!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: ModerationDecisionDto, nullable: true }) decision!: ModerationDecisionDto | null;
  @ApiPropertyOptional({ type: () => SanctionDto, nullable: true }) sanction?: SanctionDto | null;
  @ApiProperty({ type: CommentDto, nullable: true, description: 'Null for a sanction without a comment' }) comment!: CommentDto | null;
  @ApiPropertyOptional() readerIsOriginalDecider?: boolean;
}

export class AppealListDto {
  @ApiProperty({ type: [AppealDto] }) items!: AppealDto[];
}

export class SanctionRequestDto extends SchemaDto(sanctionSchema) {}

export class SanctionsQueryDto extends SchemaDto(sanctionsQuerySchema) {}

export class SanctionDto implements Sanction {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null when global' }) consultationId!: string | null;
  @ApiProperty({ enum: SANCTION_STATUSES }) status!: SanctionStatus;
  @ApiProperty() until!: string;
  @ApiProperty() ruleCode!: string;
  @ApiProperty() ruleTitle!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) liftedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Its person’s appeal deadline while an appeal is possible' }) appealableUntil!:
    string | null;
  @ApiProperty({ type: AppealSummaryDto, nullable: true }) appeal!: AppealSummaryDto | null;
  @ApiPropertyOptional({ type: PersonNameDto, description: 'Moderators: the author as their comment reads; admins also an account’s name' })
  user?: PersonNameDto;
  @ApiPropertyOptional({ description: 'Moderators and admins' }) createdByMe?: boolean;
  @ApiPropertyOptional({ description: 'Moderators and admins: waits for a co-signature' }) needsCosign?: boolean;
  @ApiPropertyOptional({ description: 'Moderators and admins: waited because of a conflict of interest (never which)' }) conflict?: boolean;
}

export class SanctionListDto {
  @ApiProperty({ type: [SanctionDto] }) items!: SanctionDto[];
}

export class WordFilterTermRequestDto extends SchemaDto(wordFilterTermSchema) {}

export class WordFilterTermDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() term!: string;
  @ApiProperty({ enum: WORD_FILTER_ACTIONS }) action!: WordFilterAction;
  @ApiProperty() createdAt!: string;
}

export class WordFilterTermListDto {
  @ApiProperty({ type: [WordFilterTermDto] }) items!: WordFilterTermDto[];
}

class DecisionCountDto {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty() ruleCode!: string;
  @ApiProperty({ enum: MODERATION_ACTIONS }) action!: ModerationAction;
  @ApiProperty() count!: number;
}

class AppealCountsDto {
  @ApiProperty() pending!: number;
  @ApiProperty() upheld!: number;
  @ApiProperty() overturned!: number;
}

class FlagCountDto {
  @ApiProperty({ enum: FLAG_REASONS }) reason!: FlagReason;
  @ApiProperty() count!: number;
}

export class TransparencyDto {
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: [DecisionCountDto] }) decisions!: DecisionCountDto[];
  @ApiProperty({ type: AppealCountsDto }) appeals!: AppealCountsDto;
  @ApiProperty({ type: Number, nullable: true }) medianHoursToDecision!: number | null;
  @ApiProperty({ type: [FlagCountDto] }) flags!: FlagCountDto[];
  @ApiProperty() sanctions!: number;
}

export class HighlightDto extends SchemaDto(highlightSchema) {}
