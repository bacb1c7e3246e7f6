import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type LocaleCode,
  EXPORT_FORMATS_BY_DATASET,
  EXPORTS_PER_USER_IN_FLIGHT,
  ErrorCode,
  type CreateExportRequest,
  type ExportJob,
  type ListResponse,
  type OpenDataPack,
} from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { SessionTokensService, hashToken } from '../accounts/session-tokens.service.js';
import { CatalogueService } from '../catalogue/catalogue.service.js';
import { codebookMarkdown } from './codebook.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';
import { EXPORT_FORMAT_VERSION } from './open-data-regeneration.js';
import { ExportQueue } from './export-queue.service.js';
import { ExportsRepository, type JobRow } from './exports.repository.js';

const LINK_TTL_MINUTES = 15;

export interface DownloadFile {
  path: string;
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  pdf: 'application/pdf',
};

function exportNotFound(): ApiException {
  return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.EXPORT_NOT_FOUND, 'No such export');
}

/**
 * Export requests (admins), their status (the requester only), cancellation, single-use
 * session-bound download links, and the public open-data packs of closed rounds. Full exports
 * are audit-logged; a person has at most EXPORTS_PER_USER_IN_FLIGHT exports queued or running.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly repository: ExportsRepository,
    private readonly config: AppConfig,
    private readonly queue: ExportQueue,
    private readonly audit: AuditService,
    private readonly tokens: SessionTokensService,
    private readonly disclosure: DisclosureService,
    private readonly catalogue: CatalogueService,
  ) {}

  async create(user: AuthUser, dto: CreateExportRequest & { publish?: boolean }, requestLocale?: LocaleCode): Promise<ExportJob> {
    if (!EXPORT_FORMATS_BY_DATASET[dto.dataset].includes(dto.format)) {
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ErrorCode.EXPORT_FORMAT_UNSUPPORTED,
        `${dto.dataset} comes as ${EXPORT_FORMATS_BY_DATASET[dto.dataset].join(', ')}`,
        [{ field: 'format', reason: 'unsupported', message: EXPORT_FORMATS_BY_DATASET[dto.dataset].join(',') }],
      );
    }
    const filters = dto.filters ?? {};
    if (dto.privacy === 'public') this.disclosure.assertPublicTimeFilters(filters);
    if (filters.consultationId) {
      const roundStatus = await this.repository.consultationStatus(filters.consultationId);
      if (roundStatus === undefined) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.CONSULTATION_NOT_FOUND, 'No such consultation');
      if (dto.publish && !['closed', 'archived'].includes(roundStatus)) {
        throw new ApiException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          ErrorCode.VALIDATION_FAILED,
          'Only a closed round’s pack can be published',
          [{ field: 'publish', reason: 'roundOpen', message: 'Close the round first' }],
        );
      }
    }
    if (dto.publish && (dto.dataset !== 'pack' || dto.privacy !== 'public' || !filters.consultationId)) {
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ErrorCode.VALIDATION_FAILED,
        'Only a public pack of one round can be published',
        [{ field: 'publish', reason: 'invalid', message: 'public pack of one round only' }],
      );
    }
    const id = await this.repository.transaction(async (manager) => {
      // One person's exports are counted under a lock on their account row, so parallel requests cannot overshoot.
      await this.repository.lockUser(manager, user.id);
      const inFlight = await this.repository.countInFlight(manager, user.id);
      if (inFlight >= EXPORTS_PER_USER_IN_FLIGHT) {
        throw new ApiException(
          HttpStatus.TOO_MANY_REQUESTS,
          ErrorCode.TOO_MANY_REQUESTS,
          `At most ${EXPORTS_PER_USER_IN_FLIGHT} exports at a time; wait for one to finish`,
          [],
          { 'Retry-After': '30' },
        );
      }
      const jobId = await this.repository.insertJob(manager, {
        requestedBy: user.id,
        sessionId: user.sessionId,
        dataset: dto.dataset,
        format: dto.format,
        privacy: dto.privacy,
        filters: JSON.stringify(filters),
        bom: dto.bom ?? false,
        publishedConsultationId: dto.publish ? filters.consultationId : null,
        pseudonymSeed: randomBytes(32).toString('hex'),
        formatVersion: EXPORT_FORMAT_VERSION,
        locale: dto.locale ?? requestLocale ?? 'en',
      });
      await this.audit.record(manager, {
        actorId: user.id,
        action: dto.privacy === 'full' ? 'export.full_requested' : 'export.requested',
        targetType: 'export',
        targetId: jobId,
        details: {
          dataset: dto.dataset,
          format: dto.format,
          privacy: dto.privacy,
          filters: { ...filters },
          ...(dto.publish ? { publish: true } : {}),
        },
      });
      return jobId;
    });
    // The answer is the job as queued: this instance may start it at once (JobQueue.send), and a
    // client polls GET /exports/{id} for what follows.
    const queued = (await this.load(id))!;
    await this.queue.enqueue(id);
    return this.present(queued);
  }

  async list(user: AuthUser): Promise<ListResponse<ExportJob>> {
    const rows = await this.repository.listByRequester(user.id);
    return { items: rows.map((row) => this.present(row)) };
  }

  /** The requester's view; when done, with a fresh single-use link bound to this session. */
  async get(user: AuthUser, id: string): Promise<ExportJob> {
    const job = await this.load(id);
    if (!job || job.requestedBy !== user.id) throw exportNotFound();
    // A full export's file is deleted after EXPORT_FULL_RETENTION_DAYS (RetentionService): no link to nothing.
    if (job.status !== 'done' || !job.fileName) return this.present(job);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = await this.repository.insertDownloadLink(id, hashToken(token), user.sessionId, LINK_TTL_MINUTES);
    return { ...this.present(job), downloadUrl: `/api/v1/exports/download/${token}`, downloadExpiresAt: expiresAt };
  }

  async cancel(user: AuthUser, id: string): Promise<void> {
    const job = await this.load(id);
    if (!job || job.requestedBy !== user.id) throw exportNotFound();
    const cancelled = await this.repository.cancelJob(id);
    if (!cancelled) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.EXPORT_FINISHED, 'This export has already finished');
  }

  /**
   * A download link works once, for 15 minutes, in the browser session that asked for it: the
   * refresh cookie of that session must come with it. A logged-out browser, another
   * session, a second use or a late one are refused.
   */
  async consumeLink(token: string, refreshCookie: unknown): Promise<DownloadFile> {
    const sessionId = await this.sessionOf(refreshCookie);
    if (!sessionId)
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.AUTHENTICATION_REQUIRED, 'Sign in, then ask for a new download link');
    const link = await this.repository.findDownloadLink(hashToken(token));
    if (!link || link.sessionId !== sessionId)
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.DOWNLOAD_LINK_INVALID, 'This download link is not valid here');
    const consumed = await this.repository.consumeDownloadLink(link.id);
    if (!link.usable || !consumed)
      throw new ApiException(
        HttpStatus.GONE,
        ErrorCode.DOWNLOAD_LINK_EXPIRED,
        'This download link was used or has expired; ask for a new one',
      );
    return this.file((await this.load(link.exportId))!);
  }

  async openData(): Promise<ListResponse<OpenDataPack>> {
    const rows = await this.repository.openDataPacks(EXPORT_FORMAT_VERSION);
    const items = rows
      .map((row) => ({
        ...row,
        rowCounts: this.disclosure.publicRecord(row.rowCounts ?? {}),
        downloadUrl: `/api/v1/open-data/${row.consultationId}/pack`,
        codebookUrl: `/api/v1/open-data/${row.consultationId}/codebook`,
      }))
      .sort((a, b) => b.closesAt.localeCompare(a.closesAt));
    return { items };
  }

  async openDataFile(consultationId: string): Promise<DownloadFile> {
    const row = await this.repository.latestOpenDataJob(consultationId, EXPORT_FORMAT_VERSION);
    if (!row) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.OPEN_DATA_NOT_FOUND, 'No published data for this round');
    return this.file(row);
  }

  async codebook(locale?: LocaleCode): Promise<string> {
    return codebookMarkdown('public', (await this.catalogue.listStakeholderTypes()).items, locale);
  }

  private file(job: JobRow): DownloadFile {
    const path = join(this.config.exportDir, job.id, job.fileName ?? '');
    if (!job.fileName || !existsSync(path))
      throw new ApiException(HttpStatus.GONE, ErrorCode.EXPORT_NOT_READY, 'The file is no longer available; export again');
    return { path, fileName: job.fileName, contentType: CONTENT_TYPES[job.format] ?? 'application/octet-stream' };
  }

  stream(file: DownloadFile): NodeJS.ReadableStream {
    return createReadStream(file.path);
  }

  private load(id: string): Promise<JobRow | undefined> {
    return this.repository.findJob(id);
  }

  private present({ requestedBy: _requestedBy, ...job }: JobRow): ExportJob {
    return { ...job, progress: Number(job.progress) };
  }

  private async sessionOf(refreshCookie: unknown): Promise<string | undefined> {
    const tokenId = this.tokens.parseRefreshToken(refreshCookie);
    if (!tokenId) return undefined;
    const row = await this.repository.findRefreshSession(tokenId);
    return row && row.tokenHash === hashToken(String(refreshCookie)) ? row.sessionId : undefined;
  }
}
