import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import {
  APPEAL_OUTCOMES,
  APPEAL_TEXT_MAX_LENGTH,
  DECISION_REASON_MAX_LENGTH,
  DECISION_STATUSES,
  FLAG_NOTE_MAX_LENGTH,
  FLAG_REASONS,
  HELD_REASONS,
  LOCALES,
  MODERATION_ACTIONS,
  QUEUE_SORTS,
  WORD_FILTER_ACTIONS,
  type AppealDecisionRequest,
  type AppealOutcome,
  type AppealRequest,
  type CreateWordFilterTermRequest,
  type DecisionRequest,
  type DecisionStatus,
  type FlagReason,
  type FlagRequest,
  type HeldReason,
  type LocaleCode,
  type ModerationAction,
  type QueueSort,
  type Sanction,
  type SanctionRequest,
  type SanctionStatus,
  SANCTION_STATUSES,
  type WordFilterAction,
} from '@compact-voices/contracts';
import { CommentDto } from '../../comments/dto/comment.dto.js';

const LOCALE_CODES = LOCALES.map((locale) => locale.code);
const RULE_CODE = /^R[0-9]{1,3}$/;
const NOT_BLANK = /\S/;

export class LocaleQueryDto {
  @ApiPropertyOptional({ enum: LOCALE_CODES, description: 'Language of rule titles' })
  @IsOptional()
  @IsIn(LOCALE_CODES)
  locale?: LocaleCode;
}

export class FlagDto implements FlagRequest {
  @ApiProperty({ enum: FLAG_REASONS })
  @IsIn(FLAG_REASONS)
  reason!: FlagReason;

  @ApiPropertyOptional({ maxLength: FLAG_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(FLAG_NOTE_MAX_LENGTH)
  note?: string;
}

export class FlagReceiptDto {
  @ApiProperty({ format: 'uuid' }) commentId!: string;
  @ApiProperty({ enum: FLAG_REASONS }) reason!: FlagReason;
  @ApiProperty() createdAt!: string;
}

export class QueueQueryDto extends IntersectionType(LocaleQueryDto, PageQueryDto) {
  @ApiPropertyOptional({ enum: QUEUE_SORTS, default: 'oldest' })
  @IsOptional()
  @IsIn(QUEUE_SORTS)
  sort?: QueueSort;
}

export class RoundQueueQueryDto extends QueueQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  consultationId!: string;
}

export class SafeguardingQueueQueryDto extends QueueQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One round only (default: every round whose concerns you handle)' })
  @IsOptional()
  @IsUUID()
  consultationId?: string;
}

export class RoundQueryDto extends LocaleQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  consultationId!: string;
}

export class AppealsQueryDto extends RoundQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'decided'] })
  @IsOptional()
  @IsIn(['pending', 'decided'])
  status?: 'pending' | 'decided';
}

export class TransparencyQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One round only' })
  @IsOptional()
  @IsUUID()
  consultationId?: string;
}

export class DecisionRequestDto implements DecisionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  commentId!: string;

  @ApiProperty({ enum: MODERATION_ACTIONS })
  @IsIn(MODERATION_ACTIONS)
  action!: ModerationAction;

  @ApiProperty({ example: 'R3', description: 'A published house rule' })
  @IsString()
  @Matches(RULE_CODE)
  ruleCode!: string;

  @ApiProperty({ maxLength: DECISION_REASON_MAX_LENGTH, description: 'Shown to the author' })
  @IsString()
  @MaxLength(DECISION_REASON_MAX_LENGTH)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;

  @ApiPropertyOptional({ description: 'The comment version you saw (from the queue); a newer one answers 409 DECISION_CONFLICT' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

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

export class AppealRequestDto implements AppealRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The decision on your comment you appeal (or give sanctionId)' })
  @IsOptional()
  @IsUUID()
  decisionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The sanction against you that you appeal (or give decisionId)' })
  @IsOptional()
  @IsUUID()
  sanctionId?: string;

  @ApiProperty({ maxLength: APPEAL_TEXT_MAX_LENGTH })
  @IsString()
  @MaxLength(APPEAL_TEXT_MAX_LENGTH)
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  text!: string;
}

export class AppealDecisionRequestDto implements AppealDecisionRequest {
  @ApiProperty({ enum: APPEAL_OUTCOMES, description: 'upheld: the decision stands; overturned: the comment is restored' })
  @IsIn(APPEAL_OUTCOMES)
  outcome!: AppealOutcome;

  @ApiProperty({ maxLength: DECISION_REASON_MAX_LENGTH })
  @IsString()
  @MaxLength(DECISION_REASON_MAX_LENGTH)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

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

export class SanctionRequestDto implements SanctionRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Suspend the author of this comment (moderators of its round, admins)' })
  @IsOptional()
  @IsUUID()
  commentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Suspend this account (admins, with consultationId or global)' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The round it applies to (with commentId: the comment’s round)' })
  @IsOptional()
  @IsUUID()
  consultationId?: string;

  @ApiPropertyOptional({ description: 'Everywhere, not in one round (admins): the account is read-only until the date' })
  @IsOptional()
  @IsBoolean()
  global?: boolean;

  @ApiProperty({ description: 'ISO 8601, in the future' })
  @IsISO8601({ strict: true })
  until!: string;

  @ApiProperty({ example: 'R2' })
  @IsString()
  @Matches(RULE_CODE)
  ruleCode!: string;

  @ApiProperty({ maxLength: DECISION_REASON_MAX_LENGTH })
  @IsString()
  @MaxLength(DECISION_REASON_MAX_LENGTH)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

export class SanctionsQueryDto extends LocaleQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One round’s sanctions (its moderators); without it: every sanction (admins)' })
  @IsOptional()
  @IsUUID()
  consultationId?: string;
}

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

export class WordFilterTermRequestDto implements CreateWordFilterTermRequest {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'term must not be blank' })
  term!: string;

  @ApiProperty({ enum: WORD_FILTER_ACTIONS })
  @IsIn(WORD_FILTER_ACTIONS)
  action!: WordFilterAction;
}

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

export class HighlightDto {
  @ApiProperty({ description: 'true: quote it in the report; false: stop quoting it' })
  @IsBoolean()
  highlighted!: boolean;
}
