import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditChainHead, AuditEntry as AuditLogEntry, AuditVerification } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { auditLogProtection, currentRole } from '../database/database-roles.js';
import { AppSecrets } from '../security/app-secrets.js';
import { AuditChainVerifier, nextLink, type AuditBody } from './audit-chain.js';
import { AuditRepository } from './audit.repository.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

/** Entries read per query while verifying: bounded memory on a log of any length. */
const VERIFY_PAGE = 5_000;
/** Daily heads shown on the transparency page: two months. */
const PUBLISHED_HEADS = 60;

/**
 * Writes privileged actions to the keyed, hash-chained audit log (audit-chain.ts) inside the
 * caller's transaction, records the day's head with the first entry of each UTC day, and verifies.
 */
@Injectable()
export class AuditService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: AppSecrets,
    private readonly config: AppConfig,
    private readonly repository: AuditRepository,
  ) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.repository.lock(manager);
    const at = new Date().toISOString();
    const day = at.slice(0, 10);
    const { tail, dayHasHead } = await this.repository.tail(manager, day);
    const body: AuditBody = {
      at,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
    };
    const link = nextLink(this.secrets.auditChainKey, tail, body);
    await this.repository.append(manager, body, link);
    if (!dayHasHead) await this.repository.appendHead(manager, { day, position: link.position, mac: link.mac });
  }

  /** At start: say whether the log is append-only for this role, and key the plain history if needed. */
  async onApplicationBootstrap(): Promise<void> {
    await this.reportProtection();
    await this.dataSource.transaction((manager) => this.sealPlainHistory(manager));
  }

  /**
   * A log written before the keyed chain gets position 1 at once, chained to its last plain entry,
   * so the older entries are covered from this start on rather than from the next privileged action.
   */
  async sealPlainHistory(manager: EntityManager): Promise<boolean> {
    await this.repository.lock(manager);
    const history = await this.repository.plainHistory(manager);
    if (history.keyed || history.plainEntries === 0) return false;
    await this.record(manager, {
      actorId: null,
      action: 'audit.chain_keyed',
      targetType: 'audit_log',
      details: { plainEntries: history.plainEntries, plainHead: history.plainHead },
    });
    this.logger.log(
      { event: 'audit.chain_keyed', plainEntries: history.plainEntries },
      'audit log: keyed chain begun over the earlier entries',
    );
    return true;
  }

  async list(before: string | undefined, limit: number): Promise<{ items: AuditLogEntry[]; nextCursor: string | null }> {
    const rows = await this.repository.page(this.dataSource.manager, before, limit + 1);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  }

  /** The most recent daily heads, newest first: what the transparency page publishes. */
  recentHeads(limit = PUBLISHED_HEADS): Promise<AuditChainHead[]> {
    return this.repository.heads(this.dataSource.manager, limit);
  }

  /**
   * Recomputes both chains and compares the recorded daily heads, in one snapshot; the first broken
   * entry is named. (Plain entries are ordered by the bigint id, not a text alias: "10" sorts before
   * "2" as text, which once broke entry 10.)
   */
  async verify(): Promise<AuditVerification> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const totals = await this.repository.totals(manager);
      const verifier = new AuditChainVerifier(this.secrets.auditChainKey, await this.repository.heads(manager), totals.firstKeyedId);
      pages: for await (const page of this.repository.inChainOrder(manager, VERIFY_PAGE)) {
        for (const entry of page) if (!verifier.push(entry)) break pages;
      }
      return verifier.result(totals.entries, totals.keyedEntries);
    });
  }

  private async reportProtection(): Promise<void> {
    const [protection, role] = await Promise.all([auditLogProtection(this.dataSource.manager), currentRole(this.dataSource.manager)]);
    if (protection === 'append-only') {
      this.logger.log({ event: 'audit.protection', protection, role }, `audit log: append-only for the app's database role ${role}`);
    } else if (this.config.database.kind === 'postgres') {
      this.logger.warn(
        { event: 'audit.protection', protection, role },
        `audit log: tamper-evident only — the app's database role ${role} could rewrite it; run migrations as the owner (DATABASE_OWNER_URL) and the app as a role that may only insert into it`,
      );
    } else {
      this.logger.log(
        { event: 'audit.protection', protection },
        'audit log: tamper-evident only — the embedded database has a single role',
      );
    }
  }
}
