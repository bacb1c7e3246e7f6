import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type ListResponse, type Organisation, type OrganisationMember } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { affectedCount, rowsOf } from '../../core/database/query-result.js';
import { ApiException } from '../../core/errors/api.exception.js';
import type { CreateOrganisationDto, ListOrganisationsQueryDto } from './dto/organisations.dto.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { CROCKFORD } from '../accounts/accounts.repository.js';

const ORGANISATION_COLUMNS = `o.id, o.name, o.stakeholder_type AS "stakeholderType", o.country_iso3 AS "countryIso3", o.website,
  o.verified_at IS NOT NULL AS verified`;

const MEMBER_COLUMNS = `m.id AS "memberId", m.user_id AS "userId", u.privacy_mode = 'protected' AS protected,
  u.display_name AS "displayName", m.role, m.status, ${isoTimestamp('m.created_at')} AS "requestedAt"`;

type MemberRow = OrganisationMember & { userId: string; protected: boolean };

/**
 * A protected member is, to the organisation's admins, an alias of this membership: "Protected
 * member" and four characters from its id — stable, scoped to the organisation, and unrelated to
 * the public pseudonym, so nothing they see here can be matched with a protected contribution.
 */
export function protectedMemberAlias(memberId: string): string {
  const bits = Number.parseInt(memberId.replaceAll('-', '').slice(0, 5), 16);
  const code = [15, 10, 5, 0].map((shift) => CROCKFORD[(bits >> shift) & 31]).join('');
  return `Protected member ${code}`;
}

function presentMember({ protected: isProtected, ...row }: MemberRow, viewerId: string): OrganisationMember {
  if (!isProtected) return row;
  // Their own row still says who they are to themselves.
  return { ...row, userId: row.userId === viewerId ? row.userId : null, displayName: protectedMemberAlias(row.memberId) };
}

function notFound(): ApiException {
  return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.ORGANISATION_NOT_FOUND, 'No such organisation');
}

/** Organisations, their memberships and verification. Services authorise first. */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListOrganisationsQueryDto): Promise<ListResponse<Organisation>> {
    const items: Organisation[] = await this.dataSource.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisation o
       WHERE ($1::text IS NULL OR o.name ILIKE '%' || replace(replace(replace($1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
         AND ($2::text IS NULL OR o.country_iso3 = $2)
       ORDER BY o.name LIMIT 200`,
      [query.q?.trim() || null, query.countryIso3 ?? null],
    );
    return { items };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organisation> {
    const [organisation]: Organisation[] = await manager.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE o.id = $1`, [id]);
    if (!organisation) throw notFound();
    return organisation;
  }

  /**
   * Anyone signed in may register one and becomes its first admin; the secretariat verifies it later.
   * A name is reserved only once verified: someone registering "Ministry of Foreign Affairs" first
   * does not stop the ministry itself from registering — the secretariat verifies the real one.
   */
  async create(user: AuthUser, dto: CreateOrganisationDto): Promise<Organisation> {
    const [country] = await this.dataSource.query(`SELECT 1 FROM country WHERE iso3 = $1`, [dto.countryIso3]);
    if (!country) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.COUNTRY_NOT_FOUND, `Unknown country ${dto.countryIso3}`, [
        { field: 'countryIso3', reason: 'unknown', message: 'Unknown country' },
      ]);
    }
    const [verified] = await this.dataSource.query(
      `SELECT 1 FROM organisation WHERE lower(name) = lower($1) AND country_iso3 = $2 AND verified_at IS NOT NULL`,
      [dto.name, dto.countryIso3],
    );
    if (verified) throw nameTaken();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [{ id }]: Array<{ id: string }> = await manager.query(
          `INSERT INTO organisation (name, stakeholder_type, country_iso3, website, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [dto.name, dto.stakeholderType, dto.countryIso3, dto.website ?? null, user.id],
        );
        await manager.query(
          `INSERT INTO organisation_membership (organisation_id, user_id, role, status, decided_at) VALUES ($1, $2, 'admin', 'active', now())`,
          [id, user.id],
        );
        return this.get(id, manager);
      });
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'organisation_name_country_key') throw nameTaken();
      throw error;
    }
  }

  /** Verifying one of several organisations of the same name is the secretariat resolving the clash; a second verified one is refused. */
  async verify(admin: AuthUser, id: string): Promise<Organisation> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const updated = affectedCount(
          await manager.query(`UPDATE organisation SET verified_at = now(), verified_by = $2 WHERE id = $1 AND verified_at IS NULL`, [
            id,
            admin.id,
          ]),
        );
        const organisation = await this.get(id, manager);
        if (updated > 0)
          await this.audit.record(manager, {
            actorId: admin.id,
            action: 'organisation.verified',
            targetType: 'organisation',
            targetId: id,
          });
        return organisation;
      });
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'organisation_name_country_key') throw nameTaken();
      throw error;
    }
  }

  async requestToJoin(user: AuthUser, id: string): Promise<{ status: 'pending' }> {
    await this.get(id);
    const inserted = await this.dataSource.query(
      `INSERT INTO organisation_membership (organisation_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
      [id, user.id],
    );
    if ((inserted as unknown[]).length === 0)
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.ALREADY_MEMBER, 'You are already a member or have asked to join');
    return { status: 'pending' };
  }

  async members(user: AuthUser, id: string): Promise<ListResponse<OrganisationMember>> {
    await this.assertCanManage(user, id);
    // Protected members after the others, in membership-id order: sorting them by their real names
    // would tell the admins where those names fall in the alphabet.
    const rows: MemberRow[] = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS}
       FROM organisation_membership m JOIN app_user u ON u.id = m.user_id
       WHERE m.organisation_id = $1
       ORDER BY m.status DESC, u.privacy_mode = 'protected', CASE WHEN u.privacy_mode = 'protected' THEN m.id::text ELSE u.display_name END`,
      [id],
    );
    return { items: rows.map((row) => presentMember(row, user.id)) };
  }

  async accept(user: AuthUser, id: string, memberRef: string): Promise<OrganisationMember> {
    await this.assertCanManage(user, id);
    const target = await this.findMember(this.dataSource.manager, id, memberRef, user.id);
    const rows = target
      ? rowsOf<MemberRow>(
          await this.dataSource.query(
            `UPDATE organisation_membership m SET status = 'active', decided_at = now()
             FROM app_user u
             WHERE m.id = $1 AND u.id = m.user_id
             RETURNING ${MEMBER_COLUMNS}`,
            [target.memberId],
          ),
        )
      : [];
    if (!rows[0]) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.MEMBERSHIP_NOT_FOUND, 'No such membership request');
    return presentMember(rows[0], user.id);
  }

  /** An organisation admin removes a member (or declines a request); anyone may leave. The last admin cannot go. */
  async remove(user: AuthUser, id: string, memberRef: string): Promise<void> {
    const leaving = memberRef === user.id || (await this.findMember(this.dataSource.manager, id, memberRef, user.id))?.userId === user.id;
    if (!leaving) await this.assertCanManage(user, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE`, [id]);
      const target = await this.findMember(manager, id, memberRef, user.id);
      if (!target) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.MEMBERSHIP_NOT_FOUND, 'No such membership');
      if (target.role === 'admin' && target.status === 'active') {
        const [{ admins }]: Array<{ admins: number }> = await manager.query(
          `SELECT count(*)::int AS admins FROM organisation_membership WHERE organisation_id = $1 AND role = 'admin' AND status = 'active'`,
          [id],
        );
        if (admins <= 1) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.LAST_ADMIN, 'An organisation needs at least one admin');
      }
      await manager.query(`DELETE FROM organisation_membership WHERE id = $1`, [target.memberId]);
      await manager.query(`UPDATE app_user SET acting_organisation_id = NULL WHERE id = $2 AND acting_organisation_id = $1`, [
        id,
        target.userId,
      ]);
    });
  }

  /**
   * A membership of this organisation by its id — or by the member's account id, for oneself and
   * for members in public mode only: a protected member's account id opens nothing for anyone else.
   */
  private async findMember(
    manager: EntityManager,
    organisationId: string,
    memberRef: string,
    actorId: string,
  ): Promise<{ memberId: string; userId: string; role: string; status: string } | undefined> {
    const [row]: Array<{ memberId: string; userId: string; role: string; status: string }> = await manager.query(
      `SELECT m.id AS "memberId", m.user_id AS "userId", m.role, m.status
       FROM organisation_membership m JOIN app_user u ON u.id = m.user_id
       WHERE m.organisation_id = $1
         AND (m.id = $2 OR (m.user_id = $2 AND (m.user_id = $3 OR u.privacy_mode <> 'protected')))`,
      [organisationId, memberRef, actorId],
    );
    return row;
  }

  /** Its active admins, or the secretariat. Others get 404 for a missing organisation and 403 otherwise. */
  private async assertCanManage(user: AuthUser, id: string): Promise<void> {
    await this.get(id);
    if (user.roles.includes('admin')) return;
    const [membership] = await this.dataSource.query(
      `SELECT 1 FROM organisation_membership WHERE organisation_id = $1 AND user_id = $2 AND role = 'admin' AND status = 'active'`,
      [id, user.id],
    );
    if (!membership) throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, 'Only the organisation’s admins can do this');
  }
}

function nameTaken(): ApiException {
  return new ApiException(
    HttpStatus.CONFLICT,
    ErrorCode.ORGANISATION_EXISTS,
    'A verified organisation with this name is already registered in this country',
  );
}
