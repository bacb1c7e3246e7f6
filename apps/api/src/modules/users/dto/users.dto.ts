import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PRIVACY_MODES, ROLES, type AdminUser, type PrivacyMode, type Role, type UpdateRolesRequest } from '@compact-voices/contracts';

export class ListUsersQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of a display name or email address' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UpdateRolesDto implements UpdateRolesRequest {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}

export class AdminUserDto implements AdminUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty({ enum: PRIVACY_MODES }) privacyMode!: PrivacyMode;
  @ApiProperty({ enum: ['active', 'erased'] }) status!: 'active' | 'erased';
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [String], description: 'Countries whose government the account is tied to (active memberships, verified or not)' })
  governmentTies!: string[];
}

export class AdminUserListDto {
  @ApiProperty({ type: [AdminUserDto] }) items!: AdminUserDto[];
}
