import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type ListResponse, type Me, type SessionSummary } from '@compact-voices/contracts';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { IDENTITY_CHANGED } from '../../core/auth/identity-events.js';
import { announceSessionsRevoked } from '../../core/auth/session-events.js';
import { affectedCount, rowsOf } from '../../core/database/query-result.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { RatingReleasesService } from '../disclosure/rating-releases.service.js';
import { AccountsRepository, newPseudonym } from './accounts.repository.js';
import type { ChangePasswordDto, DeleteMeDto, UpdateMeDto } from './dto/me.dto.js';
import { PasswordService } from './password.service.js';
import { assertDisplayNameAllowed } from './reserved-names.js';
import { isoTimestamp } from '../../core/database/sql.js';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
      const [country] = await this.dataSource.query(`SELECT 1 FROM country WHERE iso3 = $1`, [dto.countryIso3]);
      if (!country)
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.COUNTRY_NOT_FOUND, `Unknown country ${dto.countryIso3}`, [
          { field: 'countryIso3', reason: 'unknown', message: 'Unknown country' },
        ]);
    }
    if (dto.actingOrganisationId) {
      const [membership] = await this.dataSource.query(
        `SELECT 1 FROM organisation_membership WHERE organisation_id = $1 AND user_id = $2 AND status = 'active'`,
        [dto.actingOrganisationId, user.id],
      );
      if (!membership) {
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
      this.dataSource.transaction(async (manager) => {
        threadEvents.length = 0;
        const [current]: Array<{ privacyMode: string }> = await manager.query(
          `SELECT privacy_mode AS "privacyMode" FROM app_user WHERE id = $1 FOR UPDATE`,
          [user.id],
        );
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
        if (changes.length > 0) {
          await manager.query(
            `UPDATE app_user SET ${changes.map(([column], index) => `${column} = $${index + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
            [user.id, ...changes.map(([, value]) => value)],
          );
        }
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
    const revoked = await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, passwordHash]);
      await this.accounts.invalidateMailTokens(manager, user.id);
      return this.accounts.revokeSessions(manager, { userId: user.id, exceptSessionId: user.sessionId }, 'password-change');
    });
    announceSessionsRevoked(this.emitter, revoked);
    this.logger.log({ event: 'auth.password_changed', userId: user.id }, 'password changed');
  }

  async sessions(user: AuthUser): Promise<ListResponse<SessionSummary>> {
    const items: SessionSummary[] = await this.dataSource.query(
      `SELECT id, ${isoTimestamp('created_at')} AS "createdAt",
              ${isoTimestamp('last_seen_at')} AS "lastSeenAt",
              user_agent AS "userAgent", id = $2 AS current
       FROM user_session
       WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
       ORDER BY last_seen_at DESC`,
      [user.id, user.sessionId],
    );
    return { items };
  }

  async revokeSession(user: AuthUser, sessionId: string): Promise<void> {
    const revoked = affectedCount(
      await this.dataSource.query(
        `UPDATE user_session SET revoked_at = now(), revoked_reason = 'revoked-by-user'
         WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
        [sessionId, user.id],
      ),
    );
    // Someone else's session id answers exactly like a missing one.
    if (revoked === 0) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.SESSION_NOT_FOUND, 'No such session');
    announceSessionsRevoked(this.emitter, [sessionId]);
  }

  /** Everything stored about me, as one JSON document (GDPR-style access request). */
  async export(user: AuthUser): Promise<Record<string, unknown>> {
    const [profile] = await this.dataSource.query(
      `SELECT id, email, mailbox, display_name AS "displayName", locale, roles, privacy_mode AS "privacyMode", pseudonym,
              stakeholder_type AS "stakeholderType", country_iso3 AS "countryIso3", acting_organisation_id AS "actingOrganisationId",
              email_verified_at AS "emailVerifiedAt", created_at AS "createdAt", updated_at AS "updatedAt"
       FROM app_user WHERE id = $1`,
      [user.id],
    );
    const sessions = await this.dataSource.query(
      `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", revoked_at AS "revokedAt",
              revoked_reason AS "revokedReason", user_agent AS "userAgent", ip_hash IS NOT NULL AS "clientAddressHashStored"
       FROM user_session WHERE user_id = $1 ORDER BY created_at`,
      [user.id],
    );
    const memberships = await this.dataSource.query(
      `SELECT m.organisation_id AS "organisationId", o.name AS "organisationName", m.role, m.status,
              m.created_at AS "createdAt", m.decided_at AS "decidedAt"
       FROM organisation_membership m JOIN organisation o ON o.id = m.organisation_id WHERE m.user_id = $1`,
      [user.id],
    );
    const organisationsRegistered = await this.dataSource.query(
      `SELECT id, name, stakeholder_type AS "stakeholderType", country_iso3 AS "countryIso3", website, created_at AS "createdAt"
       FROM organisation WHERE created_by = $1`,
      [user.id],
    );
    const privilegedActions = await this.dataSource.query(
      `SELECT id::text, at, action, target_type AS "targetType", target_id AS "targetId", details
       FROM audit_event WHERE actor_id = $1 ORDER BY id`,
      [user.id],
    );
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
    const ended = await this.dataSource.transaction(async (manager) => {
      if (dto.removeContributions) {
        const removed = await this.removeContributions(manager, user.id);
        threadEvents.push(...removed.events);
        ratedCells.push(...removed.cells);
      } else {
        // Kept comments now read "Former participant": every thread they are in moves on, so no
        // instance serves a cached page with the name from before and live views update.
        const kept: Array<{ id: string; consultationId: string; recommendationCode: string }> = await manager.query(
          `SELECT id, consultation_id AS "consultationId", recommendation_code AS "recommendationCode" FROM comment
           WHERE author_id = $1 AND status = 'published' AND NOT author_anonymised ORDER BY created_at`,
          [user.id],
        );
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
      await manager.query(`UPDATE rating SET evidence = NULL, evidence_url = NULL WHERE user_id = $1`, [user.id]);
      const sessions: Array<{ id: string }> = await manager.query(`SELECT id FROM user_session WHERE user_id = $1`, [user.id]);
      await manager.query(`DELETE FROM user_session WHERE user_id = $1`, [user.id]);
      await manager.query(`DELETE FROM email_token WHERE user_id = $1`, [user.id]);
      // Idempotency records keep a copy of each response, the author's name in it.
      await manager.query(`DELETE FROM idempotency_key WHERE user_id = $1`, [user.id]);
      await manager.query(`DELETE FROM organisation_membership WHERE user_id = $1`, [user.id]);
      await manager.query(
        `UPDATE app_user SET status = 'erased', email = NULL, email_normalized = NULL, mailbox = NULL, password_hash = NULL,
                display_name = $2, country_iso3 = NULL, acting_organisation_id = NULL, roles = '{participant}',
                email_verified_at = NULL, updated_at = now()
         WHERE id = $1`,
        [user.id, FORMER_PARTICIPANT],
      );
      return sessions.map((session) => session.id);
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
    const comments = rowsOf<{ id: string; consultationId: string; recommendationCode: string; status: string }>(
      await manager.query(
        `UPDATE comment SET author_anonymised = true
         WHERE author_id = $1 AND author_pseudonym IS NULL AND NOT author_anonymised
         RETURNING id, consultation_id AS "consultationId", recommendation_code AS "recommendationCode", status`,
        [userId],
      ),
    );
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
    const comments = rowsOf<{ id: string; consultationId: string; recommendationCode: string; wasPublic: boolean }>(
      await manager.query(
        `UPDATE comment c SET status = 'deleted', body = '', body_html = '', deleted_at = now(), version = version + 1
         FROM (SELECT id, status IN ('published', 'hidden') AS was_public FROM comment WHERE author_id = $1 AND status <> 'deleted') old
         WHERE c.id = old.id
         RETURNING c.id, c.consultation_id AS "consultationId", c.recommendation_code AS "recommendationCode", old.was_public AS "wasPublic"`,
        [userId],
      ),
    );
    await manager.query(`DELETE FROM comment_revision WHERE comment_id = ANY($1::uuid[])`, [comments.map((comment) => comment.id)]);
    const ratings = rowsOf<{ consultationId: string; recommendationCode: string; countryIso3: string }>(
      await manager.query(
        `DELETE FROM rating WHERE user_id = $1
         RETURNING consultation_id AS "consultationId", recommendation_code AS "recommendationCode", country_iso3 AS "countryIso3"`,
        [userId],
      ),
    );
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
