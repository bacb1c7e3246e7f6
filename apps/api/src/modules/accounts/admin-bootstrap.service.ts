import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { announceSessionsRevoked } from '../../core/auth/session-events.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../../core/audit/audit.service.js';
import { AccountsRepository, canonicalMailbox, newPseudonym, normaliseEmail } from './accounts.repository.js';
import { PasswordService } from './password.service.js';

/**
 * With ADMIN_EMAIL and ADMIN_PASSWORD set, that account exists, is verified, is an admin and has that
 * password. Taking over an account it did not create revokes every session and mailed link of it,
 * and the audit log says so.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly accounts: AccountsRepository,
    private readonly emitter: EventEmitter2,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    const email = normaliseEmail(admin.email);
    const existing = await this.accounts.adminCandidate(email);
    if (existing && existing.isAdmin && existing.verified && (await this.passwords.verify(existing.passwordHash, admin.password))) return;
    const passwordHash = await this.passwords.hash(admin.password);
    let revoked: string[] = [];
    await this.accounts.transaction(async (manager) => {
      // The configured address wins its account even when another spelling of its mailbox signed up
      // first: that account keeps the mailbox, and this one is marked as a second (see the migration).
      const row = await this.accounts.upsertAdmin(manager, {
        id: randomUUID(),
        email: admin.email,
        emailNormalized: email,
        mailbox: canonicalMailbox(admin.email),
        passwordHash,
        pseudonym: newPseudonym(),
      });
      // An account this did not just create — someone may have signed up with the address first and
      // stayed signed in — keeps no session and no mailed link: only ADMIN_PASSWORD opens it now.
      if (row.adopted) {
        revoked = await this.accounts.revokeSessions(manager, { userId: row.id }, 'admin-bootstrap');
        await this.accounts.invalidateMailTokens(manager, row.id);
      }
      await this.audit.record(manager, {
        actorId: null,
        action: 'user.admin_bootstrapped',
        targetType: 'user',
        targetId: row.id,
        details: row.adopted ? { adopted: true, sessionsRevoked: revoked.length } : {},
      });
    });
    announceSessionsRevoked(this.emitter, revoked);
    if (revoked.length > 0) {
      this.logger.warn(
        { event: 'auth.admin_bootstrap_adopted', sessionsRevoked: revoked.length },
        'ADMIN_EMAIL named an existing account: its sessions and mailed links were revoked',
      );
    }
    this.logger.log('administrator account ensured from ADMIN_EMAIL');
  }
}
