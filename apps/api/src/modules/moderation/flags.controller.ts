import { Body, Controller, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@compact-voices/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { ClientContext, type RequestContext } from '../../core/http/client-context.js';
import { Idempotent } from '../idempotency/idempotency.interceptor.js';
import { FlagDto, FlagReceiptDto } from './dto/moderation.dto.js';
import { FlagsService } from './flags.service.js';

@ApiTags('moderation')
@Controller('comments')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Post(':commentId/flags')
  @Authenticated()
  @Idempotent()
  @ApiOperation({
    summary: 'Report a comment to the moderators (once per person)',
    description:
      'Queues the comment for review; it is hidden before review only when enough independent established reporters agree, one of them in a verified organisation. Rate-limited per account and per client address.',
  })
  @ApiCreatedResponse({ type: FlagReceiptDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'FLAG_EXISTS' })
  flag(
    @UuidParam('commentId', ErrorCode.COMMENT_NOT_FOUND) commentId: string,
    @Body() dto: FlagDto,
    @CurrentUser() user: AuthUser,
    @ClientContext() context: RequestContext,
  ) {
    return this.flags.flag(commentId, dto, user, context);
  }
}
