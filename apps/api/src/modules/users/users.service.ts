import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type AdminUser, type ListResponse, type Role } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { announceAccessChanged, announceSessionsRevoked } from '../../core/auth/session-events.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { UsersRepository } from './users.repository.js';

/** Account administration for the secretariat: the only place besides /me where emails appear. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger('Security');

  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly emitter: EventEmitter2,
  ) {}

  async list(q: string | undefined): Promise<ListResponse<AdminUser>> {
    const items = await this.users.list(q?.trim().replace(/[\\%_]/g, (c) => `\\${c}`) || null);
    return { items };
  }

  async updateRoles(admin: AuthUser, id: string, roles: Role[]): Promise<AdminUser> {
    // Everyone is at least a participant.
    const next = [...new Set<Role>(['participant', ...roles])];
    const updated = await this.users.transaction(async (manager) => {
      const before = await this.users.lockActive(manager, id);
      if (!before) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such user');
      if (before.roles.includes('admin') && !next.includes('admin')) {
        await this.users.lockAdminDemotions(manager);
        const admins = await this.users.countActiveAdmins(manager);
        if (admins <= 1) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.LAST_ADMIN, 'The platform needs at least one admin');
      }
      await this.users.setRoles(manager, id, next);
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
    const sessionIds = await this.users.transaction(async (manager) => {
      if (!(await this.users.exists(manager, id))) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such user');
      const revoked = await this.users.revokeSessions(manager, id);
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
    const user = await this.users.find(manager, id);
    if (!user) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.USER_NOT_FOUND, 'No such user');
    return user;
  }
}
