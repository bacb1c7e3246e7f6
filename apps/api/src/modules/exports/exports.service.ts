import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
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
import { rowsOf } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { SessionTokensService, hashToken } from '../accounts/session-tokens.service.js';
import { codebookMarkdown } from './codebook.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';
import { EXPORT_FORMAT_VERSION } from './open-data-regeneration.js';
import { ExportQueue } from './export-queue.service.js';

const LINK_TTL_MINUTES = 15;

const JOB_COLUMNS = `j.id, j.dataset, j.format, j.privacy, j.filters, j.status, j.progress, j.row_count::int AS "rowCount",
  ${isoTimestamp('j.created_at')} AS "createdAt", ${isoTimestamp('j.finished_at')} AS "finishedAt", j.error, j.file_name AS "fileName",
  j.size_bytes::int AS "sizeBytes", j.sha256, j.requested_by AS "requestedBy"`;

type JobRow = Omit<ExportJob, 'downloadUrl' | 'downloadExpiresAt'> & { requestedBy: string | null };

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queue: ExportQueue,
    private readonly audit: AuditService,
    private readonly tokens: SessionTokensService,
    private readonly disclosure: DisclosureService,
  ) {}

  async create(user: AuthUser, dto: CreateExportRequest & { publish?: boolean }): Promise<ExportJob> {
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
      const [round]: Array<{ status: string }> = await this.dataSource.query(`SELECT status FROM consultation WHERE id = $1`, [
        filters.consultationId,
      ]);
      if (!round) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.CONSULTATION_NOT_FOUND, 'No such consultation');
      if (dto.publish && !['closed', 'archived'].includes(round.status)) {
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
    const id = await this.dataSource.transaction(async (manager) => {
      // One person's exports are counted under a lock on their account row, so parallel requests cannot overshoot.
      await manager.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [user.id]);
      const [{ inFlight }]: Array<{ inFlight: number }> = await manager.query(
        `SELECT count(*)::int AS "inFlight" FROM export_job WHERE requested_by = $1 AND status IN ('queued', 'running')`,
        [user.id],
      );
      if (inFlight >= EXPORTS_PER_USER_IN_FLIGHT) {
        throw new ApiException(
          HttpStatus.TOO_MANY_REQUESTS,
          ErrorCode.TOO_MANY_REQUESTS,
          `At most ${EXPORTS_PER_USER_IN_FLIGHT} exports at a time; wait for one to finish`,
          [],
          { 'Retry-After': '30' },
        );
      }
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO export_job (requested_by, session_id, dataset, format, privacy, filters, bom, published_consultation_id, pseudonym_seed, format_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          user.id,
          user.sessionId,
          dto.dataset,
          dto.format,
          dto.privacy,
          JSON.stringify(filters),
          dto.bom ?? false,
          dto.publish ? filters.consultationId : null,
          randomBytes(32).toString('hex'),
          EXPORT_FORMAT_VERSION,
        ],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: dto.privacy === 'full' ? 'export.full_requested' : 'export.requested',
        targetType: 'export',
        targetId: row!.id,
        details: {
          dataset: dto.dataset,
          format: dto.format,
          privacy: dto.privacy,
          filters: { ...filters },
          ...(dto.publish ? { publish: true } : {}),
        },
      });
      return row!.id;
    });
    await this.queue.enqueue(id);
    return this.present((await this.load(id))!);
  }

  async list(user: AuthUser): Promise<ListResponse<ExportJob>> {
    const rows: JobRow[] = await this.dataSource.query(
      `SELECT ${JOB_COLUMNS} FROM export_job j WHERE j.requested_by = $1 ORDER BY j.created_at DESC LIMIT 50`,
      [user.id],
    );
    return { items: rows.map((row) => this.present(row)) };
  }

  /** The requester's view; when done, with a fresh single-use link bound to this session. */
  async get(user: AuthUser, id: string): Promise<ExportJob> {
    const job = await this.load(id);
    if (!job || job.requestedBy !== user.id) throw exportNotFound();
    // A full export's file is deleted after EXPORT_FULL_RETENTION_DAYS (RetentionService): no link to nothing.
    if (job.status !== 'done' || !job.fileName) return this.present(job);
    const token = randomBytes(32).toString('base64url');
    const [link]: Array<{ expiresAt: string }> = await this.dataSource.query(
      `INSERT INTO export_download_link (export_id, token_hash, session_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))
       RETURNING ${isoTimestamp('expires_at')} AS "expiresAt"`,
      [id, hashToken(token), user.sessionId, LINK_TTL_MINUTES],
    );
    return { ...this.present(job), downloadUrl: `/api/v1/exports/download/${token}`, downloadExpiresAt: link!.expiresAt };
  }

  async cancel(user: AuthUser, id: string): Promise<void> {
    const job = await this.load(id);
    if (!job || job.requestedBy !== user.id) throw exportNotFound();
    const cancelled = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE export_job SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
        [id],
      ),
    );
    if (cancelled.length === 0) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.EXPORT_FINISHED, 'This export has already finished');
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
    const [link]: Array<{ id: string; exportId: string; sessionId: string; usable: boolean }> = await this.dataSource.query(
      `SELECT id, export_id AS "exportId", session_id AS "sessionId", (used_at IS NULL AND expires_at > now()) AS usable FROM export_download_link WHERE token_hash = $1`,
      [hashToken(token)],
    );
    if (!link || link.sessionId !== sessionId)
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.DOWNLOAD_LINK_INVALID, 'This download link is not valid here');
    const consumed = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE export_download_link SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
        [link.id],
      ),
    );
    if (!link.usable || consumed.length === 0)
      throw new ApiException(
        HttpStatus.GONE,
        ErrorCode.DOWNLOAD_LINK_EXPIRED,
        'This download link was used or has expired; ask for a new one',
      );
    return this.file((await this.load(link.exportId))!);
  }

  async openData(): Promise<ListResponse<OpenDataPack>> {
    const rows: Array<{
      consultationId: string;
      title: string;
      closesAt: string;
      publishedAt: string;
      fileName: string;
      sizeBytes: number;
      sha256: string;
      rowCounts: Record<string, number> | null;
    }> = await this.dataSource.query(
      `SELECT DISTINCT ON (j.published_consultation_id) j.published_consultation_id AS "consultationId", k.title, ${isoTimestamp('k.closes_at')} AS "closesAt",
                ${isoTimestamp('j.finished_at')} AS "publishedAt", j.file_name AS "fileName", j.size_bytes::int AS "sizeBytes", j.sha256, j.row_counts AS "rowCounts"
         FROM export_job j JOIN consultation k ON k.id = j.published_consultation_id
         WHERE j.status = 'done' AND k.status IN ('closed', 'archived') AND j.format_version = $1
         ORDER BY j.published_consultation_id, j.finished_at DESC`,
      [EXPORT_FORMAT_VERSION],
    );
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
    const [row]: JobRow[] = await this.dataSource.query(
      `SELECT ${JOB_COLUMNS} FROM export_job j JOIN consultation k ON k.id = j.published_consultation_id
       WHERE j.published_consultation_id = $1 AND j.status = 'done' AND k.status IN ('closed', 'archived') AND j.format_version = $2
       ORDER BY j.finished_at DESC LIMIT 1`,
      [consultationId, EXPORT_FORMAT_VERSION],
    );
    if (!row) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.OPEN_DATA_NOT_FOUND, 'No published data for this round');
    return this.file(row);
  }

  codebook(): string {
    return codebookMarkdown('public');
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

  private async load(id: string): Promise<JobRow | undefined> {
    const [row]: JobRow[] = await this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM export_job j WHERE j.id = $1`, [id]);
    return row;
  }

  private present({ requestedBy: _requestedBy, ...job }: JobRow): ExportJob {
    return { ...job, progress: Number(job.progress) };
  }

  private async sessionOf(refreshCookie: unknown): Promise<string | undefined> {
    const tokenId = this.tokens.parseRefreshToken(refreshCookie);
    if (!tokenId) return undefined;
    const [row]: Array<{ sessionId: string; tokenHash: string }> = await this.dataSource.query(
      `SELECT s.id AS "sessionId", rt.token_hash AS "tokenHash" FROM refresh_token rt JOIN user_session s ON s.id = rt.session_id
       JOIN app_user u ON u.id = s.user_id
       WHERE rt.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
      [tokenId],
    );
    return row && row.tokenHash === hashToken(String(refreshCookie)) ? row.sessionId : undefined;
  }
}
