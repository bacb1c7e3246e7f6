import type { ModerationAction, ModerationDecision } from '@compact-voices/contracts';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { FORMER_PARTICIPANT } from '../comments/author-label.js';

export interface DecisionRow {
  id: string;
  commentId: string;
  consultationId: string;
  recommendationCode: string;
  action: ModerationAction;
  ruleCode: string;
  ruleVersion: number;
  ruleTitle: string;
  reason: string;
  status: ModerationDecision['status'];
  decidedAt: string;
  appliedAt: string | null;
  appealId: string | null;
  decidedById: string | null;
  cosignedById: string | null;
  deciderName: string | null;
  cosignerName: string | null;
  conflictCountryIso3: string | null;
  conflicted: boolean;
  authorId: string | null;
  appealRowId: string | null;
  appealStatus: 'pending' | 'upheld' | 'overturned' | null;
  appealCreatedAt: string | null;
  appealDecidedAt: string | null;
  appealOutcomeReason: string | null;
  appealableUntil: string | null;
}

/** A decision as `reader` may see it: who decided only for moderators and admins. */
export function presentDecision(row: DecisionRow, reader: AuthUser, readerModerates: boolean): ModerationDecision {
  return {
    id: row.id,
    commentId: row.commentId,
    consultationId: row.consultationId,
    recommendationCode: row.recommendationCode,
    action: row.action,
    ruleCode: row.ruleCode,
    ruleVersion: row.ruleVersion,
    ruleTitle: row.ruleTitle,
    reason: row.reason,
    status: row.status,
    decidedAt: row.decidedAt,
    appliedAt: row.appliedAt,
    appealId: row.appealId,
    appeal: row.appealRowId
      ? {
          id: row.appealRowId,
          status: row.appealStatus ?? 'pending',
          createdAt: row.appealCreatedAt!,
          decidedAt: row.appealDecidedAt,
          outcomeReason: row.appealOutcomeReason,
        }
      : null,
    appealableUntil: row.authorId === reader.id ? row.appealableUntil : null,
    ...(readerModerates
      ? {
          decidedBy: { displayName: row.deciderName ?? FORMER_PARTICIPANT },
          cosignedBy: row.cosignedById ? { displayName: row.cosignerName ?? FORMER_PARTICIPANT } : null,
          decidedByMe: row.decidedById === reader.id,
          conflictCountryIso3: row.conflictCountryIso3,
          conflict: row.conflicted,
        }
      : {}),
  };
}
