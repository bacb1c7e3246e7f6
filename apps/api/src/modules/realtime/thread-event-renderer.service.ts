import { Injectable } from '@nestjs/common';
import type { Comment, ThreadEvent } from '@compact-voices/contracts';
import { CommentsService } from '../comments/comments.service.js';
import { RatingsService } from '../ratings/ratings.service.js';
import type { LoggedThreadEvent } from '../threads/thread-log.service.js';
import { seal } from '../disclosure/seal.js';

/**
 * The public payload of a thread event, rendered when it is sent or replayed (never stored), so a
 * replay shows the comment as it is now — a tombstone if it was removed since — and a socket
 * payload is never more than the public REST response.
 */
@Injectable()
export class ThreadEventRenderer {
  constructor(
    private readonly comments: CommentsService,
    private readonly ratings: RatingsService,
  ) {}

  async render(consultationId: string, recommendationCode: string, event: LoggedThreadEvent): Promise<ThreadEvent | undefined> {
    return (await this.renderAll(consultationId, recommendationCode, [event]))[0];
  }

  /**
   * Many events (a replay page) with one query for all their comments, and one summary per country
   * (the caller collapses state events first), instead of a query per event.
   */
  async renderAll(consultationId: string, recommendationCode: string, events: readonly LoggedThreadEvent[]): Promise<ThreadEvent[]> {
    const comments = await this.comments.publicViews(
      events.flatMap((event) => (event.type !== 'ratings.summary' && event.commentId ? [event.commentId] : [])),
    );
    const rendered: ThreadEvent[] = [];
    for (const event of events) {
      const one = await this.renderOne(consultationId, recommendationCode, event, comments);
      if (one) rendered.push(one);
    }
    return rendered;
  }

  private async renderOne(
    consultationId: string,
    recommendationCode: string,
    event: LoggedThreadEvent,
    comments: Map<string, Comment>,
  ): Promise<ThreadEvent | undefined> {
    switch (event.type) {
      case 'comment.created':
      case 'comment.updated':
      case 'comment.removed': {
        const comment = event.commentId ? comments.get(event.commentId) : undefined;
        return comment ? { seq: event.seq, type: event.type, payload: comment } : undefined;
      }
      case 'reactions.updated': {
        const comment = event.commentId ? comments.get(event.commentId) : undefined;
        return comment
          ? {
              seq: event.seq,
              type: event.type,
              payload: { commentId: comment.id, reactions: seal({ agree: comment.reactions.agree, disagree: comment.reactions.disagree }) },
            }
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
