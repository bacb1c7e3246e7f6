import { SchemaDto } from '../../../core/http/schema-dto.js';
import { createOrganisationSchema, listOrganisationsQuerySchema } from '@compact-voices/contracts/schemas';
import { ApiProperty } from '@nestjs/swagger';
import {
  STAKEHOLDER_TYPE_CODES,
  type MembershipStatus,
  type Organisation,
  type OrganisationMember,
  type OrganisationRole,
  type StakeholderTypeCode,
} from '@compact-voices/contracts';

export class CreateOrganisationDto extends SchemaDto(createOrganisationSchema) {}

export class ListOrganisationsQueryDto extends SchemaDto(listOrganisationsQuerySchema) {}

export class OrganisationDto implements Organisation {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAKEHOLDER_TYPE_CODES }) stakeholderType!: StakeholderTypeCode;
  @ApiProperty() countryIso3!: string;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ description: 'Verified by the secretariat' }) verified!: boolean;
}

export class OrganisationListDto {
  @ApiProperty({ type: [OrganisationDto] }) items!: OrganisationDto[];
}

export class OrganisationMemberDto implements OrganisationMember {
  @ApiProperty({ format: 'uuid', description: 'The membership’s own id, scoped to this organisation; accept and remove take it' })
  memberId!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for a member in protected mode (except on your own row)',
  })
  userId!: string | null;
  @ApiProperty({
    description: 'The member’s name; for a member in protected mode "Protected member" and four characters of the membership',
  })
  displayName!: string;
  @ApiProperty({ enum: ['admin', 'member'] }) role!: OrganisationRole;
  @ApiProperty({ enum: ['pending', 'active'] }) status!: MembershipStatus;
  @ApiProperty() requestedAt!: string;
}

export class OrganisationMemberListDto {
  @ApiProperty({ type: [OrganisationMemberDto] }) items!: OrganisationMemberDto[];
}

export class MembershipRequestDto {
  @ApiProperty({ enum: ['pending', 'active'] }) status!: MembershipStatus;
}
