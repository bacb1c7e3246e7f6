import { SchemaDto } from '../../../core/http/schema-dto.js';
import { listUsersQuerySchema, updateRolesSchema } from '@compact-voices/contracts/schemas';
import { ApiProperty } from '@nestjs/swagger';
import { PRIVACY_MODES, ROLES, type AdminUser, type PrivacyMode, type Role } from '@compact-voices/contracts';

export class ListUsersQueryDto extends SchemaDto(listUsersQuerySchema) {}

export class UpdateRolesDto extends SchemaDto(updateRolesSchema) {}

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
