import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { ExportFilters, ExportFormat, ExportPrivacy, ExportStatus } from '@compact-voices/contracts';
import { currentRequestId } from '../../core/logging/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { CatalogueService } from '../catalogue/catalogue.service.js';
import { codebookMarkdown, packReadme } from './codebook.js';
import { EXPORT_PROGRESS, type ExportProgressAnnouncement } from './exports.events.js';
import { copyToFile, csvProjection, ndjsonProjection } from './copy-writer.js';
import { DATASETS, TABLE_DATASETS, columnsFor, type DatasetSpec, type TableDataset } from './datasets.js';
import type { ExportReader } from './export-reader.js';
import { ExportsRepository, type RunningJob } from './exports.repository.js';
import { writeZip } from './pack-writer.js';
import { ReportService } from './report.service.js';
import { csvField, csvWriter, ndjsonWriter, xlsxWriter, type TableWriter } from './table-writers.js';

/** A fixed timestamp inside zip files, so a re-run is byte-identical. */
const ZIP_TIME = new Date(Date.UTC(2020, 0, 1));

export class ExportCancelled extends Error {}

/** Refused for a reason the requester can act on; the job fails with this stable code. */
export class ExportRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** ASCII-only, no separators: safe in a path and in Content-Disposition. */
export function safeFileStem(text: string): string {
  const stem = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return stem || 'compact-voices';
}

/**
 * Runs one export to a file under EXPORT_DIR/<id>/: reads everything in one REPEATABLE READ
 * snapshot through a server-side cursor (one connection, bounded memory, a consistent file),
 * writes as it reads, reports progress, and stops at the next page when cancelled.
 */
@Injectable()
export class ExportRunner {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly repository: ExportsRepository,
    private readonly config: AppConfig,
    private readonly reports: ReportService,
    private readonly emitter: EventEmitter2,
    private readonly catalogue: CatalogueService,
  ) {}

  async run(jobId: string): Promise<void> {
    const job = await this.repository.start(jobId);
    if (!job) return;
    this.logger.log(
      { event: 'export.started', exportId: job.id, dataset: job.dataset, format: job.format, requestId: currentRequestId() },
      'export started',
    );
    this.announce(job, 'running', 0, null);
    const dir = join(this.config.exportDir, job.id);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const fileName = await this.fileName(job);
    const path = join(dir, fileName);
    try {
      const { rows: rowCount, counts } = await this.write(job, path, dir);
      const { size } = await stat(path);
      const sha256 = await sha256File(path);
      const done = await this.repository.finish(job.id, {
        rowCount,
        fileName,
        sizeBytes: size,
        sha256,
        rowCounts: counts ? JSON.stringify(counts) : null,
      });
      if (!done) throw new ExportCancelled();
      this.logger.log(
        {
          event: 'export.done',
          exportId: job.id,
          requestId: currentRequestId(),
          dataset: job.dataset,
          format: job.format,
          rows: rowCount,
          bytes: size,
        },
        'export finished',
      );
      this.announce(job, 'done', 1, rowCount);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      if (error instanceof ExportCancelled) {
        this.announce(job, 'cancelled', 0, null);
        return;
      }
      const code = error instanceof ExportRefused ? error.code : 'EXPORT_FAILED';
      if (error instanceof ExportRefused)
        this.logger.warn({ event: 'export.refused', exportId: job.id, requestId: currentRequestId(), code }, 'export refused');
      else
        this.logger.error(
          { event: 'export.failed', exportId: job.id, requestId: currentRequestId(), err: (error as Error).message },
          'export failed',
        );
      await this.repository.fail(job.id, code);
      this.announce(job, 'failed', 0, null);
    }
  }

  private async write(job: RunningJob, path: string, dir: string): Promise<{ rows: number; counts?: Record<string, number> }> {
    const reader = await this.repository.reader(this.config.database.kind === 'embedded');
    try {
      if (job.dataset === 'report') return { rows: await this.reports.write(reader, job.filters, path, job.privacy) };
      if (job.dataset === 'pack') {
        const entries: Array<{ name: string; path: string }> = [];
        const counts: Record<string, number> = {};
        let total = 0;
        const expected = await this.estimate(
          reader,
          TABLE_DATASETS.map((name) => DATASETS[name]),
          job.filters,
          job.privacy,
        );
        for (const name of TABLE_DATASETS) {
          const file = join(dir, `${name}.csv`);
          counts[name] = await this.writeTable(reader, job, DATASETS[name], 'csv', file, (rows) =>
            this.progress(job, total + rows, expected),
          );
          total += counts[name];
          entries.push({ name: `${name}.csv`, path: file });
        }
        const codebook = join(dir, 'codebook.md');
        await writeFile(codebook, codebookMarkdown(job.privacy, (await this.catalogue.listStakeholderTypes()).items, job.locale));
        const readme = join(dir, 'README.md');
        await writeFile(
          readme,
          packReadme({
            exportId: job.id,
            createdAt: job.createdAt,
            privacy: job.privacy,
            filters: job.filters,
            counts,
            locale: job.locale,
          }),
        );
        entries.push({ name: 'codebook.md', path: codebook }, { name: 'README.md', path: readme });
        // `sha256sum -c manifest.sha256` checks every other file of the pack.
        const manifest = join(dir, 'manifest.sha256');
        const lines: string[] = [];
        for (const entry of entries) lines.push(`${await sha256File(entry.path)}  ${entry.name}`);
        await writeFile(manifest, `${lines.join('\n')}\n`);
        entries.push({ name: 'manifest.sha256', path: manifest });
        await writeZip(path, entries, ZIP_TIME);
        for (const entry of entries) await rm(entry.path, { force: true });
        return { rows: total, counts };
      }
      const spec = DATASETS[job.dataset as TableDataset];
      const expected = await this.estimate(reader, [spec], job.filters, job.privacy);
      // ExcelJS keeps a sheet in memory until it is committed: past the cap, CSV is the format, so memory stays bounded.
      if (job.format === 'xlsx' && expected > this.config.exports.xlsxRowCap) throw new ExportRefused('EXPORT_FORMAT_UNSUPPORTED');
      return { rows: await this.writeTable(reader, job, spec, job.format, path, (rows) => this.progress(job, rows, expected)) };
    } finally {
      await reader.close();
    }
  }

  private async writeTable(
    reader: ExportReader,
    job: RunningJob,
    spec: DatasetSpec,
    format: ExportFormat,
    path: string,
    onRows: (rows: number) => Promise<void>,
  ): Promise<number> {
    const columns = columnsFor(spec, job.privacy);
    const dataset = spec.query(job.filters, job.privacy, job.pseudonymSeed);
    // PostgreSQL writes CSV and NDJSON itself (COPY), at close to its raw speed.
    const csv = format === 'csv';
    const source =
      csv || format === 'ndjson'
        ? this.repository.copyRows(reader, dataset, csv ? csvProjection(columns) : ndjsonProjection(), csv)
        : undefined;
    if (source) {
      const prefix = csv ? `${job.bom ? '\uFEFF' : ''}${columns.map((column) => csvField(column.name)).join(',')}\r\n` : '';
      return copyToFile(source, path, { prefix, csv, onRecords: onRows });
    }
    const writer: TableWriter =
      format === 'xlsx'
        ? xlsxWriter(path, spec.title)
        : format === 'ndjson'
          ? ndjsonWriter(path)
          : csvWriter(path, { bom: job.bom && format === 'csv' });
    await writer.header(columns);
    let rows = 0;
    try {
      for await (const page of this.repository.rowPages(reader, dataset)) {
        for (const raw of page) await writer.row(columns.map((column) => raw[column.name]));
        rows += page.length;
        await onRows(rows);
      }
    } finally {
      await writer.end();
    }
    return rows;
  }

  /** Rows to expect, for the progress bar (a count per dataset in the same snapshot). */
  private async estimate(reader: ExportReader, specs: DatasetSpec[], filters: ExportFilters, privacy: ExportPrivacy): Promise<number> {
    let total = 0;
    for (const spec of specs) {
      total += await this.repository.countRows(reader, spec.query(filters, privacy, '00'));
    }
    return Math.max(total, 1);
  }

  private lastAnnounced = new Map<string, number>();

  /** Between pages: stop if cancelled, otherwise record and announce progress (at most every 250 ms). */
  private async progress(job: RunningJob, rows: number, expected: number): Promise<void> {
    const status = await this.repository.status(job.id).catch(() => 'running');
    if (status === 'cancelled') throw new ExportCancelled();
    const now = Date.now();
    if (now - (this.lastAnnounced.get(job.id) ?? 0) < 250) return;
    this.lastAnnounced.set(job.id, now);
    const progress = Math.min(0.99, rows / expected);
    await this.repository.setProgress(job.id, progress);
    this.announce(job, 'running', progress, rows);
  }

  private announce(job: RunningJob, status: ExportStatus, progress: number, rowCount: number | null): void {
    if (status !== 'running') this.lastAnnounced.delete(job.id);
    if (!job.requestedBy) return;
    this.emitter.emit(EXPORT_PROGRESS, {
      userId: job.requestedBy,
      event: { id: job.id, status, progress, rowCount },
    } satisfies ExportProgressAnnouncement);
  }

  private async fileName(job: RunningJob): Promise<string> {
    let stem = 'compact-voices';
    if (job.filters.consultationId) {
      const title = await this.repository.consultationTitle(job.filters.consultationId);
      if (title !== undefined) stem = safeFileStem(title);
    }
    const extension = job.dataset === 'pack' ? 'zip' : job.dataset === 'report' ? 'pdf' : job.format;
    return `${stem}-${job.dataset}-${job.privacy}-${job.createdAt.slice(0, 10)}.${extension}`;
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
