import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type ListResponse, type Organisation, type OrganisationMember } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import type { CreateOrganisationDto, ListOrganisationsQueryDto } from './dto/organisations.dto.js';
import { CROCKFORD } from '../accounts/accounts.repository.js';
import { OrganisationsRepository, type MemberRow } from './organisations.repository.js';

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
    private readonly repository: OrganisationsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListOrganisationsQueryDto): Promise<ListResponse<Organisation>> {
    const items = await this.repository.list(query.q?.trim() || null, query.countryIso3 ?? null);
    return { items };
  }

  async get(id: string, manager?: EntityManager): Promise<Organisation> {
    const organisation = await this.repository.findById(id, manager);
    if (!organisation) throw notFound();
    return organisation;
  }

  /**
   * Anyone signed in may register one and becomes its first admin; the secretariat verifies it later.
   * A name is reserved only once verified: someone registering "Ministry of Foreign Affairs" first
   * does not stop the ministry itself from registering — the secretariat verifies the real one.
   */
  async create(user: AuthUser, dto: CreateOrganisationDto): Promise<Organisation> {
    if (!(await this.repository.countryExists(dto.countryIso3))) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.COUNTRY_NOT_FOUND, `Unknown country ${dto.countryIso3}`, [
        { field: 'countryIso3', reason: 'unknown', message: 'Unknown country' },
      ]);
    }
    if (await this.repository.verifiedNameExists(dto.name, dto.countryIso3)) throw nameTaken();
    try {
      return await this.repository.transaction(async (manager) => {
        const id = await this.repository.insert(manager, {
          name: dto.name,
          stakeholderType: dto.stakeholderType,
          countryIso3: dto.countryIso3,
          website: dto.website ?? null,
          createdBy: user.id,
        });
        await this.repository.insertFoundingAdmin(manager, id, user.id);
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
      return await this.repository.transaction(async (manager) => {
        const updated = await this.repository.markVerified(manager, id, admin.id);
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
    if (!(await this.repository.insertJoinRequest(id, user.id)))
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.ALREADY_MEMBER, 'You are already a member or have asked to join');
    return { status: 'pending' };
  }

  async members(user: AuthUser, id: string): Promise<ListResponse<OrganisationMember>> {
    await this.assertCanManage(user, id);
    // Protected members after the others, in membership-id order: sorting them by their real names
    // would tell the admins where those names fall in the alphabet.
    const rows = await this.repository.membersOf(id);
    return { items: rows.map((row) => presentMember(row, user.id)) };
  }

  async accept(user: AuthUser, id: string, memberRef: string): Promise<OrganisationMember> {
    await this.assertCanManage(user, id);
    const target = await this.repository.findMember(id, memberRef, user.id);
    const row = target ? await this.repository.activate(target.memberId) : undefined;
    if (!row) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.MEMBERSHIP_NOT_FOUND, 'No such membership request');
    return presentMember(row, user.id);
  }

  /** An organisation admin removes a member (or declines a request); anyone may leave. The last admin cannot go. */
  async remove(user: AuthUser, id: string, memberRef: string): Promise<void> {
    const leaving = memberRef === user.id || (await this.repository.findMember(id, memberRef, user.id))?.userId === user.id;
    if (!leaving) await this.assertCanManage(user, id);
    await this.repository.transaction(async (manager) => {
      await this.repository.lock(manager, id);
      const target = await this.repository.findMember(id, memberRef, user.id, manager);
      if (!target) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.MEMBERSHIP_NOT_FOUND, 'No such membership');
      if (target.role === 'admin' && target.status === 'active') {
        const admins = await this.repository.countActiveAdmins(manager, id);
        if (admins <= 1) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.LAST_ADMIN, 'An organisation needs at least one admin');
      }
      await this.repository.deleteMembership(manager, target.memberId);
      await this.repository.clearActingOrganisation(manager, id, target.userId);
    });
  }

  /** Its active admins, or the secretariat. Others get 404 for a missing organisation and 403 otherwise. */
  private async assertCanManage(user: AuthUser, id: string): Promise<void> {
    await this.get(id);
    if (user.roles.includes('admin')) return;
    if (!(await this.repository.isActiveAdmin(id, user.id)))
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, 'Only the organisation’s admins can do this');
  }
}

function nameTaken(): ApiException {
  return new ApiException(
    HttpStatus.CONFLICT,
    ErrorCode.ORGANISATION_EXISTS,
    'A verified organisation with this name is already registered in this country',
  );
}
