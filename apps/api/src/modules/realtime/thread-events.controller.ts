import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { ErrorCode, type ThreadEvent, type ThreadEvents } from '@compact-voices/contracts';
import { threadEventsQuerySchema } from '@compact-voices/contracts/schemas';
import { Public } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { SchemaDto } from '../../core/http/schema-dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { addressLimitKey } from '../../core/security/client-address.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { ClientContext, type RequestContext } from '../../core/http/client-context.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { ThreadLogService } from '../threads/thread-log.service.js';
import { ReplayCache } from './replay-cache.js';
import { collapseStateEvents } from './replay-collapse.js';
import { ThreadEventRenderer } from './thread-event-renderer.service.js';

class ThreadEventsQueryDto extends SchemaDto(threadEventsQuerySchema) {}

/** The OpenAPI shape of a replayed event; the contract's ThreadEvent ties each `type` to its payload. */
class ThreadEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: ['comment.created', 'comment.updated', 'comment.removed', 'reactions.updated', 'ratings.summary'] })
  type!: ThreadEvent['type'];
  @ApiProperty({ type: Object, description: 'The same payload as the live event (without seq)' }) payload!: unknown;
}

class ThreadEventsDto implements ThreadEvents {
  @ApiProperty({ type: [ThreadEventDto] }) items!: ThreadEvent[];
  @ApiProperty({ description: 'The thread’s latest seq; ask again from the last item when items is full' }) lastSeq!: number;
}

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 500;
const MAX_ANONYMOUS_LIMIT = 100;

@ApiTags('live')
@Controller('consultations/:id/recommendations/:code/events')
export class ThreadEventsController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly log: ThreadLogService,
    private readonly renderer: ThreadEventRenderer,
    private readonly replays: ReplayCache,
    private readonly rateLimits: RateLimitService,
  ) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'What a reconnecting client missed: the thread’s events after a seq, as they read now' })
  @ApiOkResponse({ type: ThreadEventsDto })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'TOO_MANY_REQUESTS: too many pages not already cached from this address (signed out) in a minute',
  })
  async since(
    @UuidParam('id', ErrorCode.CONSULTATION_NOT_FOUND) id: string,
    @Param('code') code: string,
    @Query() query: ThreadEventsQueryDto,
    @ClientContext() client: RequestContext,
    @CurrentUser() viewer?: AuthUser,
  ): Promise<ThreadEvents> {
    // A signed-out address that spent its budget of rendered pages waits out the minute before any
    // database work, so hammering the endpoint costs the server next to nothing.
    const budgetKey = addressLimitKey(client.ip);
    if (!viewer) await this.rateLimits.assertAvailable('replayMissesPerAddress', budgetKey);
    const { recommendationCode, lastSeq: scopeSeq } = viewer
      ? await this.consultations.thread(id, code, viewer)
      : await this.consultations.threadForAnonymousRead(id, code);
    // Anonymous callers page in smaller steps: a replay must not be a cheap way to make the server work.
    const limit = Math.min(query.limit ?? DEFAULT_LIMIT, viewer ? MAX_LIMIT : MAX_ANONYMOUS_LIMIT);
    // What a page holds does not depend on who asks (events render as the public reads them).
    return this.replays.page(
      { consultationId: id, recommendationCode, after: query.after, limit, threadSeq: scopeSeq },
      async () => {
        const events = await this.log.since(id, recommendationCode, query.after, limit);
        const lastSeq = Math.max(scopeSeq, events.at(-1)?.seq ?? 0);
        return { items: await this.renderer.renderAll(id, recommendationCode, collapseStateEvents(events)), lastSeq };
      },
      viewer ? undefined : () => this.rateLimits.consume('replayMissesPerAddress', budgetKey),
    );
  }
}
