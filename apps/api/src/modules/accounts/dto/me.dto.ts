import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  DISPLAY_NAME_MAX_LENGTH,
  DISPLAY_NAME_PATTERN,
  LOCALES,
  PERSONAL_STAKEHOLDER_TYPES,
  PRIVACY_MODES,
  ROLES,
  STAKEHOLDER_TYPE_CODES,
  type AuthResponse,
  type ChangePasswordRequest,
  type DeleteMeRequest,
  type LocaleCode,
  type Me,
  type MembershipSummary,
  type PrivacyMode,
  type Role,
  type SessionSummary,
  type StakeholderTypeCode,
  type UpdateMeRequest,
} from '@compact-voices/contracts';
import { trimString } from '../../../core/http/transforms.js';

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

export class UpdateMeDto implements UpdateMeRequest {
  @ApiPropertyOptional({ maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, DISPLAY_NAME_MAX_LENGTH)
  @Matches(DISPLAY_NAME_PATTERN, { message: 'A display name is one line of printable text' })
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALE_CODES })
  @IsOptional()
  @IsIn(LOCALE_CODES)
  locale?: LocaleCode;

  @ApiPropertyOptional({
    enum: PRIVACY_MODES,
    description:
      'Turning protection on draws a new pseudonym for the comments written from now on; earlier comments keep the label they were published under',
  })
  @IsOptional()
  @IsIn(PRIVACY_MODES)
  privacyMode?: PrivacyMode;

  @ApiPropertyOptional({
    description:
      'Only with privacyMode "protected": my earlier public comments read "Former participant" from now on, instead of the name they were published with',
  })
  @IsOptional()
  @IsBoolean()
  anonymisePublicContributions?: boolean;

  @ApiPropertyOptional({ enum: PERSONAL_STAKEHOLDER_TYPES, description: 'Other types come only through an organisation' })
  @IsOptional()
  @IsIn(PERSONAL_STAKEHOLDER_TYPES)
  stakeholderType?: (typeof PERSONAL_STAKEHOLDER_TYPES)[number];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'NPL' })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/)
  countryIso3?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @IsUUID()
  actingOrganisationId?: string | null;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MaxLength(1024) currentPassword!: string;
  @ApiProperty({ minLength: 8, maxLength: 128 }) @IsString() @MaxLength(1024) newPassword!: string;
}

export class DeleteMeDto implements DeleteMeRequest {
  @ApiProperty() @IsString() @MaxLength(1024) password!: string;

  @ApiPropertyOptional({ description: 'Also remove my contributions instead of keeping them as "former participant"' })
  @IsOptional()
  @IsBoolean()
  removeContributions?: boolean;
}

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
