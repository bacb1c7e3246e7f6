import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SessionSummary } from '@compact-voices/contracts';
import { affectedCount, rowsOf } from '../../core/database/query-result.js';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';

/** A comment a change to its author's identity touches, with the thread it sits in. */
export interface AuthoredComment {
  id: string;
  consultationId: string;
  recommendationCode: string;
}

/** A comment just marked anonymised, with the status that decides whether live views hear of it. */
export type AnonymisedComment = AuthoredComment & { status: string };

/** A comment just made a tombstone; `wasPublic` when it was published or hidden before. */
export type TombstonedComment = AuthoredComment & { wasPublic: boolean };

/** The cell of a rating just deleted. */
export interface DeletedRatingCell {
  consultationId: string;
  recommendationCode: string;
  countryIso3: string;
}

/** Everything stored about one account, as the access request returns it. */
export interface AccountExport {
  profile: Record<string, unknown> | undefined;
  sessions: Array<Record<string, unknown>>;
  memberships: Array<Record<string, unknown>>;
  organisationsRegistered: Array<Record<string, unknown>>;
  privilegedActions: Array<Record<string, unknown>>;
}

/**
 * The SQL of the "me" endpoints: profile changes, password, sessions, export and erasure. Statements
 * that must share the caller's transaction take its `EntityManager`.
 */
@Injectable()
export class MeRepository extends SqlRepository {
  // ---- Profile ----

  async countryExists(countryIso3: string): Promise<boolean> {
    const [country] = await this.dataSource.query(`SELECT 1 FROM country WHERE iso3 = $1`, [countryIso3]);
    return Boolean(country);
  }

  async isActiveMember(organisationId: string, userId: string): Promise<boolean> {
    const [membership] = await this.dataSource.query(
      `SELECT 1 FROM organisation_membership WHERE organisation_id = $1 AND user_id = $2 AND status = 'active'`,
      [organisationId, userId],
    );
    return Boolean(membership);
  }

  /** Locks the account row for the update's transaction and reads its privacy mode. */
  async lockPrivacyMode(manager: EntityManager, userId: string): Promise<{ privacyMode: string } | undefined> {
    const [current]: Array<{ privacyMode: string }> = await manager.query(
      `SELECT privacy_mode AS "privacyMode" FROM app_user WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    return current;
  }

  /** Sets the given `app_user` columns (names chosen by the caller, never by the client). */
  async updateProfile(manager: EntityManager, userId: string, changes: Array<[string, unknown]>): Promise<void> {
    await manager.query(
      `UPDATE app_user SET ${changes.map(([column], index) => `${column} = $${index + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
      [userId, ...changes.map(([, value]) => value)],
    );
  }

  /** Marks the author's comments written under their name "Former participant" for good. */
  async markCommentsAnonymised(manager: EntityManager, userId: string): Promise<AnonymisedComment[]> {
    return rowsOf<AnonymisedComment>(
      await manager.query(
        `UPDATE comment SET author_anonymised = true
         WHERE author_id = $1 AND author_pseudonym IS NULL AND NOT author_anonymised
         RETURNING id, consultation_id AS "consultationId", recommendation_code AS "recommendationCode", status`,
        [userId],
      ),
    );
  }

  // ---- Password and sessions ----

  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
  }

  async activeSessions(userId: string, currentSessionId: string): Promise<SessionSummary[]> {
    const items: SessionSummary[] = await this.dataSource.query(
      `SELECT id, ${isoTimestamp('created_at')} AS "createdAt",
              ${isoTimestamp('last_seen_at')} AS "lastSeenAt",
              user_agent AS "userAgent", id = $2 AS current
       FROM user_session
       WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
       ORDER BY last_seen_at DESC`,
      [userId, currentSessionId],
    );
    return items;
  }

  /** Revokes one of the user's own live sessions; the number revoked (0 or 1). */
  async revokeOwnSession(userId: string, sessionId: string): Promise<number> {
    return affectedCount(
      await this.dataSource.query(
        `UPDATE user_session SET revoked_at = now(), revoked_reason = 'revoked-by-user'
         WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
        [sessionId, userId],
      ),
    );
  }

  // ---- Export ----

  async exportAccount(userId: string): Promise<AccountExport> {
    const [profile] = await this.dataSource.query(
      `SELECT id, email, mailbox, display_name AS "displayName", locale, roles, privacy_mode AS "privacyMode", pseudonym,
              stakeholder_type AS "stakeholderType", country_iso3 AS "countryIso3", acting_organisation_id AS "actingOrganisationId",
              email_verified_at AS "emailVerifiedAt", created_at AS "createdAt", updated_at AS "updatedAt"
       FROM app_user WHERE id = $1`,
      [userId],
    );
    const sessions = await this.dataSource.query(
      `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", revoked_at AS "revokedAt",
              revoked_reason AS "revokedReason", user_agent AS "userAgent", ip_hash IS NOT NULL AS "clientAddressHashStored"
       FROM user_session WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const memberships = await this.dataSource.query(
      `SELECT m.organisation_id AS "organisationId", o.name AS "organisationName", m.role, m.status,
              m.created_at AS "createdAt", m.decided_at AS "decidedAt"
       FROM organisation_membership m JOIN organisation o ON o.id = m.organisation_id WHERE m.user_id = $1`,
      [userId],
    );
    const organisationsRegistered = await this.dataSource.query(
      `SELECT id, name, stakeholder_type AS "stakeholderType", country_iso3 AS "countryIso3", website, created_at AS "createdAt"
       FROM organisation WHERE created_by = $1`,
      [userId],
    );
    const privilegedActions = await this.dataSource.query(
      `SELECT id::text, at, action, target_type AS "targetType", target_id AS "targetId", details
       FROM audit_event WHERE actor_id = $1 ORDER BY id`,
      [userId],
    );
    return { profile, sessions, memberships, organisationsRegistered, privilegedActions };
  }

  // ---- Erasure (inside the erasure's transaction) ----

  /** The author's published comments still shown under their name, oldest first. */
  async keptPublishedComments(manager: EntityManager, userId: string): Promise<AuthoredComment[]> {
    const kept: AuthoredComment[] = await manager.query(
      `SELECT id, consultation_id AS "consultationId", recommendation_code AS "recommendationCode" FROM comment
           WHERE author_id = $1 AND status = 'published' AND NOT author_anonymised ORDER BY created_at`,
      [userId],
    );
    return kept;
  }

  async clearRatingEvidence(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE rating SET evidence = NULL, evidence_url = NULL WHERE user_id = $1`, [userId]);
  }

  async sessionIds(manager: EntityManager, userId: string): Promise<string[]> {
    const sessions: Array<{ id: string }> = await manager.query(`SELECT id FROM user_session WHERE user_id = $1`, [userId]);
    return sessions.map((session) => session.id);
  }

  async deleteSessions(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM user_session WHERE user_id = $1`, [userId]);
  }

  async deleteMailTokens(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM email_token WHERE user_id = $1`, [userId]);
  }

  /** Idempotency records keep a copy of each response, the author's name in it. */
  async deleteIdempotencyKeys(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM idempotency_key WHERE user_id = $1`, [userId]);
  }

  async deleteMemberships(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM organisation_membership WHERE user_id = $1`, [userId]);
  }

  /** Strips the account of email, password, name, country, roles and acting organisation; `displayName` replaces the name. */
  async eraseAccount(manager: EntityManager, userId: string, displayName: string): Promise<void> {
    await manager.query(
      `UPDATE app_user SET status = 'erased', email = NULL, email_normalized = NULL, mailbox = NULL, password_hash = NULL,
                display_name = $2, country_iso3 = NULL, acting_organisation_id = NULL, roles = '{participant}',
                email_verified_at = NULL, updated_at = now()
         WHERE id = $1`,
      [userId, displayName],
    );
  }

  /** Makes every not yet deleted comment of the author a tombstone (text gone, version bumped). */
  async tombstoneComments(manager: EntityManager, userId: string): Promise<TombstonedComment[]> {
    return rowsOf<TombstonedComment>(
      await manager.query(
        `UPDATE comment c SET status = 'deleted', body = '', body_html = '', deleted_at = now(), version = version + 1
         FROM (SELECT id, status IN ('published', 'hidden') AS was_public FROM comment WHERE author_id = $1 AND status <> 'deleted') old
         WHERE c.id = old.id
         RETURNING c.id, c.consultation_id AS "consultationId", c.recommendation_code AS "recommendationCode", old.was_public AS "wasPublic"`,
        [userId],
      ),
    );
  }

  async deleteRevisions(manager: EntityManager, commentIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM comment_revision WHERE comment_id = ANY($1::uuid[])`, [commentIds]);
  }

  /** Deletes the user's ratings (their history goes with them) and returns the cells they were in. */
  async deleteRatings(manager: EntityManager, userId: string): Promise<DeletedRatingCell[]> {
    return rowsOf<DeletedRatingCell>(
      await manager.query(
        `DELETE FROM rating WHERE user_id = $1
         RETURNING consultation_id AS "consultationId", recommendation_code AS "recommendationCode", country_iso3 AS "countryIso3"`,
        [userId],
      ),
    );
  }
}
