import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type ListResponse, type OfficialAssessment, type Rating, type RatingSummary } from '@compact-voices/contracts';
import { assertVerified } from '../../core/auth/assert-verified.js';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { ActingIdentityService } from '../accounts/acting-identity.service.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import type { PutOfficialAssessmentDto, PutRatingDto } from './dto/rating.dto.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';
import { RatingReleasesService } from '../disclosure/rating-releases.service.js';
import { sideOf } from '../disclosure/release-audit.js';
import { summariseRatings } from '../disclosure/statistics.js';
import { RatingsRepository, type RatingKey, type RatingValues } from './ratings.repository.js';

@Injectable()
export class RatingsService {
  constructor(
    private readonly repository: RatingsRepository,
    private readonly consultations: ConsultationsService,
    private readonly acting: ActingIdentityService,
    private readonly threads: ThreadLogService,
    private readonly rateLimits: RateLimitService,
    private readonly disclosure: DisclosureService,
    private readonly releases: RatingReleasesService,
    private readonly secrets: AppSecrets,
  ) {}

  /**
   * Create or replace my rating of a cell. The unique constraint makes "one per person" hold under
   * any concurrency; the row lock orders concurrent updates, each moving the value it replaces to history.
   * The public figures do not follow each rating: the cell's next release comes when the disclosure
   * rules allow it (a batch of at least five changes), and only then do live readers hear of it.
   */
  async put(consultationId: string, code: string, countryIso3: string, dto: PutRatingDto, user: AuthUser): Promise<Rating> {
    assertVerified(user);
    const dontKnow = dto.dontKnow ?? false;
    if ((dto.score === null) !== dontKnow) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.VALIDATION_FAILED,
        'Give a score from 0 to 4, or score null with dontKnow true',
        [{ field: 'score', reason: 'scoreOrDontKnow', message: "A score, or Don't know — one of the two" }],
      );
    }
    await this.rateLimits.consume('ratingsPerUser', user.id);
    let cell: { consultationId: string; recommendationCode: string; countryIso3: string } | undefined;
    const rating = await this.repository.transaction(async (manager) => {
      const { recommendationCode } = await this.consultations.writableThread(consultationId, code, user, countryIso3, manager);
      cell = { consultationId, recommendationCode, countryIso3 };
      const identity = await this.acting.resolve(user.id, dto.actingOrganisationId, manager);
      const key: RatingKey = { consultationId, recommendationCode, countryIso3, userId: user.id };
      const values: RatingValues = {
        score: dto.score,
        dontKnow,
        evidence: dto.evidence?.trim() || null,
        evidenceUrl: dto.evidenceUrl ?? null,
        raterStakeholderType: identity.stakeholderType,
        raterOrganisationId: identity.organisationId,
        raterCountryIso3: identity.countryIso3,
        raterProtected: identity.protected,
        raterOrganisationVerified: identity.organisationVerified,
      };
      if (!(await this.repository.insertIfNew(manager, key, values))) {
        const existing = await this.repository.lock(manager, key);
        await this.repository.insertRevision(manager, existing!.id);
        await this.repository.update(manager, existing!.id, values);
      }
      const row = await this.repository.findOwn(manager, key);
      return row!;
    });
    await this.releases.releaseQuietly(cell!);
    return rating;
  }

  async mine(consultationId: string, code: string, user: AuthUser): Promise<ListResponse<Rating>> {
    const { recommendationCode } = await this.consultations.thread(consultationId, code, user);
    const items = await this.repository.mine(consultationId, recommendationCode, user.id);
    return { items };
  }

  /**
   * The public summary comes from the cell's published releases only (DisclosureService); without
   * a country, it is the sum of the countries' published figures. Admins read every rating as it
   * is now, with `suppressed` telling whether the public sees the cell at all.
   */
  async summary(
    consultationId: string,
    code: string,
    countryIso3: string | undefined,
    viewer: AuthUser | undefined,
  ): Promise<RatingSummary> {
    const { recommendationCode } = await this.consultations.thread(consultationId, code, viewer);
    const country = countryIso3 ?? null;
    const official = country ? await this.official(consultationId, recommendationCode, country) : null;
    if (isAdmin(viewer))
      return this.disclosure.forAdmin({ ...(await this.unpublishedSummary(consultationId, recommendationCode, country)), official });
    return this.disclosure.withOfficial(await this.disclosure.publishedSummary(consultationId, recommendationCode, country), official);
  }

  /** What live readers get with a `ratings.summary` event: the published summary and the official status. */
  async publicSummary(consultationId: string, recommendationCode: string, countryIso3: string): Promise<RatingSummary> {
    const [published, official] = await Promise.all([
      this.disclosure.cellSummary(consultationId, recommendationCode, countryIso3),
      this.official(consultationId, recommendationCode, countryIso3),
    ]);
    return this.disclosure.withOfficial(published, official);
  }

  /** Every rating as it is now (admins only); `suppressed` when the public sees no figures for it. */
  private async unpublishedSummary(
    consultationId: string,
    recommendationCode: string,
    countryIso3: string | null,
  ): Promise<Omit<RatingSummary, 'official'>> {
    const rows = await this.repository.current(consultationId, recommendationCode, countryIso3);
    const summary = summariseRatings(
      rows.map((row) => ({
        score: row.score,
        stakeholderType: row.stakeholderType,
        side: sideOf(row.stakeholderType, row.verified, row.raterCountry, row.countryIso3),
      })),
      this.secrets.statisticsSeed(`admin/${consultationId}/${recommendationCode}/${countryIso3 ?? '*'}`),
    );
    const published = countryIso3
      ? await this.disclosure.cellSummary(consultationId, recommendationCode, countryIso3)
      : await this.disclosure.pooledSummary(consultationId, recommendationCode);
    return { ...summary, suppressed: published.suppressed };
  }

  async official(
    consultationId: string,
    recommendationCode: string,
    countryIso3: string,
    manager?: EntityManager,
  ): Promise<OfficialAssessment | null> {
    const row = await this.repository.official({ consultationId, recommendationCode, countryIso3 }, manager);
    if (!row) return null;
    const { organisationId, organisationName, organisationVerified, ...assessment } = row;
    return {
      ...assessment,
      organisation: organisationId ? { id: organisationId, name: organisationName ?? '', verified: organisationVerified } : null,
    };
  }

  /** Only a member of a verified government organisation of that very country may speak for it. */
  async putOfficial(
    consultationId: string,
    code: string,
    countryIso3: string,
    dto: PutOfficialAssessmentDto,
    user: AuthUser,
  ): Promise<OfficialAssessment> {
    assertVerified(user);
    const events: ThreadDomainEvent[] = [];
    const result = await this.repository.transaction(async (manager) => {
      const { recommendationCode } = await this.consultations.writableThread(consultationId, code, user, countryIso3, manager);
      const organisation = await this.repository.governmentOrganisationOf(manager, user.id, countryIso3);
      if (!organisation) {
        throw new ApiException(
          HttpStatus.FORBIDDEN,
          ErrorCode.NOT_GOVERNMENT_REPRESENTATIVE,
          `Only members of a verified government organisation of ${countryIso3} can post its official status`,
        );
      }
      const cell = { consultationId, recommendationCode, countryIso3 };
      await this.repository.insertOfficialRevision(manager, cell);
      await this.repository.upsertOfficial(manager, cell, {
        score: dto.score,
        narrative: dto.narrative?.trim() ?? '',
        organisationId: organisation.id,
        authorId: user.id,
      });
      events.push(await this.threads.append(manager, { consultationId, recommendationCode, type: 'ratings.summary', countryIso3 }));
      return (await this.official(consultationId, recommendationCode, countryIso3, manager))!;
    });
    this.threads.announce(events);
    return result;
  }
}
