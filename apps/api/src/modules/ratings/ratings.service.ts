import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type ListResponse, type OfficialAssessment, type Rating, type RatingSummary } from '@compact-voices/contracts';
import { assertVerified } from '../../core/auth/assert-verified.js';
import { isAdmin, type AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { ActingIdentityService } from '../accounts/acting-identity.service.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import type { PutOfficialAssessmentDto, PutRatingDto } from './dto/rating.dto.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';
import { RatingReleasesService } from '../disclosure/rating-releases.service.js';
import { sideOf } from '../disclosure/release-audit.js';
import { summariseRatings, type RatingRow } from '../disclosure/statistics.js';

const RATING_COLUMNS = `consultation_id AS "consultationId", recommendation_code AS "recommendationCode", country_iso3 AS "countryIso3",
  score, dont_know AS "dontKnow", evidence, evidence_url AS "evidenceUrl", ${isoTimestamp('updated_at')} AS "updatedAt"`;

@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const rating = await this.dataSource.transaction(async (manager) => {
      const { recommendationCode } = await this.consultations.writableThread(consultationId, code, user, countryIso3, manager);
      cell = { consultationId, recommendationCode, countryIso3 };
      const identity = await this.acting.resolve(user.id, dto.actingOrganisationId, manager);
      const values = [
        dto.score,
        dontKnow,
        dto.evidence?.trim() || null,
        dto.evidenceUrl ?? null,
        identity.stakeholderType,
        identity.organisationId,
        identity.countryIso3,
        identity.protected,
        identity.organisationVerified,
      ];
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO rating (consultation_id, recommendation_code, country_iso3, user_id, score, dont_know, evidence, evidence_url,
                             rater_stakeholder_type, rater_organisation_id, rater_country_iso3, rater_protected, rater_organisation_verified)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT ON CONSTRAINT rating_one_per_participant_key DO NOTHING
         RETURNING id`,
        [consultationId, recommendationCode, countryIso3, user.id, ...values],
      );
      if (inserted.length === 0) {
        const [existing]: Array<{ id: string }> = await manager.query(
          `SELECT id FROM rating WHERE consultation_id = $1 AND recommendation_code = $2 AND country_iso3 = $3 AND user_id = $4 FOR UPDATE`,
          [consultationId, recommendationCode, countryIso3, user.id],
        );
        await manager.query(
          `INSERT INTO rating_revision (rating_id, score, dont_know, evidence, evidence_url, rater_stakeholder_type, rater_organisation_id, rater_country_iso3,
                                       rater_organisation_verified, rated_at)
           SELECT id, score, dont_know, evidence, evidence_url, rater_stakeholder_type, rater_organisation_id, rater_country_iso3, rater_organisation_verified, updated_at
           FROM rating WHERE id = $1`,
          [existing!.id],
        );
        await manager.query(
          `UPDATE rating SET score = $2, dont_know = $3, evidence = $4, evidence_url = $5, rater_stakeholder_type = $6,
                  rater_organisation_id = $7, rater_country_iso3 = $8, rater_protected = $9, rater_organisation_verified = $10, updated_at = clock_timestamp()
           WHERE id = $1`,
          [existing!.id, ...values],
        );
      }
      const [row]: Rating[] = await manager.query(
        `SELECT ${RATING_COLUMNS} FROM rating WHERE consultation_id = $1 AND recommendation_code = $2 AND country_iso3 = $3 AND user_id = $4`,
        [consultationId, recommendationCode, countryIso3, user.id],
      );
      return row!;
    });
    await this.releases.releaseQuietly(cell!);
    return rating;
  }

  async mine(consultationId: string, code: string, user: AuthUser): Promise<ListResponse<Rating>> {
    const { recommendationCode } = await this.consultations.thread(consultationId, code, user);
    const items: Rating[] = await this.dataSource.query(
      `SELECT ${RATING_COLUMNS} FROM rating WHERE consultation_id = $1 AND recommendation_code = $2 AND user_id = $3 ORDER BY country_iso3`,
      [consultationId, recommendationCode, user.id],
    );
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
    const rows: Array<{
      score: number | null;
      stakeholderType: RatingRow['stakeholderType'];
      verified: boolean;
      raterCountry: string | null;
      countryIso3: string;
    }> = await this.dataSource.query(
      `SELECT score, rater_stakeholder_type AS "stakeholderType", rater_organisation_verified AS verified, rater_country_iso3 AS "raterCountry", country_iso3 AS "countryIso3"
       FROM rating WHERE consultation_id = $1 AND recommendation_code = $2 AND ($3::text IS NULL OR country_iso3 = $3)`,
      [consultationId, recommendationCode, countryIso3],
    );
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
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OfficialAssessment | null> {
    const [row]: Array<
      OfficialAssessment & { organisationId: string | null; organisationName: string | null; organisationVerified: boolean }
    > = await manager.query(
      `SELECT a.country_iso3 AS "countryIso3", a.score, a.narrative, ${isoTimestamp('a.updated_at')} AS "updatedAt",
              o.id AS "organisationId", o.name AS "organisationName", o.verified_at IS NOT NULL AS "organisationVerified"
       FROM official_assessment a LEFT JOIN organisation o ON o.id = a.organisation_id
       WHERE a.consultation_id = $1 AND a.recommendation_code = $2 AND a.country_iso3 = $3`,
      [consultationId, recommendationCode, countryIso3],
    );
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
    const result = await this.dataSource.transaction(async (manager) => {
      const { recommendationCode } = await this.consultations.writableThread(consultationId, code, user, countryIso3, manager);
      const [organisation]: Array<{ id: string }> = await manager.query(
        `SELECT o.id FROM organisation o JOIN organisation_membership m ON m.organisation_id = o.id
         WHERE m.user_id = $1 AND m.status = 'active' AND o.verified_at IS NOT NULL AND o.stakeholder_type = 'government' AND o.country_iso3 = $2
         ORDER BY o.created_at LIMIT 1`,
        [user.id, countryIso3],
      );
      if (!organisation) {
        throw new ApiException(
          HttpStatus.FORBIDDEN,
          ErrorCode.NOT_GOVERNMENT_REPRESENTATIVE,
          `Only members of a verified government organisation of ${countryIso3} can post its official status`,
        );
      }
      await manager.query(
        `INSERT INTO official_assessment_revision (consultation_id, recommendation_code, country_iso3, score, narrative, author_id, assessed_at)
         SELECT consultation_id, recommendation_code, country_iso3, score, narrative, author_id, updated_at FROM official_assessment
         WHERE consultation_id = $1 AND recommendation_code = $2 AND country_iso3 = $3`,
        [consultationId, recommendationCode, countryIso3],
      );
      await manager.query(
        `INSERT INTO official_assessment (consultation_id, recommendation_code, country_iso3, score, narrative, organisation_id, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (consultation_id, recommendation_code, country_iso3)
         DO UPDATE SET score = EXCLUDED.score, narrative = EXCLUDED.narrative, organisation_id = EXCLUDED.organisation_id,
                       author_id = EXCLUDED.author_id, updated_at = clock_timestamp()`,
        [consultationId, recommendationCode, countryIso3, dto.score, dto.narrative?.trim() ?? '', organisation.id, user.id],
      );
      events.push(await this.threads.append(manager, { consultationId, recommendationCode, type: 'ratings.summary', countryIso3 }));
      return (await this.official(consultationId, recommendationCode, countryIso3, manager))!;
    });
    this.threads.announce(events);
    return result;
  }
}
