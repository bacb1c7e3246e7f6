import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type LocaleCode } from '@compact-voices/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { RequestLocale } from '../../core/http/request-locale.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { AppealsService } from './appeals.service.js';
import { CosignUseCase } from './cosign.use-case.js';
import { DecideUseCase } from './decide.use-case.js';
import {
  AppealListDto,
  AppealsQueryDto,
  CommentModerationHistoryDto,
  DecisionRequestDto,
  HighlightDto,
  LocaleQueryDto,
  ModeratedRoundListDto,
  ModerationDecisionDto,
  ModerationDecisionListDto,
  ModerationQueueDto,
  RoundQueryDto,
  RoundQueueQueryDto,
  SafeguardingQueueQueryDto,
} from './dto/moderation.dto.js';
import { ModerationDecisionsService } from './moderation-decisions.service.js';

@ApiTags('moderation')
@Controller('moderation')
export class ModerationController {
  constructor(
    private readonly decisions: ModerationDecisionsService,
    private readonly decideUseCase: DecideUseCase,
    private readonly cosignUseCase: CosignUseCase,
    private readonly appeals: AppealsService,
  ) {}

  @Get('rounds')
  @Authenticated()
  @ApiOperation({ summary: 'The rounds you moderate, with their open work (admins: every round)' })
  @ApiOkResponse({ type: ModeratedRoundListDto })
  rounds(@CurrentUser() user: AuthUser) {
    return this.decisions.rounds(user);
  }

  @Get('queue')
  @Authenticated()
  @ApiOperation({ summary: 'Pending and flagged comments of a round you moderate (never a protected author’s identity)' })
  @ApiOkResponse({ type: ModerationQueueDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'NOT_A_MODERATOR' })
  queue(@CurrentUser() user: AuthUser, @Query() query: RoundQueueQueryDto, @RequestLocale() locale?: LocaleCode) {
    return this.decisions.queue(user, { consultationId: query.consultationId }, query.sort, query.cursor, query.limit, locale);
  }

  @Get('safeguarding-queue')
  @Authenticated()
  @ApiOperation({
    summary: 'The restricted safeguarding queue of the rounds whose concerns you handle (every view is audit-logged)',
    description:
      'A round’s safeguarding officers, the platform safeguarding team, and admins for a round with no officer. Comments the public can still read come first.',
  })
  @ApiOkResponse({ type: ModerationQueueDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'NOT_A_MODERATOR' })
  safeguardingQueue(@CurrentUser() user: AuthUser, @Query() query: SafeguardingQueueQueryDto, @RequestLocale() locale?: LocaleCode) {
    return this.decisions.queue(
      user,
      { safeguarding: true, consultationId: query.consultationId },
      query.sort,
      query.cursor,
      query.limit,
      locale,
    );
  }

  @Post('decisions')
  @Authenticated()
  @ApiOperation({ summary: 'Approve, hide, restore or reject a comment, citing a house rule and giving a reason' })
  @ApiCreatedResponse({
    type: ModerationDecisionDto,
    description: 'status "applied", or "awaiting-cosign" when you have a conflict of interest',
  })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'DECISION_CONFLICT (someone decided first), INVALID_STATUS_TRANSITION' })
  decide(
    @CurrentUser() user: AuthUser,
    @Body() dto: DecisionRequestDto,
    @Query() query: LocaleQueryDto,
    @RequestLocale() locale?: LocaleCode,
  ) {
    return this.decideUseCase.execute(user, dto, locale);
  }

  @Get('decisions')
  @Authenticated()
  @ApiOperation({ summary: 'Decisions in a round you moderate, newest first' })
  @ApiOkResponse({ type: ModerationDecisionListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: RoundQueryDto, @RequestLocale() locale?: LocaleCode) {
    return this.decisions.list(user, query.consultationId, locale);
  }

  @Get('decisions/:id')
  @Authenticated()
  @ApiOperation({ summary: 'One decision (the comment’s author, the round’s moderators, admins)' })
  @ApiOkResponse({ type: ModerationDecisionDto })
  get(
    @CurrentUser() user: AuthUser,
    @UuidParam('id', ErrorCode.DECISION_NOT_FOUND) id: string,
    @Query() query: LocaleQueryDto,
    @RequestLocale() locale?: LocaleCode,
  ) {
    return this.decisions.get(id, user, locale);
  }

  @Post('decisions/:id/cosign')
  @Authenticated()
  @ApiOperation({ summary: 'Co-sign a decision that waits for a second moderator (conflict of interest)' })
  @ApiOkResponse({ type: ModerationDecisionDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'COSIGN_NOT_ALLOWED, NOT_A_MODERATOR' })
  cosign(
    @CurrentUser() user: AuthUser,
    @UuidParam('id', ErrorCode.DECISION_NOT_FOUND) id: string,
    @Query() query: LocaleQueryDto,
    @RequestLocale() locale?: LocaleCode,
  ) {
    return this.cosignUseCase.execute(user, id, locale);
  }

  @Get('comments/:commentId/history')
  @Authenticated()
  @ApiOperation({ summary: 'A comment’s reports (never who made them) and decisions, resolved or not (those who may decide on it)' })
  @ApiOkResponse({ type: CommentModerationHistoryDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'NOT_A_MODERATOR' })
  history(
    @CurrentUser() user: AuthUser,
    @UuidParam('commentId', ErrorCode.COMMENT_NOT_FOUND) commentId: string,
    @Query() query: LocaleQueryDto,
    @RequestLocale() locale?: LocaleCode,
  ) {
    return this.decisions.history(user, commentId, locale);
  }

  @Put('highlights/:commentId')
  @Authenticated()
  @ApiOperation({ summary: 'Mark a published comment to be quoted in the round’s PDF report (its moderators; audit-logged)' })
  highlight(
    @CurrentUser() user: AuthUser,
    @UuidParam('commentId', ErrorCode.COMMENT_NOT_FOUND) commentId: string,
    @Body() dto: HighlightDto,
  ) {
    return this.decisions.highlight(user, commentId, dto.highlighted);
  }

  @Get('appeals')
  @Authenticated()
  @ApiOperation({ summary: 'Appeals in a round you moderate (undecided first; overdue after 7 days)' })
  @ApiOkResponse({ type: AppealListDto })
  appealsOfRound(@CurrentUser() user: AuthUser, @Query() query: AppealsQueryDto, @RequestLocale() locale?: LocaleCode) {
    return this.appeals.listForRound(user, query.consultationId, query.status, locale);
  }
}
