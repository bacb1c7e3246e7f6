import type { ModerationDecision } from '@compact-voices/contracts';
import { useMemo } from 'react';
import { useDecisions } from '../api/decisions';
import { useModeratedRounds } from '../api/get-moderated-rounds';

export interface RoundModeration {
  /** The reader moderates this round (its moderators, admins). */
  moderates: boolean;
  /** The reader handles this round's safeguarding concerns. */
  safeguards: boolean;
  /** Proposals waiting for a second moderator's co-signature, by comment. */
  awaitingByComment: ReadonlyMap<string, ModerationDecision>;
}

const NONE: ReadonlyMap<string, ModerationDecision> = new Map();

/**
 * What the signed-in reader may do as a moderator in one round, from GET /moderation/rounds, and
 * (for its moderators) the proposals waiting for a co-signature, from the round's decisions.
 */
export function useRoundModeration(consultationId: string, options: { enabled: boolean }): RoundModeration {
  const rounds = useModeratedRounds({ enabled: options.enabled });
  const round = options.enabled ? rounds.data?.items.find((item) => item.consultationId === consultationId) : undefined;
  const moderates = round?.moderates ?? false;
  const decisions = useDecisions(consultationId, { enabled: moderates });
  const awaitingByComment = useMemo(() => {
    if (!moderates || !decisions.data) return NONE;
    const waiting = new Map<string, ModerationDecision>();
    for (const decision of decisions.data.items) {
      if (decision.status === 'awaiting-cosign' && !waiting.has(decision.commentId)) waiting.set(decision.commentId, decision);
    }
    return waiting;
  }, [moderates, decisions.data]);
  return { moderates, safeguards: round?.safeguards ?? false, awaitingByComment };
}
