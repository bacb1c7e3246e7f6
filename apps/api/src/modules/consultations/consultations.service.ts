import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  type Consultation,
  type ConsultationStatus,
  type ListResponse,
  type RecommendationCoverage,
  type RoundRoleHolder,
  type RoundRoleList,
} from '@compact-voices/contracts';
import { GOVERNMENT_TIES_SQL } from '../organisations/government-ties.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import { AggregateCache } from '../../core/cache/aggregate-cache.js';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { renderMarkdown } from '../../core/content/markdown.js';
import { ApiException } from '../../core/errors/api.exception.js';
import type { CreateConsultationDto, UpdateConsultationDto } from './dto/consultation.dto.js';
import { isoTimestamp } from '../../core/database/sql.js';

/** Stored status plus the clock: an open round past closes_at reads as closed. */
const CONSULTATION_COLUMNS = `
  c.id, c.title, c.description, c.description_html AS "descriptionHtml",
  ${isoTimestamp('c.opens_at')} AS "opensAt", ${isoTimestamp('c.closes_at')} AS "closesAt", c.moderation_mode AS "moderationMode",
  CASE WHEN c.status = 'open' AND now() >= c.closes_at THEN 'closed' ELSE c.status END AS status,
  (c.status = 'open' AND now() >= c.opens_at AND now() < c.closes_at) AS "acceptingContributions",
  COALESCE((SELECT array_agg(cr.recommendation_code ORDER BY p.position, r.position)
            FROM consultation_recommendation cr JOIN recommendation r ON r.code = cr.recommendation_code
            JOIN principle p ON p.code = r.principle_code WHERE cr.consultation_id = c.id), '{}') AS "recommendationCodes",
  COALESCE((SELECT array_agg(cc.country_iso3 ORDER BY cc.country_iso3) FROM consultation_country cc WHERE cc.consultation_id = c.id), '{}') AS "countryIso3s",
  ${isoTimestamp('c.created_at')} AS "createdAt"`;

/** Allowed hand moves; time also closes an open round (see CONSULTATION_COLUMNS). */
const TRANSITIONS: Record<ConsultationStatus, ConsultationStatus[]> = {
  draft: ['open', 'archived'],
  open: ['closed', 'archived'],
  closed: ['open', 'archived'],
  archived: [],
};

/** What a thread read or write needs to know about its round: one indexed lookup, no aggregation. */
export interface ThreadScope {
  consultationId: string;
  recommendationCode: string;
  moderationMode: 'pre' | 'post';
  acceptingContributions: boolean;
  /** The thread's latest event seq (0 before the first event). */
  lastSeq: number;
}

function notFound(): ApiException {
  return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.CONSULTATION_NOT_FOUND, 'No such consultation');
}

const ANONYMOUS_SCOPE_TTL_MS = 1_000;

@Injectable()
export class ConsultationsService {
  /** No reuse (TTL 0): only requests that overlap share a computation; the published part is cached in DisclosureService. */
  private readonly coverageNow = new AggregateCache<RecommendationCoverage[]>(0, 100);
  private readonly anonymousScopes = new Map<string, { at: number; scope: ThreadScope }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly disclosure: DisclosureService,
  ) {}

  async list(viewer: AuthUser | undefined): Promise<ListResponse<Consultation>> {
    const items: Consultation[] = await this.dataSource.query(
      `SELECT ${CONSULTATION_COLUMNS} FROM consultation c WHERE c.status <> 'draft' OR $1 ORDER BY c.opens_at DESC, c.created_at DESC`,
      [isAdmin(viewer)],
    );
    return { items };
  }

  /** Drafts exist only for admins: everyone else gets the same 404 as for a missing id. */
  async get(id: string, viewer: AuthUser | undefined, manager: EntityManager = this.dataSource.manager): Promise<Consultation> {
    const [consultation]: Consultation[] = await manager.query(`SELECT ${CONSULTATION_COLUMNS} FROM consultation c WHERE c.id = $1`, [id]);
    if (!consultation || (consultation.status === 'draft' && !isAdmin(viewer))) throw notFound();
    return consultation;
  }

  async create(admin: AuthUser, dto: CreateConsultationDto): Promise<Consultation> {
    assertWindow(dto.opensAt, dto.closesAt);
    return this.dataSource.transaction(async (manager) => {
      const [{ id }]: Array<{ id: string }> = await manager.query(
        `INSERT INTO consultation (title, description, description_html, opens_at, closes_at, moderation_mode, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [dto.title, dto.description ?? '', renderMarkdown(dto.description ?? ''), dto.opensAt, dto.closesAt, dto.moderationMode, admin.id],
      );
      await this.setScope(manager, id, dto.recommendationCodes, dto.countryIso3s);
      await this.audit.record(manager, {
        actorId: admin.id,
        action: 'consultation.created',
        targetType: 'consultation',
        targetId: id,
        details: { title: dto.title },
      });
      return this.get(id, admin, manager);
    });
  }

  async update(admin: AuthUser, id: string, dto: UpdateConsultationDto): Promise<Consultation> {
    return this.dataSource.transaction(async (manager) => {
      const [current]: Array<{ status: ConsultationStatus; opensAt: Date; closesAt: Date }> = await manager.query(
        `SELECT CASE WHEN status = 'open' AND now() >= closes_at THEN 'closed' ELSE status END AS status,
                opens_at AS "opensAt", closes_at AS "closesAt"
         FROM consultation WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw notFound();
      if (dto.status && dto.status !== current.status && !TRANSITIONS[current.status].includes(dto.status)) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          ErrorCode.INVALID_STATUS_TRANSITION,
          `A ${current.status} consultation cannot become ${dto.status}`,
        );
      }
      assertWindow(dto.opensAt ?? current.opensAt.toISOString(), dto.closesAt ?? current.closesAt.toISOString());
      const columns: Record<string, unknown> = {
        title: dto.title,
        description: dto.description,
        description_html: dto.description === undefined ? undefined : renderMarkdown(dto.description),
        opens_at: dto.opensAt,
        closes_at: dto.closesAt,
        moderation_mode: dto.moderationMode,
        status: dto.status,
      };
      const changes = Object.entries(columns).filter(([, value]) => value !== undefined);
      if (changes.length > 0) {
        await manager.query(
          `UPDATE consultation SET ${changes.map(([column], index) => `${column} = $${index + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
          [id, ...changes.map(([, value]) => value)],
        );
      }
      if (dto.recommendationCodes || dto.countryIso3s) await this.setScope(manager, id, dto.recommendationCodes, dto.countryIso3s, true);
      await this.audit.record(manager, {
        actorId: admin.id,
        action: dto.status && dto.status !== current.status ? `consultation.${dto.status}` : 'consultation.updated',
        targetType: 'consultation',
        targetId: id,
        details: { fields: Object.keys(dto) },
      });
      return this.get(id, admin, manager);
    });
  }

  /** Rating and comment counts per recommendation in scope (the round page's "coverage"), through the disclosure layer. */
  async coverage(id: string, viewer: AuthUser | undefined): Promise<ListResponse<RecommendationCoverage>> {
    await this.assertVisible(id, viewer);
    // The same for every viewer: concurrent readers of a round share one count (never an older one).
    return { items: await this.coverageNow.get(id, () => this.countCoverage(id)) };
  }

  private async countCoverage(id: string): Promise<RecommendationCoverage[]> {
    const rows: Array<{ recommendationCode: string; comments: number }> = await this.dataSource.query(
      `SELECT cr.recommendation_code AS "recommendationCode", COALESCE(m.comments, 0) AS comments
       FROM consultation_recommendation cr
       JOIN recommendation rec ON rec.code = cr.recommendation_code
       JOIN principle p ON p.code = rec.principle_code
       LEFT JOIN (SELECT recommendation_code, count(*)::int AS comments
                  FROM comment WHERE consultation_id = $1 AND status = 'published' GROUP BY recommendation_code) m ON m.recommendation_code = cr.recommendation_code
       WHERE cr.consultation_id = $1
       ORDER BY p.position, rec.position`,
      [id],
    );
    return this.disclosure.coverage(id, rows);
  }

  async moderators(id: string): Promise<RoundRoleList> {
    return this.roundRole(id, 'consultation_moderator');
  }

  /** Who handles the round's safeguarding concerns (admins do while nobody is assigned). */
  async safeguardingOfficers(id: string): Promise<RoundRoleList> {
    return this.roundRole(id, 'consultation_safeguarding_officer');
  }

  async setSafeguardingOfficers(admin: AuthUser, id: string, userIds: string[]): Promise<RoundRoleList> {
    await this.setRoundRole(admin, id, userIds, 'consultation_safeguarding_officer', 'consultation.safeguarding_officers_set');
    return this.safeguardingOfficers(id);
  }

  private async roundRole(id: string, table: 'consultation_moderator' | 'consultation_safeguarding_officer'): Promise<RoundRoleList> {
    const [exists] = await this.dataSource.query(`SELECT 1 FROM consultation WHERE id = $1`, [id]);
    if (!exists) throw notFound();
    const people: RoundRoleHolder[] = await this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", ${GOVERNMENT_TIES_SQL} AS "governmentTies"
       FROM ${table} r JOIN app_user u ON u.id = r.user_id WHERE r.consultation_id = $1 ORDER BY u.display_name, u.id`,
      [id],
    );
    return { userIds: people.map((person) => person.userId).sort(), people };
  }

  private async setRoundRole(
    admin: AuthUser,
    id: string,
    userIds: string[],
    table: 'consultation_moderator' | 'consultation_safeguarding_officer',
    action: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.get(id, admin, manager);
      const found: Array<{ id: string }> = await manager.query(`SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND status = 'active'`, [
        userIds,
      ]);
      if (found.length !== userIds.length) {
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.USER_NOT_FOUND, 'Every person assigned must be an active account', [
          { field: 'userIds', reason: 'unknown', message: 'Unknown or erased account' },
        ]);
      }
      await manager.query(`DELETE FROM ${table} WHERE consultation_id = $1`, [id]);
      await manager.query(`INSERT INTO ${table} (consultation_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, userIds]);
      await this.audit.record(manager, { actorId: admin.id, action, targetType: 'consultation', targetId: id, details: { userIds } });
    });
  }

  async setModerators(admin: AuthUser, id: string, userIds: string[]): Promise<RoundRoleList> {
    await this.setRoundRole(admin, id, userIds, 'consultation_moderator', 'consultation.moderators_set');
    return this.moderators(id);
  }

  /** The round and recommendation of a thread, checked to exist, be visible and be in scope. */
  async thread(
    consultationId: string,
    rawCode: string,
    viewer: AuthUser | undefined,
    manager?: EntityManager,
    countryIso3?: string | null,
  ): Promise<ThreadScope & { countryInScope: boolean }> {
    const recommendationCode = rawCode.toUpperCase();
    const [row]: Array<{
      status: ConsultationStatus;
      moderationMode: 'pre' | 'post';
      acceptingContributions: boolean;
      inScope: boolean;
      countryInScope: boolean;
      lastSeq: string | null;
    }> = await (manager ?? this.dataSource.manager).query(
      `SELECT c.status, c.moderation_mode AS "moderationMode",
              (c.status = 'open' AND now() >= c.opens_at AND now() < c.closes_at) AS "acceptingContributions",
              EXISTS (SELECT 1 FROM consultation_recommendation cr WHERE cr.consultation_id = c.id AND cr.recommendation_code = $2) AS "inScope",
              ($3::text IS NULL OR EXISTS (SELECT 1 FROM consultation_country cc WHERE cc.consultation_id = c.id AND cc.country_iso3 = $3)) AS "countryInScope",
              (SELECT ts.last_seq FROM thread_sequence ts WHERE ts.consultation_id = c.id AND ts.recommendation_code = $2) AS "lastSeq"
       FROM consultation c WHERE c.id = $1`,
      [consultationId, recommendationCode, countryIso3 ?? null],
    );
    if (!row || (row.status === 'draft' && !isAdmin(viewer))) throw notFound();
    if (!row.inScope) {
      throw new ApiException(
        HttpStatus.NOT_FOUND,
        ErrorCode.NOT_IN_SCOPE,
        `Recommendation ${recommendationCode} is not part of this consultation`,
      );
    }
    return {
      consultationId,
      recommendationCode,
      moderationMode: row.moderationMode,
      acceptingContributions: row.acceptingContributions,
      lastSeq: row.lastSeq ? Number(row.lastSeq) : 0,
      countryInScope: row.countryInScope,
    };
  }

  /**
   * `thread` for anonymous reads. The round's status and the thread's existence are remembered for
   * up to a second; the thread's seq is read fresh every time (one primary-key lookup), because
   * cached pages are keyed by it: a decision, a hiding flag or an erasure moves the seq in its own
   * transaction, so from its commit on no instance serves the page from before it.
   */
  async threadForAnonymousRead(consultationId: string, rawCode: string): Promise<ThreadScope> {
    const key = `${consultationId}/${rawCode.toUpperCase()}`;
    const hit = this.anonymousScopes.get(key);
    if (hit && Date.now() - hit.at < ANONYMOUS_SCOPE_TTL_MS) {
      const [row]: Array<{ lastSeq: string }> = await this.dataSource.query(
        `SELECT last_seq AS "lastSeq" FROM thread_sequence WHERE consultation_id = $1 AND recommendation_code = $2`,
        [consultationId, hit.scope.recommendationCode],
      );
      return { ...hit.scope, lastSeq: row ? Number(row.lastSeq) : 0 };
    }
    const scope = await this.thread(consultationId, rawCode, undefined);
    if (this.anonymousScopes.size >= 1_000) this.anonymousScopes.clear();
    this.anonymousScopes.set(key, { at: Date.now(), scope });
    return scope;
  }

  /** As `thread`, and the round must be accepting contributions (and the country, if any, in scope). */
  async writableThread(
    consultationId: string,
    rawCode: string,
    viewer: AuthUser,
    countryIso3?: string | null,
    manager?: EntityManager,
  ): Promise<ThreadScope> {
    const scope = await this.thread(consultationId, rawCode, viewer, manager, countryIso3);
    if (!scope.acceptingContributions) {
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.CONSULTATION_CLOSED, 'This consultation is not open for contributions');
    }
    if (countryIso3 && !scope.countryInScope) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.NOT_IN_SCOPE, `${countryIso3} is not part of this consultation`, [
        { field: 'countryIso3', reason: 'notInScope', message: 'Country not in this consultation' },
      ]);
    }
    await assertNotSuspendedInRound(manager ?? this.dataSource.manager, consultationId, viewer);
    return scope;
  }

  /** Visibility only (no scope check): for round-wide reads such as search. */
  async assertVisible(consultationId: string, viewer: AuthUser | undefined): Promise<void> {
    const [row]: Array<{ status: string }> = await this.dataSource.query(`SELECT status FROM consultation WHERE id = $1`, [consultationId]);
    if (!row || (row.status === 'draft' && !isAdmin(viewer))) throw notFound();
  }

  private async setScope(
    manager: EntityManager,
    id: string,
    codes: string[] | undefined,
    iso3s: string[] | undefined,
    partial = false,
  ): Promise<void> {
    if (codes || !partial) {
      const wanted: string[] = codes ?? (await manager.query(`SELECT code FROM recommendation`)).map((row: { code: string }) => row.code);
      const known: Array<{ code: string }> = await manager.query(`SELECT code FROM recommendation WHERE code = ANY($1::text[])`, [wanted]);
      if (known.length !== wanted.length) {
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.RECOMMENDATION_NOT_FOUND, 'Unknown recommendation code', [
          { field: 'recommendationCodes', reason: 'unknown', message: 'Unknown recommendation code' },
        ]);
      }
      await manager.query(`DELETE FROM consultation_recommendation WHERE consultation_id = $1`, [id]);
      await manager.query(`INSERT INTO consultation_recommendation (consultation_id, recommendation_code) SELECT $1, unnest($2::text[])`, [
        id,
        wanted,
      ]);
    }
    if (iso3s || !partial) {
      const wanted: string[] = iso3s ?? (await manager.query(`SELECT iso3 FROM country`)).map((row: { iso3: string }) => row.iso3);
      const known: Array<{ iso3: string }> = await manager.query(`SELECT iso3 FROM country WHERE iso3 = ANY($1::text[])`, [wanted]);
      if (known.length !== wanted.length) {
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.COUNTRY_NOT_FOUND, 'Unknown country code', [
          { field: 'countryIso3s', reason: 'unknown', message: 'Unknown country code' },
        ]);
      }
      await manager.query(`DELETE FROM consultation_country WHERE consultation_id = $1`, [id]);
      await manager.query(`INSERT INTO consultation_country (consultation_id, country_iso3) SELECT $1, unnest($2::text[])`, [id, wanted]);
    }
  }
}

/**
 * A round sanction in force stops its person contributing to that round, and only that one:
 * every write to a round passes `writableThread` (flags call this directly). Their sessions live on.
 */
export async function assertNotSuspendedInRound(manager: EntityManager, consultationId: string, user: AuthUser): Promise<void> {
  const [row]: Array<{ until: string | null }> = await manager.query(
    `SELECT ${isoTimestamp('max(until)')} AS until FROM sanction
     WHERE consultation_id = $1 AND user_id = $2 AND status = 'in-force' AND lifted_at IS NULL AND until > now()`,
    [consultationId, user.id],
  );
  if (row?.until) {
    throw new ApiException(
      HttpStatus.FORBIDDEN,
      ErrorCode.SUSPENDED_IN_ROUND,
      `You cannot contribute to this consultation until ${row.until}`,
      [{ field: 'consultationId', reason: 'suspendedInRound', message: row.until }],
    );
  }
}

function assertWindow(opensAt: string, closesAt: string): void {
  if (new Date(closesAt).getTime() <= new Date(opensAt).getTime()) {
    throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, 'closesAt must be after opensAt', [
      { field: 'closesAt', reason: 'beforeOpensAt', message: 'closesAt must be after opensAt' },
    ]);
  }
}
