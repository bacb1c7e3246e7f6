import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import {
  STAKEHOLDER_TYPE_CODES,
  type CreateOrganisationRequest,
  type MembershipStatus,
  type Organisation,
  type OrganisationMember,
  type OrganisationRole,
  type StakeholderTypeCode,
} from '@compact-voices/contracts';
import { trimString } from '../../../core/http/transforms.js';

export class CreateOrganisationDto implements CreateOrganisationRequest {
  @ApiProperty({ example: 'Migrant Workers Rights Network', minLength: 2, maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ enum: STAKEHOLDER_TYPE_CODES })
  @IsIn(STAKEHOLDER_TYPE_CODES)
  stakeholderType!: StakeholderTypeCode;

  @ApiProperty({ example: 'NPL' })
  @IsString()
  @Matches(/^[A-Z]{3}$/)
  countryIso3!: string;

  @ApiPropertyOptional({ example: 'https://example.org' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string;
}

export class ListOrganisationsQueryDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'NPL' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/)
  countryIso3?: string;
}

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
