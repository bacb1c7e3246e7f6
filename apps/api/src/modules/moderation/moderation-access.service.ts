import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@compact-voices/contracts';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { ModerationAccessRepository } from './moderation-access.repository.js';

/** What a moderation check needs to know about the comment acted on. */
export interface ModerationTarget {
  consultationId: string;
  /** Ever the subject of a safeguarding concern: then it is the safeguarding role's alone, for good. */
  safeguarding: boolean;
}

/**
 * A moderator's conflict of interest with a comment: a government tie to a country the comment is
 * about (its scope: see the `comment_scope` database function). For a protected author any tie is
 * a conflict and its country is never named, so that asking for a co-signature reveals nothing.
 */
export interface Conflict {
  conflicted: boolean;
  /** The country to name as the reason; null when there is none or it must not be said. */
  disclosedCountry: string | null;
  /** The ties behind it, recorded with the proposal and never shown: a co-signer shares none. */
  ties: string[];
}

export const NO_CONFLICT: Conflict = { conflicted: false, disclosedCountry: null, ties: [] };

export function notAModerator(): ApiException {
  return new ApiException(HttpStatus.FORBIDDEN, ErrorCode.NOT_A_MODERATOR, 'You do not moderate this');
}

/**
 * Who may moderate what. A round's moderators (assigned by admins) and admins act on its
 * comments; safeguarding items belong to the round's safeguarding officers (and the platform's
 * safeguarding team; admins while a round has none) — general moderators neither see nor decide
 * them. A government tie (an active membership of a government-side organisation of a country,
 * verified or not) is a conflict of interest for comments about that country.
 */
@Injectable()
export class ModerationAccessService {
  constructor(private readonly repository: ModerationAccessRepository) {}

  async moderatesRound(user: AuthUser, consultationId: string, manager?: EntityManager): Promise<boolean> {
    if (isAdmin(user)) return true;
    return this.repository.isRoundModerator(consultationId, user.id, manager);
  }

  async assertModeratesRound(user: AuthUser, consultationId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.moderatesRound(user, consultationId, manager))) throw notAModerator();
  }

  /** Whether the reader handles the round's safeguarding concerns (see `safeguardsRoundSql`). */
  async safeguardsRound(user: AuthUser, consultationId: string, manager?: EntityManager): Promise<boolean> {
    return this.repository.safeguardsRound(consultationId, user.id, user.roles.includes('safeguarding'), isAdmin(user), manager);
  }

  /** Safeguarding items: the round's safeguarding officers (see above); everything else: its moderators and admins. */
  async mayDecide(user: AuthUser, target: ModerationTarget, manager?: EntityManager): Promise<boolean> {
    return target.safeguarding
      ? this.safeguardsRound(user, target.consultationId, manager)
      : this.moderatesRound(user, target.consultationId, manager);
  }

  async assertMayDecide(user: AuthUser, target: ModerationTarget, manager?: EntityManager): Promise<void> {
    if (!(await this.mayDecide(user, target, manager))) throw notAModerator();
  }

  /** The reader's conflict of interest with a comment, judged on the comment's scope. */
  async conflict(user: AuthUser, commentId: string, manager?: EntityManager): Promise<Conflict> {
    const ties = await this.governmentTies(user.id, manager);
    if (ties.length === 0) return NO_CONFLICT;
    const scope = await this.repository.commentScope(commentId, manager);
    if (!scope) return NO_CONFLICT;
    if (scope.undisclosed) return { conflicted: true, disclosedCountry: null, ties };
    const hits = ties.filter((iso3) => scope.countries.includes(iso3));
    return hits.length > 0 ? { conflicted: true, disclosedCountry: hits[0]!, ties: hits } : NO_CONFLICT;
  }

  /** Whether the reader shares any of the ties recorded with a proposal (and so may not co-sign it). */
  async sharesTie(user: AuthUser, ties: string[], manager?: EntityManager): Promise<boolean> {
    if (ties.length === 0) return false;
    return (await this.governmentTies(user.id, manager)).some((iso3) => ties.includes(iso3));
  }

  /** Countries whose government the person is tied to through an active organisation membership. */
  governmentTies(userId: string, manager?: EntityManager): Promise<string[]> {
    return this.repository.governmentTies(userId, manager);
  }
}
