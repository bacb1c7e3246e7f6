import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ErrorCode,
  type Consultation,
  type ConsultationStatus,
  type ListResponse,
  type RecommendationCoverage,
  type RoundRoleList,
} from '@compact-voices/contracts';
import { DisclosureService } from '../disclosure/disclosure.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import { AggregateCache } from '../../core/cache/aggregate-cache.js';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { renderMarkdown } from '../../core/content/markdown.js';
import { ApiException } from '../../core/errors/api.exception.js';
import type { CreateConsultationDto, UpdateConsultationDto } from './dto/consultation.dto.js';
import { ConsultationsRepository, suspendedInRoundUntil, type RoundRoleTable } from './consultations.repository.js';

/** Allowed hand moves; time also closes an open round (see CONSULTATION_COLUMNS in the repository). */
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
    private readonly repository: ConsultationsRepository,
    private readonly audit: AuditService,
    private readonly disclosure: DisclosureService,
  ) {}

  async list(viewer: AuthUser | undefined): Promise<ListResponse<Consultation>> {
    const items = await this.repository.list(isAdmin(viewer));
    return { items };
  }

  /** Drafts exist only for admins: everyone else gets the same 404 as for a missing id. */
  async get(id: string, viewer: AuthUser | undefined, manager?: EntityManager): Promise<Consultation> {
    const consultation = await this.repository.find(id, manager);
    if (!consultation || (consultation.status === 'draft' && !isAdmin(viewer))) throw notFound();
    return consultation;
  }

  async create(admin: AuthUser, dto: CreateConsultationDto): Promise<Consultation> {
    assertWindow(dto.opensAt, dto.closesAt);
    return this.repository.transaction(async (manager) => {
      const id = await this.repository.insert(manager, {
        title: dto.title,
        description: dto.description ?? '',
        descriptionHtml: renderMarkdown(dto.description ?? ''),
        opensAt: dto.opensAt,
        closesAt: dto.closesAt,
        moderationMode: dto.moderationMode,
        createdBy: admin.id,
      });
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
    return this.repository.transaction(async (manager) => {
      const current = await this.repository.lockCurrent(manager, id);
      if (!current) throw notFound();
      if (dto.status && dto.status !== current.status && !TRANSITIONS[current.status].includes(dto.status)) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          ErrorCode.INVALID_STATUS_TRANSITION,
          `A ${current.status} consultation cannot become ${dto.status}`,
        );
      }
      assertWindow(dto.opensAt ?? current.opensAt.toISOString(), dto.closesAt ?? current.closesAt.toISOString());
      await this.repository.update(manager, id, {
        title: dto.title,
        description: dto.description,
        description_html: dto.description === undefined ? undefined : renderMarkdown(dto.description),
        opens_at: dto.opensAt,
        closes_at: dto.closesAt,
        moderation_mode: dto.moderationMode,
        status: dto.status,
      });
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
    const rows = await this.repository.coverageCounts(id);
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

  private async roundRole(id: string, table: RoundRoleTable): Promise<RoundRoleList> {
    if (!(await this.repository.exists(id))) throw notFound();
    const people = await this.repository.roleHolders(table, id);
    return { userIds: people.map((person) => person.userId).sort(), people };
  }

  private async setRoundRole(admin: AuthUser, id: string, userIds: string[], table: RoundRoleTable, action: string): Promise<void> {
    await this.repository.transaction(async (manager) => {
      await this.get(id, admin, manager);
      const found = await this.repository.activeUserIds(manager, userIds);
      if (found.length !== userIds.length) {
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.USER_NOT_FOUND, 'Every person assigned must be an active account', [
          { field: 'userIds', reason: 'unknown', message: 'Unknown or erased account' },
        ]);
      }
      await this.repository.replaceRoleHolders(manager, table, id, userIds);
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
    const row = await this.repository.threadRow(consultationId, recommendationCode, countryIso3 ?? null, manager);
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
      const lastSeq = await this.repository.lastSeq(consultationId, hit.scope.recommendationCode);
      return { ...hit.scope, lastSeq: lastSeq !== undefined ? Number(lastSeq) : 0 };
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
    assertNotSuspended(await this.repository.suspendedInRoundUntil(consultationId, viewer.id, manager));
    return scope;
  }

  /** Visibility only (no scope check): for round-wide reads such as search. */
  async assertVisible(consultationId: string, viewer: AuthUser | undefined): Promise<void> {
    const status = await this.repository.status(consultationId);
    if (status === undefined || (status === 'draft' && !isAdmin(viewer))) throw notFound();
  }

  private async setScope(
    manager: EntityManager,
    id: string,
    codes: string[] | undefined,
    iso3s: string[] | undefined,
    partial = false,
  ): Promise<void> {
    if (codes || !partial) {
      const wanted: string[] = codes ?? (await this.repository.allRecommendationCodes(manager));
      const known = await this.repository.knownRecommendationCodes(manager, wanted);
      if (known.length !== wanted.length) {
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.RECOMMENDATION_NOT_FOUND, 'Unknown recommendation code', [
          { field: 'recommendationCodes', reason: 'unknown', message: 'Unknown recommendation code' },
        ]);
      }
      await this.repository.replaceRecommendations(manager, id, wanted);
    }
    if (iso3s || !partial) {
      const wanted: string[] = iso3s ?? (await this.repository.allCountryIso3s(manager));
      const known = await this.repository.knownCountryIso3s(manager, wanted);
      if (known.length !== wanted.length) {
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.COUNTRY_NOT_FOUND, 'Unknown country code', [
          { field: 'countryIso3s', reason: 'unknown', message: 'Unknown country code' },
        ]);
      }
      await this.repository.replaceCountries(manager, id, wanted);
    }
  }
}

/**
 * A round sanction in force stops its person contributing to that round, and only that one:
 * every write to a round passes `writableThread` (flags call this directly). Their sessions live on.
 */
export async function assertNotSuspendedInRound(manager: EntityManager, consultationId: string, user: AuthUser): Promise<void> {
  assertNotSuspended(await suspendedInRoundUntil(manager, consultationId, user.id));
}

/** Refuses a contribution while a round sanction is in force (`until`: when the latest one ends). */
function assertNotSuspended(until: string | null): void {
  if (until) {
    throw new ApiException(
      HttpStatus.FORBIDDEN,
      ErrorCode.SUSPENDED_IN_ROUND,
      `You cannot contribute to this consultation until ${until}`,
      [{ field: 'consultationId', reason: 'suspendedInRound', message: until }],
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
