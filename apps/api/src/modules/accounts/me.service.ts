import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type ListResponse, type Me, type SessionSummary } from '@compact-voices/contracts';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { IDENTITY_CHANGED } from '../../core/auth/identity-events.js';
import { announceSessionsRevoked } from '../../core/auth/session-events.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { RatingReleasesService } from '../disclosure/rating-releases.service.js';
import { AccountsRepository, newPseudonym } from './accounts.repository.js';
import type { ChangePasswordDto, DeleteMeDto, UpdateMeDto } from './dto/me.dto.js';
import { PasswordService } from './password.service.js';
import { assertDisplayNameAllowed } from './reserved-names.js';
import { MeRepository } from './me.repository.js';

export const FORMER_PARTICIPANT = 'Former participant';

interface RatedCell {
  consultationId: string;
  recommendationCode: string;
  countryIso3: string;
}

/** Runs `work` again (up to five times) when the pseudonym it drew is taken: about one in a billion. */
async function withFreshPseudonym<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 5 || (error as { constraint?: string }).constraint !== 'app_user_pseudonym_key') throw error;
    }
  }
}

/** Everything a signed-in person does to their own account. Authorisation is "it is yours". */
@Injectable()
export class MeService {
  private readonly logger = new Logger('Security');

  constructor(
    private readonly repository: MeRepository,
    private readonly accounts: AccountsRepository,
    private readonly passwords: PasswordService,
    private readonly emitter: EventEmitter2,
    private readonly threads: ThreadLogService,
    private readonly releases: RatingReleasesService,
  ) {}

  async get(user: AuthUser): Promise<Me> {
    const me = await this.accounts.me(user.id);
    if (!me) throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.INVALID_TOKEN, 'The account no longer exists');
    return me;
  }

  async update(user: AuthUser, dto: UpdateMeDto): Promise<Me> {
    assertDisplayNameAllowed(dto.displayName);
    if (dto.anonymisePublicContributions && dto.privacyMode !== 'protected') {
      const message = 'anonymisePublicContributions goes with privacyMode "protected"';
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, message, [
        { field: 'anonymisePublicContributions', reason: 'requiresProtected', message },
      ]);
    }
    if (dto.countryIso3) {
      if (!(await this.repository.countryExists(dto.countryIso3)))
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.COUNTRY_NOT_FOUND, `Unknown country ${dto.countryIso3}`, [
          { field: 'countryIso3', reason: 'unknown', message: 'Unknown country' },
        ]);
    }
    if (dto.actingOrganisationId) {
      if (!(await this.repository.isActiveMember(dto.actingOrganisationId, user.id))) {
        throw new ApiException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.NOT_A_MEMBER,
          'You can only act for an organisation you are an active member of',
          [{ field: 'actingOrganisationId', reason: 'notAMember', message: 'Not an active member' }],
        );
      }
    }
    const threadEvents: ThreadDomainEvent[] = [];
    const changed = await withFreshPseudonym(() =>
      this.repository.transaction(async (manager) => {
        threadEvents.length = 0;
        const current = await this.repository.lockPrivacyMode(manager, user.id);
        // Each protected period has its own pseudonym, so nobody who saw the last one (or the
        // name beside it) can follow the person into this one. Comments keep the label they were written under.
        const startsProtection = dto.privacyMode === 'protected' && current?.privacyMode !== 'protected';
        const columns: Record<string, unknown> = {
          display_name: dto.displayName,
          locale: dto.locale,
          privacy_mode: dto.privacyMode,
          pseudonym: startsProtection ? newPseudonym() : undefined,
          stakeholder_type: dto.stakeholderType,
          country_iso3: dto.countryIso3,
          acting_organisation_id: dto.actingOrganisationId,
        };
        const changes = Object.entries(columns).filter(([, value]) => value !== undefined);
        if (changes.length > 0) await this.repository.updateProfile(manager, user.id, changes);
        if (dto.anonymisePublicContributions) threadEvents.push(...(await this.anonymisePublicContributions(manager, user.id)));
        return changes.length > 0 || threadEvents.length > 0;
      }),
    );
    // No log line here: which accounts turn protected, and when, is exactly what must not be written down.
    this.threads.announce(threadEvents);
    if (changed) this.emitter.emit(IDENTITY_CHANGED, { userId: user.id });
    return this.get(user);
  }

  /** A new password ends every other session (a thief signed in elsewhere is out at once). */
  async changePassword(user: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const account = await this.accounts.credentialsById(user.id);
    if (!account || !(await this.passwords.verify(account.passwordHash, dto.currentPassword))) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_CREDENTIALS, 'The current password is not correct', [
        { field: 'currentPassword', reason: 'incorrect', message: 'The current password is not correct' },
      ]);
    }
    this.passwords.assertAcceptable(dto.newPassword, [account.email, account.displayName], 'newPassword');
    const passwordHash = await this.passwords.hash(dto.newPassword);
    const revoked = await this.repository.transaction(async (manager) => {
      await this.repository.setPasswordHash(manager, user.id, passwordHash);
      await this.accounts.invalidateMailTokens(manager, user.id);
      return this.accounts.revokeSessions(manager, { userId: user.id, exceptSessionId: user.sessionId }, 'password-change');
    });
    announceSessionsRevoked(this.emitter, revoked);
    this.logger.log({ event: 'auth.password_changed', userId: user.id }, 'password changed');
  }

  async sessions(user: AuthUser): Promise<ListResponse<SessionSummary>> {
    const items = await this.repository.activeSessions(user.id, user.sessionId);
    return { items };
  }

  async revokeSession(user: AuthUser, sessionId: string): Promise<void> {
    const revoked = await this.repository.revokeOwnSession(user.id, sessionId);
    // Someone else's session id answers exactly like a missing one.
    if (revoked === 0) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.SESSION_NOT_FOUND, 'No such session');
    announceSessionsRevoked(this.emitter, [sessionId]);
  }

  /** Everything stored about me, as one JSON document (GDPR-style access request). */
  async export(user: AuthUser): Promise<Record<string, unknown>> {
    const { profile, sessions, memberships, organisationsRegistered, privilegedActions } = await this.repository.exportAccount(user.id);
    return {
      exportedAt: new Date().toISOString(),
      notes: [
        'Passwords are stored only as argon2id hashes and are not included.',
        'Client addresses are never stored; a keyed hash with a daily salt is kept with each session for 30 days.',
      ],
      profile,
      sessions,
      memberships,
      organisationsRegistered,
      privilegedActions,
    };
  }

  /**
   * Erasure: the account keeps no email, password, name, country or memberships, and every session
   * ends. Contributions (when they exist) stay under "Former participant" unless removal is asked for.
   */
  async erase(user: AuthUser, dto: DeleteMeDto): Promise<void> {
    const account = await this.accounts.credentialsById(user.id);
    if (!account || !(await this.passwords.verify(account.passwordHash, dto.password))) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_CREDENTIALS, 'The password is not correct', [
        { field: 'password', reason: 'incorrect', message: 'The password is not correct' },
      ]);
    }
    const threadEvents: ThreadDomainEvent[] = [];
    const ratedCells: RatedCell[] = [];
    const ended = await this.repository.transaction(async (manager) => {
      if (dto.removeContributions) {
        const removed = await this.removeContributions(manager, user.id);
        threadEvents.push(...removed.events);
        ratedCells.push(...removed.cells);
      } else {
        // Kept comments now read "Former participant": every thread they are in moves on, so no
        // instance serves a cached page with the name from before and live views update.
        const kept = await this.repository.keptPublishedComments(manager, user.id);
        for (const comment of kept) {
          threadEvents.push(
            await this.threads.append(manager, {
              consultationId: comment.consultationId,
              recommendationCode: comment.recommendationCode,
              type: 'comment.updated',
              commentId: comment.id,
            }),
          );
        }
      }
      // Evidence is the rater's own words: it goes with the account, whatever happens to the scores.
      await this.repository.clearRatingEvidence(manager, user.id);
      const sessions = await this.repository.sessionIds(manager, user.id);
      await this.repository.deleteSessions(manager, user.id);
      await this.repository.deleteMailTokens(manager, user.id);
      // Idempotency records keep a copy of each response, the author's name in it.
      await this.repository.deleteIdempotencyKeys(manager, user.id);
      await this.repository.deleteMemberships(manager, user.id);
      await this.repository.eraseAccount(manager, user.id, FORMER_PARTICIPANT);
      return sessions;
    });
    announceSessionsRevoked(this.emitter, ended);
    this.threads.announce(threadEvents);
    // Withdrawn ratings leave the published figures when a release can take them out unnoticed.
    for (const cell of ratedCells) await this.releases.releaseQuietly(cell);
    this.emitter.emit(IDENTITY_CHANGED, { userId: user.id });
    this.logger.log({ event: 'account.erased', userId: user.id, removeContributions: dto.removeContributions ?? false }, 'account erased');
  }

  /**
   * "Show my earlier public comments as 'Former participant'": each of them is marked for good (the
   * author label reads the mark), and live views of the published ones are told they changed.
   */
  private async anonymisePublicContributions(manager: EntityManager, userId: string): Promise<ThreadDomainEvent[]> {
    const comments = await this.repository.markCommentsAnonymised(manager, userId);
    const events: ThreadDomainEvent[] = [];
    for (const comment of comments.filter((c) => c.status === 'published')) {
      events.push(
        await this.threads.append(manager, {
          consultationId: comment.consultationId,
          recommendationCode: comment.recommendationCode,
          type: 'comment.updated',
          commentId: comment.id,
        }),
      );
    }
    return events;
  }

  /**
   * "Also remove my contributions": comments become tombstones (text and history gone, replies by
   * others kept) and ratings are deleted with their history; each thread hears of the comments, and
   * the rated cells are handed to the release rules (a withdrawal is published with others, never alone).
   */
  private async removeContributions(manager: EntityManager, userId: string): Promise<{ events: ThreadDomainEvent[]; cells: RatedCell[] }> {
    const comments = await this.repository.tombstoneComments(manager, userId);
    await this.repository.deleteRevisions(
      manager,
      comments.map((comment) => comment.id),
    );
    const ratings = await this.repository.deleteRatings(manager, userId);
    const events: ThreadDomainEvent[] = [];
    for (const comment of comments.filter((c) => c.wasPublic)) {
      events.push(
        await this.threads.append(manager, {
          consultationId: comment.consultationId,
          recommendationCode: comment.recommendationCode,
          type: 'comment.removed',
          commentId: comment.id,
        }),
      );
    }
    const cells = new Map(ratings.map((r) => [`${r.consultationId}/${r.recommendationCode}/${r.countryIso3}`, r]));
    return { events, cells: [...cells.values()] };
  }
}
