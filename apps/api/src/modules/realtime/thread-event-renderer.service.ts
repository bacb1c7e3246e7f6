import { Injectable } from '@nestjs/common';
import type { ThreadEvent } from '@compact-voices/contracts';
import { CommentsService } from '../comments/comments.service.js';
import { RatingsService } from '../ratings/ratings.service.js';
import type { LoggedThreadEvent } from '../threads/thread-log.service.js';
import { seal } from '../disclosure/seal.js';

/**
 * The public payload of a thread event, rendered when it is sent or replayed (never stored), so a
 * replay shows the comment as it is now — a tombstone if it was removed since — and a socket
 * payload is never more than the public REST response (WS-09).
 */
@Injectable()
export class ThreadEventRenderer {
  constructor(
    private readonly comments: CommentsService,
    private readonly ratings: RatingsService,
  ) {}

  async render(consultationId: string, recommendationCode: string, event: LoggedThreadEvent): Promise<ThreadEvent | undefined> {
    switch (event.type) {
      case 'comment.created':
      case 'comment.updated':
      case 'comment.removed': {
        const comment = event.commentId ? await this.comments.publicView(event.commentId) : undefined;
        return comment ? { seq: event.seq, type: event.type, payload: comment } : undefined;
      }
      case 'reactions.updated': {
        const comment = event.commentId ? await this.comments.publicView(event.commentId) : undefined;
        return comment
          ? { seq: event.seq, type: event.type, payload: { commentId: comment.id, reactions: seal({ agree: comment.reactions.agree, disagree: comment.reactions.disagree }) } }
          : undefined;
      }
      case 'ratings.summary': {
        if (!event.countryIso3) return undefined;
        const summary = await this.ratings.publicSummary(consultationId, recommendationCode, event.countryIso3);
        return { seq: event.seq, type: event.type, payload: { countryIso3: event.countryIso3, summary } };
      }
      default:
        return undefined;
    }
  }
}
