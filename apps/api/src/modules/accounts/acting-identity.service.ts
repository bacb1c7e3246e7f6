import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type StakeholderTypeCode } from '@compact-voices/contracts';
import { ApiException } from '../../core/errors/api.exception.js';
import { AccountsRepository } from './accounts.repository.js';

/** Who someone speaks as at one moment; comments and ratings store a copy of it. */
export interface ActingIdentity {
  userId: string;
  stakeholderType: StakeholderTypeCode;
  organisationId: string | null;
  organisationVerified: boolean;
  countryIso3: string | null;
  /** Protected participants are shown by pseudonym only; organisation and country are hidden from all but admins. */
  protected: boolean;
  displayName: string;
  pseudonym: string;
  organisationName: string | null;
}

/**
 * SQL (text): the name the person in `user` (an app_user alias) acts under at this moment — the
 * pseudonym while protected. Only for copying into a record as it is made (a decision, a
 * co-signature); reading it later would relabel the past whenever the person switches.
 */
export function actingLabelSql(user: string): string {
  return `CASE WHEN ${user}.privacy_mode = 'protected' THEN ${user}.pseudonym ELSE ${user}.display_name END`;
}

@Injectable()
export class ActingIdentityService {
  constructor(private readonly accounts: AccountsRepository) {}

  /**
   * `organisationId` undefined: the person's default (their acting organisation, else themselves);
   * null: in their own name; an id: that organisation, which must be an active membership.
   */
  async resolve(userId: string, organisationId?: string | null, manager?: EntityManager): Promise<ActingIdentity> {
    const user = await this.accounts.actingUser(userId, manager);
    if (!user) throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.INVALID_TOKEN, 'The account no longer exists');
    const chosen = organisationId === undefined ? user.actingOrganisationId : organisationId;
    const personal: ActingIdentity = {
      userId,
      stakeholderType: user.stakeholderType,
      organisationId: null,
      organisationVerified: false,
      countryIso3: user.countryIso3,
      protected: user.privacyMode === 'protected',
      displayName: user.displayName,
      pseudonym: user.pseudonym,
      organisationName: null,
    };
    if (!chosen) return personal;
    const organisation = await this.accounts.actingOrganisation(chosen, userId, manager);
    if (!organisation) {
      // A default that is no longer valid (membership ended) falls back to the person; an explicit choice is refused.
      if (organisationId === undefined) return personal;
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.NOT_A_MEMBER, 'You are not an active member of that organisation');
    }
    return {
      ...personal,
      // Anyone can register "Ministry of …": a government or local authority speaks as one only once the
      // secretariat has verified it; until then its members contribute as the type they are themselves.
      stakeholderType: organisation.governmentSide && !organisation.verified ? user.stakeholderType : organisation.stakeholderType,
      organisationId: chosen,
      organisationVerified: organisation.verified,
      countryIso3: organisation.countryIso3,
      organisationName: organisation.name,
    };
  }
}
