import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Organisation, OrganisationMember, StakeholderTypeCode } from '@compact-voices/contracts';
import { affectedCount, rowsOf } from '../../core/database/query-result.js';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';

const ORGANISATION_COLUMNS = `o.id, o.name, o.stakeholder_type AS "stakeholderType", o.country_iso3 AS "countryIso3", o.website,
  o.verified_at IS NOT NULL AS verified`;

const MEMBER_COLUMNS = `m.id AS "memberId", m.user_id AS "userId", u.privacy_mode = 'protected' AS protected,
  u.display_name AS "displayName", m.role, m.status, ${isoTimestamp('m.created_at')} AS "requestedAt"`;

/** A membership as read for its organisation's admins, before a protected member is masked. */
export type MemberRow = OrganisationMember & { userId: string; protected: boolean };

/** A membership as removing or accepting it needs. */
export interface MembershipRef {
  memberId: string;
  userId: string;
  role: string;
  status: string;
}

/** An organisation as inserted into `organisation`. */
export interface OrganisationInsert {
  name: string;
  stakeholderType: StakeholderTypeCode;
  countryIso3: string;
  website: string | null;
  createdBy: string;
}

/** The SQL of organisations and their memberships; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class OrganisationsRepository extends SqlRepository {
  // ---- Organisations ----

  /** Up to 200 organisations by name, whose name contains `q` (literally) and of the country, when given. */
  async list(q: string | null, countryIso3: string | null): Promise<Organisation[]> {
    const items: Organisation[] = await this.dataSource.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisation o
       WHERE ($1::text IS NULL OR o.name ILIKE '%' || replace(replace(replace($1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
         AND ($2::text IS NULL OR o.country_iso3 = $2)
       ORDER BY o.name LIMIT 200`,
      [q, countryIso3],
    );
    return items;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organisation | undefined> {
    const [organisation]: Organisation[] = await manager.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE o.id = $1`, [id]);
    return organisation;
  }

  async countryExists(iso3: string): Promise<boolean> {
    const [country] = await this.dataSource.query(`SELECT 1 FROM country WHERE iso3 = $1`, [iso3]);
    return Boolean(country);
  }

  /** Whether a verified organisation of this name (in any case) is registered in the country. */
  async verifiedNameExists(name: string, countryIso3: string): Promise<boolean> {
    const [verified] = await this.dataSource.query(
      `SELECT 1 FROM organisation WHERE lower(name) = lower($1) AND country_iso3 = $2 AND verified_at IS NOT NULL`,
      [name, countryIso3],
    );
    return Boolean(verified);
  }

  /** Inserts the organisation; returns its id. */
  async insert(manager: EntityManager, organisation: OrganisationInsert): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO organisation (name, stakeholder_type, country_iso3, website, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [organisation.name, organisation.stakeholderType, organisation.countryIso3, organisation.website, organisation.createdBy],
    );
    return id;
  }

  /** Marks the organisation verified unless it already is; returns how many rows changed (0 or 1). */
  async markVerified(manager: EntityManager, id: string, adminId: string): Promise<number> {
    return affectedCount(
      await manager.query(`UPDATE organisation SET verified_at = now(), verified_by = $2 WHERE id = $1 AND verified_at IS NULL`, [
        id,
        adminId,
      ]),
    );
  }

  /** Locks the organisation's row, so that its memberships change one at a time. */
  async lock(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE`, [id]);
  }

  // ---- Memberships ----

  /** Makes the user the organisation's first, active admin. */
  async insertFoundingAdmin(manager: EntityManager, organisationId: string, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO organisation_membership (organisation_id, user_id, role, status, decided_at) VALUES ($1, $2, 'admin', 'active', now())`,
      [organisationId, userId],
    );
  }

  /** Records a request to join; false when the user is already a member or has already asked. */
  async insertJoinRequest(organisationId: string, userId: string): Promise<boolean> {
    const inserted = await this.dataSource.query(
      `INSERT INTO organisation_membership (organisation_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
      [organisationId, userId],
    );
    return (inserted as unknown[]).length > 0;
  }

  /**
   * The organisation's memberships: pending ones first, protected members after the others, in
   * membership-id order: sorting them by their real names would tell the admins where those names
   * fall in the alphabet.
   */
  async membersOf(organisationId: string): Promise<MemberRow[]> {
    const rows: MemberRow[] = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS}
       FROM organisation_membership m JOIN app_user u ON u.id = m.user_id
       WHERE m.organisation_id = $1
       ORDER BY m.status DESC, u.privacy_mode = 'protected', CASE WHEN u.privacy_mode = 'protected' THEN m.id::text ELSE u.display_name END`,
      [organisationId],
    );
    return rows;
  }

  /** Makes the membership active; returns it, or undefined when there is none. */
  async activate(memberId: string): Promise<MemberRow | undefined> {
    return rowsOf<MemberRow>(
      await this.dataSource.query(
        `UPDATE organisation_membership m SET status = 'active', decided_at = now()
             FROM app_user u
             WHERE m.id = $1 AND u.id = m.user_id
             RETURNING ${MEMBER_COLUMNS}`,
        [memberId],
      ),
    )[0];
  }

  /**
   * A membership of this organisation by its id — or by the member's account id, for oneself and
   * for members in public mode only: a protected member's account id opens nothing for anyone else.
   */
  async findMember(
    organisationId: string,
    memberRef: string,
    actorId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MembershipRef | undefined> {
    const [row]: MembershipRef[] = await manager.query(
      `SELECT m.id AS "memberId", m.user_id AS "userId", m.role, m.status
       FROM organisation_membership m JOIN app_user u ON u.id = m.user_id
       WHERE m.organisation_id = $1
         AND (m.id = $2 OR (m.user_id = $2 AND (m.user_id = $3 OR u.privacy_mode <> 'protected')))`,
      [organisationId, memberRef, actorId],
    );
    return row;
  }

  async isActiveAdmin(organisationId: string, userId: string): Promise<boolean> {
    const [membership] = await this.dataSource.query(
      `SELECT 1 FROM organisation_membership WHERE organisation_id = $1 AND user_id = $2 AND role = 'admin' AND status = 'active'`,
      [organisationId, userId],
    );
    return Boolean(membership);
  }

  async countActiveAdmins(manager: EntityManager, organisationId: string): Promise<number> {
    const [{ admins }]: Array<{ admins: number }> = await manager.query(
      `SELECT count(*)::int AS admins FROM organisation_membership WHERE organisation_id = $1 AND role = 'admin' AND status = 'active'`,
      [organisationId],
    );
    return admins;
  }

  async deleteMembership(manager: EntityManager, memberId: string): Promise<void> {
    await manager.query(`DELETE FROM organisation_membership WHERE id = $1`, [memberId]);
  }

  /** Stops the user acting for the organisation, if they were. */
  async clearActingOrganisation(manager: EntityManager, organisationId: string, userId: string): Promise<void> {
    await manager.query(`UPDATE app_user SET acting_organisation_id = NULL WHERE id = $2 AND acting_organisation_id = $1`, [
      organisationId,
      userId,
    ]);
  }
}
