import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { AuditVerification } from '@compact-voices/contracts';
import { Roles } from '../auth/access.decorator.js';
import { AuditService } from './audit.service.js';

class AuditVerificationDto implements AuditVerification {
  @ApiProperty() ok!: boolean;
  @ApiProperty() entries!: number;
  @ApiProperty({ type: String, nullable: true }) firstBrokenId!: string | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Recompute the audit log hash chain (admin)' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify() {
    return this.audit.verify();
  }
}
