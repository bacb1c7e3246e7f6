import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type AdminUser, type ListResponse, type Role } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { announceAccessChanged, announceSessionsRevoked } from '../../core/auth/session-events.js';
import { rowsOf } from '../../core/database/query-result.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { GOVERNMENT_TIES_SQL } from '../organisations/government-ties.js';

const ADMIN_USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.roles, u.email_verified_at IS NOT NULL AS "emailVerified",
  u.privacy_mode AS "privacyMode", u.status, ${isoTimestamp('u.created_at')} AS "createdAt", ${GOVERNMENT_TIES_SQL} AS "governmentTies"`;

/** Account administration for the secretariat: the only place besides /me where emails appear. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger('Security');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly emitter: EventEmitter2,
  ) {}

  async list(q: string | undefined): Promise<ListResponse<AdminUser>> {
    const items: AdminUser[] = await this.dataSource.query(
      `SELECT ${ADMIN_USER_COLUMNS} FROM app_user u
       WHERE $1::text IS NULL OR u.display_name ILIKE '%' || $1 || '%' OR u.email_normalized LIKE '%' || lower($1) || '%'
       ORDER BY u.created_at DESC LIMIT 200`,
      [q?.trim().replace(/[\\%_]/g, (c) => `\\${c}`) || null],
    );
    return { items };
  }

  async updateRoles(admin: AuthUser, id: string, roles: Role[]): Promise<AdminUser> {
    // Everyone is at least a participant.
    const next = [...new Set<Role>(['participant', ...roles])];
    const updated = await this.dataSource.transaction(async (manager) => {
      const [before]: Array<{ roles: Role[] }> = await manager.query(
        `SELECT roles FROM app_user WHERE id = $1 AND status = 'active' FOR UPDATE`,
        [id],
      );
      if (!before) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such user');
      if (before.roles.includes('admin') && !next.includes('admin')) {
        await manager.query(`SELECT pg_advisory_xact_lock(7240251140)`);
        const [{ admins }]: Array<{ admins: number }> = await manager.query(
          `SELECT count(*)::int AS admins FROM app_user WHERE 'admin' = ANY(roles) AND status = 'active'`,
        );
        if (admins <= 1) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.LAST_ADMIN, 'The platform needs at least one admin');
      }
      await manager.query(`UPDATE app_user SET roles = $2, updated_at = now() WHERE id = $1`, [id, next]);
      await this.audit.record(manager, {
        actorId: admin.id,
        action: 'user.roles_changed',
        targetType: 'user',
        targetId: id,
        details: { before: before.roles, after: next },
      });
      return this.get(manager, id);
    });
    // Live connections made under the old roles reconnect under the new ones (a demoted admin leaves draft rooms).
    announceAccessChanged(this.emitter, id);
    return updated;
  }

  /** "Terminate sessions": every refresh token of the account stops working and access ends on the next request. */
  async revokeSessions(admin: AuthUser, id: string): Promise<void> {
    const sessionIds = await this.dataSource.transaction(async (manager) => {
      const [exists] = await manager.query(`SELECT 1 FROM app_user WHERE id = $1`, [id]);
      if (!exists) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such user');
      const revoked = rowsOf<{ id: string }>(
        await manager.query(
          `UPDATE user_session SET revoked_at = now(), revoked_reason = 'admin' WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
          [id],
        ),
      ).map((row) => row.id);
      await this.audit.record(manager, {
        actorId: admin.id,
        action: 'user.sessions_revoked',
        targetType: 'user',
        targetId: id,
        details: { sessions: revoked.length },
      });
      return revoked;
    });
    announceSessionsRevoked(this.emitter, sessionIds);
    this.logger.log({ event: 'auth.sessions_revoked_by_admin', userId: id, adminId: admin.id }, 'sessions revoked');
  }

  private async get(manager: EntityManager, id: string): Promise<AdminUser> {
    const [user]: AdminUser[] = await manager.query(`SELECT ${ADMIN_USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
    if (!user) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such user');
    return user;
  }
}
