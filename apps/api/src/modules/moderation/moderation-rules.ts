import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type CommentStatus, type ModerationAction } from '@compact-voices/contracts';
import { ApiException } from '../../core/errors/api.exception.js';
import type { ThreadEventType } from '../threads/thread-log.service.js';

/** The comment a decision acts on, as read before deciding. */
export interface DecisionTarget {
  id: string;
  consultationId: string;
  recommendationCode: string;
  countryIso3: string | null;
  status: CommentStatus;
  version: number;
  reviewQueue: string | null;
  heldReason: string | null;
  moderationRule: string | null;
  authorId: string | null;
  queuedAt: string;
  safeguarding: boolean;
  /** An edit waits for review. */
  pendingEdit: boolean;
}

export interface Transition {
  to: CommentStatus;
  /** What live clients see (nothing when the public never saw the comment and still does not). */
  event: ThreadEventType | null;
  /** Whether the author hears about it (not when a published comment is merely cleared of flags). */
  notify: boolean;
  /** What becomes of an edit waiting for review: published, or turned down (any other decision drops it too). */
  edit?: 'apply' | 'discard';
}

/**
 * Which actions apply to which state. "Pending review" is a comment hidden by flags or a
 * safeguarding concern before anyone decided (hidden, no rule yet). A published comment with an
 * edit waiting for review: approving publishes the edit, rejecting turns the edit down (the
 * comment stays as it was published), hiding hides the comment and drops the edit.
 */
export function planTransition(
  status: CommentStatus,
  pendingReview: boolean,
  queued: boolean,
  action: ModerationAction,
  pendingEdit = false,
): Transition | undefined {
  switch (action) {
    case 'approve':
      if (status === 'pending') return { to: 'published', event: 'comment.created', notify: true };
      if (status === 'hidden' && pendingReview) return { to: 'published', event: 'comment.updated', notify: true };
      if (status === 'published' && pendingEdit) return { to: 'published', event: 'comment.updated', notify: true, edit: 'apply' };
      if (status === 'published' && queued) return { to: 'published', event: null, notify: false };
      return undefined;
    case 'hide':
      if (status === 'published') return { to: 'hidden', event: 'comment.removed', notify: true };
      if (status === 'hidden' && pendingReview) return { to: 'hidden', event: 'comment.updated', notify: true };
      return undefined;
    case 'reject':
      if (status === 'pending') return { to: 'rejected', event: null, notify: true };
      if (status === 'published' && pendingEdit) return { to: 'published', event: null, notify: true, edit: 'discard' };
      return undefined;
    case 'restore':
      if (status === 'hidden') return { to: 'published', event: 'comment.updated', notify: true };
      if (status === 'rejected') return { to: 'published', event: 'comment.created', notify: true };
      return undefined;
  }
}

/** Thrown inside a decision's transaction when another decision got there first. */
export class DecisionConflict extends ApiException {
  constructor() {
    super(HttpStatus.CONFLICT, ErrorCode.DECISION_CONFLICT, 'Another moderator decided on this comment a moment ago; reload it');
  }
}

export function decisionNotFound(): ApiException {
  return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.DECISION_NOT_FOUND, 'No such decision');
}
