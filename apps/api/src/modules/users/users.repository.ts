import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AdminUser, Role } from '@compact-voices/contracts';
import { rowsOf } from '../../core/database/query-result.js';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { GOVERNMENT_TIES_SQL } from '../organisations/government-ties.js';

const ADMIN_USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.roles, u.email_verified_at IS NOT NULL AS "emailVerified",
  u.privacy_mode AS "privacyMode", u.status, ${isoTimestamp('u.created_at')} AS "createdAt", ${GOVERNMENT_TIES_SQL} AS "governmentTies"`;

/** The SQL of account administration; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class UsersRepository extends SqlRepository {
  /** Up to 200 accounts, newest first; `search` (already LIKE-escaped, or null for all) matches name or email. */
  list(search: string | null): Promise<AdminUser[]> {
    return this.dataSource.query(
      `SELECT ${ADMIN_USER_COLUMNS} FROM app_user u
       WHERE $1::text IS NULL OR u.display_name ILIKE '%' || $1 || '%' OR u.email_normalized LIKE '%' || lower($1) || '%'
       ORDER BY u.created_at DESC LIMIT 200`,
      [search],
    );
  }

  /** One account as administration shows it. */
  async find(manager: EntityManager, id: string): Promise<AdminUser | undefined> {
    const [user]: AdminUser[] = await manager.query(`SELECT ${ADMIN_USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
    return user;
  }

  /** Locks an active account; returns its roles (undefined when there is none). */
  async lockActive(manager: EntityManager, id: string): Promise<{ roles: Role[] } | undefined> {
    const [before]: Array<{ roles: Role[] }> = await manager.query(
      `SELECT roles FROM app_user WHERE id = $1 AND status = 'active' FOR UPDATE`,
      [id],
    );
    return before;
  }

  /** Serialises demotions of admins for the rest of the transaction. */
  async lockAdminDemotions(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(7240251140)`);
  }

  async countActiveAdmins(manager: EntityManager): Promise<number> {
    const [{ admins }]: Array<{ admins: number }> = await manager.query(
      `SELECT count(*)::int AS admins FROM app_user WHERE 'admin' = ANY(roles) AND status = 'active'`,
    );
    return admins;
  }

  async setRoles(manager: EntityManager, id: string, roles: Role[]): Promise<void> {
    await manager.query(`UPDATE app_user SET roles = $2, updated_at = now() WHERE id = $1`, [id, roles]);
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const [exists]: unknown[] = await manager.query(`SELECT 1 FROM app_user WHERE id = $1`, [id]);
    return Boolean(exists);
  }

  /** Revokes every live session of the account; returns their ids. */
  async revokeSessions(manager: EntityManager, userId: string): Promise<string[]> {
    return rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE user_session SET revoked_at = now(), revoked_reason = 'admin' WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
        [userId],
      ),
    ).map((row) => row.id);
  }
}
