import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import {
  DISPLAY_NAME_MAX_LENGTH,
  DISPLAY_NAME_PATTERN,
  EMAIL_MAX_LENGTH,
  LOCALES,
  PRIVACY_MODES,
  type LocaleCode,
  type PrivacyMode,
  type PasswordResetConfirmRequest,
  type SignInRequest,
  type SignUpRequest,
  type TokenRequest,
} from '@compact-voices/contracts';
import { trimString } from '../../../core/http/transforms.js';

const LOCALE_CODES = LOCALES.map((locale) => locale.code);

/** Passwords are bounded here only to cap work; the policy (8–128, not common) answers WEAK_PASSWORD. */
const PASSWORD_INPUT_MAX = 1024;

export class SignUpDto implements SignUpRequest {
  @ApiProperty({ example: 'amina@example.org', maxLength: EMAIL_MAX_LENGTH })
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @ApiProperty({ minLength: 8, maxLength: 128, description: 'Any characters; refused when one of the most common passwords' })
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  password!: string;

  @ApiProperty({
    example: 'Amina',
    maxLength: DISPLAY_NAME_MAX_LENGTH,
    description: 'Names the platform gives (pseudonyms, "Former participant") are refused with DISPLAY_NAME_RESERVED',
  })
  @Transform(trimString)
  @IsString()
  @Length(1, DISPLAY_NAME_MAX_LENGTH)
  @Matches(DISPLAY_NAME_PATTERN, { message: 'A display name is one line of printable text' })
  displayName!: string;

  @ApiPropertyOptional({ enum: LOCALE_CODES })
  @IsOptional()
  @IsIn(LOCALE_CODES)
  locale?: LocaleCode;

  @ApiPropertyOptional({ enum: PRIVACY_MODES, description: 'Start protected: shown only under a pseudonym from the first contribution' })
  @IsOptional()
  @IsIn(PRIVACY_MODES)
  privacyMode?: PrivacyMode;
}

export class SignInDto implements SignInRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  password!: string;
}

export class EmailDto {
  @ApiProperty()
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;
}

export class TokenDto implements TokenRequest {
  @ApiProperty({ description: 'The token from the mail link (its #token= fragment)' })
  @IsString()
  @Length(20, 200)
  @Matches(/^[A-Za-z0-9_-]+$/)
  token!: string;
}

export class PasswordResetConfirmDto extends TokenDto implements PasswordResetConfirmRequest {
  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  password!: string;
}
