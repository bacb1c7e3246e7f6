import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { ExportQueue } from './export-queue.service.js';
import { ExportRunner } from './export-runner.service.js';
import { ExportsController } from './exports.controller.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportsService } from './exports.service.js';
import { ReportRepository } from './report.repository.js';
import { ReportService } from './report.service.js';

/**
 * Exports for the whole-of-society mechanism: datasets (CSV, XLSX, NDJSON), the pack (zip with
 * codebook, README and SHA-256 manifest), the PDF report, at two privacy levels, run as pg-boss
 * jobs with live progress; single-use session-bound download links; the public open-data packs.
 */
@Module({
  imports: [AccountsModule, CatalogueModule, IdempotencyModule, DisclosureModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportsRepository, ExportQueue, ExportRunner, ReportRepository, ReportService],
})
export class ExportsModule {}
