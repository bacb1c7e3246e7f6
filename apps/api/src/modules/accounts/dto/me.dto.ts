import { SchemaDto } from '../../../core/http/schema-dto.js';
import { updateMeSchema, changePasswordSchema, deleteMeSchema } from '@compact-voices/contracts/schemas';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LOCALES,
  PRIVACY_MODES,
  ROLES,
  STAKEHOLDER_TYPE_CODES,
  type AuthResponse,
  type LocaleCode,
  type Me,
  type MembershipSummary,
  type PrivacyMode,
  type Role,
  type SessionSummary,
  type StakeholderTypeCode,
} from '@compact-voices/contracts';

const LOCALE_CODES = LOCALES.map((locale) => locale.code);

export class MembershipSummaryDto implements MembershipSummary {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ enum: ['admin', 'member'] }) role!: 'admin' | 'member';
  @ApiProperty({ enum: ['pending', 'active'] }) status!: 'pending' | 'active';
  @ApiProperty({ enum: STAKEHOLDER_TYPE_CODES }) stakeholderType!: StakeholderTypeCode;
  @ApiProperty() countryIso3!: string;
  @ApiProperty() organisationVerified!: boolean;
}

export class MeDto implements Me {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Only ever shown to its owner (and to admins managing accounts)' }) email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: LOCALE_CODES }) locale!: LocaleCode;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty({ enum: PRIVACY_MODES }) privacyMode!: PrivacyMode;
  @ApiProperty({ example: 'Participant 7F3K9Q', description: 'Drawn anew each time protection is turned on' }) pseudonym!: string;
  @ApiProperty({ enum: STAKEHOLDER_TYPE_CODES }) stakeholderType!: StakeholderTypeCode;
  @ApiProperty({ type: String, nullable: true }) countryIso3!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actingOrganisationId!: string | null;
  @ApiProperty({ type: [MembershipSummaryDto] }) memberships!: MembershipSummaryDto[];
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Set while a global sanction is in force: read and appeal only until then',
  })
  suspendedUntil?: string | null;
}

export class AuthResponseDto implements AuthResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 600 }) expiresIn!: number;
  @ApiProperty({ type: MeDto }) user!: MeDto;
}

export class AcceptedResponseDto {
  @ApiProperty({ enum: ['verification-sent', 'reset-sent', 'accepted'] }) status!: string;
}

export class UpdateMeDto extends SchemaDto(updateMeSchema) {}

export class ChangePasswordDto extends SchemaDto(changePasswordSchema) {}

export class DeleteMeDto extends SchemaDto(deleteMeSchema) {}

export class SessionSummaryDto implements SessionSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() lastSeenAt!: string;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty() current!: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionSummaryDto] }) items!: SessionSummaryDto[];
}
