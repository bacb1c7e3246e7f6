import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorCode } from '@compact-voices/contracts';
import { Authenticated, Public } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { Idempotent } from '../idempotency/idempotency.interceptor.js';
import { CommentsService } from './comments.service.js';
import {
  CommentDto,
  CommentListDto,
  CommentPageDto,
  CommentRevisionListDto,
  CreateCommentDto,
  ListCommentsQueryDto,
  ReactionDto,
  SearchCommentsQueryDto,
  UpdateCommentDto,
} from './dto/comment.dto.js';

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('consultations/:id/recommendations/:code/comments')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({
    summary: 'A thread: comments of every depth, flat, paginated by top-level comment',
    description: 'Compressed (br or gzip) when accepted; with If-None-Match, 304 while the page is unchanged.',
  })
  @ApiOkResponse({ type: CommentPageDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'CONSULTATION_NOT_FOUND or NOT_IN_SCOPE' })
  async list(
    @UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string,
    @Param('code') code: string,
    @Query() query: ListCommentsQueryDto,
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() viewer?: AuthUser,
  ): Promise<void> {
    // Serialised and compressed once per page version (see ThreadPageCache), then sent as bytes.
    (await this.comments.listPrepared(id, code, query, viewer)).send(request, response);
  }

  @Post('consultations/:id/recommendations/:code/comments')
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Comment or reply (verified accounts, while the round is open)' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONSULTATION_CLOSED, DUPLICATE_COMMENT, IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'REPLY_TOO_DEEP, IDEMPOTENCY_KEY_REUSED' })
  create(
    @UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string,
    @Param('code') code: string,
    @Body() dto: CreateCommentDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.comments.create(id, code, dto, user, idempotencyKey);
  }

  @Get('consultations/:id/comments')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'Full-text search of the published comments of a round' })
  @ApiOkResponse({ type: CommentListDto })
  search(
    @UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string,
    @Query() query: SearchCommentsQueryDto,
    @CurrentUser() viewer?: AuthUser,
  ) {
    return this.comments.search(id, query.q, query.limit, viewer);
  }

  @Get('comments/:commentId')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'One comment' })
  @ApiOkResponse({ type: CommentDto })
  get(@UuidParam('commentId', ErrorCode.COMMENT_NOT_FOUND) commentId: string, @CurrentUser() viewer?: AuthUser) {
    return this.comments.get(commentId, viewer);
  }

  @Patch('comments/:commentId')
  @Authenticated()
  @ApiOperation({
    summary: 'Edit your comment while the round is open (earlier versions are kept)',
    description:
      'Where a new comment would wait for a moderator, so does the edit (`pendingEdit`); the published text stays until it is approved.',
  })
  @ApiOkResponse({ type: CommentDto })
  update(
    @UuidParam('commentId', ErrorCode.COMMENT_NOT_FOUND) commentId: string,
    @Body() dto: UpdateCommentDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.comments.update(commentId, dto.body, user);
  }

  @Get('comments/:commentId/revisions')
  @Authenticated()
  @ApiOperation({ summary: 'Earlier versions of a comment, newest first (its author and its moderators only; the public sees “edited”)' })
  @ApiOkResponse({ type: CommentRevisionListDto })
  revisions(@UuidParam('commentId', ErrorCode.COMMENT_NOT_FOUND) commentId: string, @CurrentUser() user: AuthUser) {
    return this.comments.revisions(commentId, user);
  }

  @Delete('comments/:commentId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete your comment: a tombstone stays and replies survive' })
  @ApiNoContentResponse()
  remove(@UuidParam('commentId', ErrorCode.COMMENT_NOT_FOUND) commentId: string, @CurrentUser() user: AuthUser) {
    return this.comments.remove(commentId, user);
  }

  @Put('comments/:commentId/reaction')
  @Authenticated()
  @ApiOperation({ summary: 'Agree or disagree (one reaction per person; null clears it)' })
  react(@UuidParam('commentId', ErrorCode.COMMENT_NOT_FOUND) commentId: string, @Body() dto: ReactionDto, @CurrentUser() user: AuthUser) {
    return this.comments.react(commentId, dto.kind, user);
  }
}
