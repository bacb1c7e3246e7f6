import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type AuditChainProblem, type AuditEntry, type AuditVerification } from '@compact-voices/contracts';
import { auditQuerySchema } from '@compact-voices/contracts/schemas';
import { SchemaDto } from '../http/schema-dto.js';
import { Roles } from '../auth/access.decorator.js';
import { AuditService } from './audit.service.js';

class AuditVerificationDto implements AuditVerification {
  @ApiProperty() ok!: boolean;
  @ApiProperty() entries!: number;
  @ApiProperty({ type: String, nullable: true }) firstBrokenId!: string | null;
  @ApiProperty({ description: 'Entries of the keyed chain (positions 1…n)' }) keyedEntries!: number;
  @ApiProperty({ description: 'Daily heads recorded and compared with the chain' }) heads!: number;
  @ApiProperty({ enum: ['edited', 'unlinked', 'missing', 'forged', 'head-mismatch', 'truncated'], nullable: true })
  problem!: AuditChainProblem | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Chain position of the first break (for missing: the missing one)' })
  firstBrokenPosition!: number | null;
}

class AuditQueryDto extends SchemaDto(auditQuerySchema) {}

class AuditEntryDto implements AuditEntry {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty() action!: string;
  @ApiProperty() targetType!: string;
  @ApiProperty({ type: String, nullable: true }) targetId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actor!: string | null;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
}

class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The audit log, newest first (admin)' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query.before, query.limit ?? 50);
  }

  @Get('verify')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Recompute the audit log’s plain and keyed chains and compare its daily heads (admin)' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify() {
    return this.audit.verify();
  }
}
