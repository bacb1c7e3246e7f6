import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ExportDataset, ExportFormat, ExportJob, ExportPrivacy } from '@compact-voices/contracts';
import { rowsOf } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';

const JOB_COLUMNS = `j.id, j.dataset, j.format, j.privacy, j.filters, j.status, j.progress, j.row_count::int AS "rowCount",
  ${isoTimestamp('j.created_at')} AS "createdAt", ${isoTimestamp('j.finished_at')} AS "finishedAt", j.error, j.file_name AS "fileName",
  j.size_bytes::int AS "sizeBytes", j.sha256, j.requested_by AS "requestedBy"`;

/** An export job as its requester's views read it, with who asked for it. */
export type JobRow = Omit<ExportJob, 'downloadUrl' | 'downloadExpiresAt'> & { requestedBy: string | null };

/** An export job as inserted into `export_job`. */
export interface ExportJobInsert {
  requestedBy: string;
  sessionId: string;
  dataset: ExportDataset;
  format: ExportFormat;
  privacy: ExportPrivacy;
  /** The filters, as JSON text. */
  filters: string;
  bom: boolean;
  publishedConsultationId: string | null | undefined;
  pseudonymSeed: string;
  formatVersion: number;
}

/** A download link as consuming it reads it. */
export interface DownloadLinkRow {
  id: string;
  exportId: string;
  sessionId: string;
  usable: boolean;
}

/** A published open-data pack of a closed round. */
export interface OpenDataRow {
  consultationId: string;
  title: string;
  closesAt: string;
  publishedAt: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  rowCounts: Record<string, number> | null;
}

/** The SQL of export requests, download links and open-data packs; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ---- Requests ----

  /** A round's status; undefined when there is no such round. */
  async consultationStatus(consultationId: string): Promise<string | undefined> {
    const [round]: Array<{ status: string }> = await this.dataSource.query(`SELECT status FROM consultation WHERE id = $1`, [
      consultationId,
    ]);
    return round?.status;
  }

  /** Locks the person's account row, so their exports can be counted without parallel requests overshooting. */
  async lockUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [userId]);
  }

  /** How many of the person's exports are queued or running. */
  async countInFlight(manager: EntityManager, userId: string): Promise<number> {
    const [{ inFlight }]: Array<{ inFlight: number }> = await manager.query(
      `SELECT count(*)::int AS "inFlight" FROM export_job WHERE requested_by = $1 AND status IN ('queued', 'running')`,
      [userId],
    );
    return inFlight;
  }

  /** Inserts a queued export job; returns its id. */
  async insertJob(manager: EntityManager, job: ExportJobInsert): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO export_job (requested_by, session_id, dataset, format, privacy, filters, bom, published_consultation_id, pseudonym_seed, format_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        job.requestedBy,
        job.sessionId,
        job.dataset,
        job.format,
        job.privacy,
        job.filters,
        job.bom,
        job.publishedConsultationId,
        job.pseudonymSeed,
        job.formatVersion,
      ],
    );
    return row!.id;
  }

  // ---- Jobs ----

  /** The person's latest 50 exports, newest first. */
  listByRequester(userId: string): Promise<JobRow[]> {
    return this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM export_job j WHERE j.requested_by = $1 ORDER BY j.created_at DESC LIMIT 50`, [
      userId,
    ]);
  }

  async findJob(id: string): Promise<JobRow | undefined> {
    const [row]: JobRow[] = await this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM export_job j WHERE j.id = $1`, [id]);
    return row;
  }

  /** Cancels a queued or running export; false when it had already finished. */
  async cancelJob(id: string): Promise<boolean> {
    const cancelled = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE export_job SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
        [id],
      ),
    );
    return cancelled.length > 0;
  }

  // ---- Download links ----

  /** Stores a download link valid for `ttlMinutes`; returns when it expires. */
  async insertDownloadLink(exportId: string, tokenHash: string, sessionId: string, ttlMinutes: number): Promise<string> {
    const [link]: Array<{ expiresAt: string }> = await this.dataSource.query(
      `INSERT INTO export_download_link (export_id, token_hash, session_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))
       RETURNING ${isoTimestamp('expires_at')} AS "expiresAt"`,
      [exportId, tokenHash, sessionId, ttlMinutes],
    );
    return link!.expiresAt;
  }

  async findDownloadLink(tokenHash: string): Promise<DownloadLinkRow | undefined> {
    const [link]: DownloadLinkRow[] = await this.dataSource.query(
      `SELECT id, export_id AS "exportId", session_id AS "sessionId", (used_at IS NULL AND expires_at > now()) AS usable FROM export_download_link WHERE token_hash = $1`,
      [tokenHash],
    );
    return link;
  }

  /** Marks an unused, unexpired link used; false when it was used or had expired. */
  async consumeDownloadLink(id: string): Promise<boolean> {
    const consumed = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE export_download_link SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
        [id],
      ),
    );
    return consumed.length > 0;
  }

  /** The live session of an active user that a refresh token belongs to, with the token's hash. */
  async findRefreshSession(tokenId: string): Promise<{ sessionId: string; tokenHash: string } | undefined> {
    const [row]: Array<{ sessionId: string; tokenHash: string }> = await this.dataSource.query(
      `SELECT s.id AS "sessionId", rt.token_hash AS "tokenHash" FROM refresh_token rt JOIN user_session s ON s.id = rt.session_id
       JOIN app_user u ON u.id = s.user_id
       WHERE rt.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
      [tokenId],
    );
    return row;
  }

  // ---- Open data ----

  /** Each closed round's latest published pack of the given format version. */
  openDataPacks(formatVersion: number): Promise<OpenDataRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (j.published_consultation_id) j.published_consultation_id AS "consultationId", k.title, ${isoTimestamp('k.closes_at')} AS "closesAt",
                ${isoTimestamp('j.finished_at')} AS "publishedAt", j.file_name AS "fileName", j.size_bytes::int AS "sizeBytes", j.sha256, j.row_counts AS "rowCounts"
         FROM export_job j JOIN consultation k ON k.id = j.published_consultation_id
         WHERE j.status = 'done' AND k.status IN ('closed', 'archived') AND j.format_version = $1
         ORDER BY j.published_consultation_id, j.finished_at DESC`,
      [formatVersion],
    );
  }

  /** The latest published pack of a closed round, of the given format version. */
  async latestOpenDataJob(consultationId: string, formatVersion: number): Promise<JobRow | undefined> {
    const [row]: JobRow[] = await this.dataSource.query(
      `SELECT ${JOB_COLUMNS} FROM export_job j JOIN consultation k ON k.id = j.published_consultation_id
       WHERE j.published_consultation_id = $1 AND j.status = 'done' AND k.status IN ('closed', 'archived') AND j.format_version = $2
       ORDER BY j.finished_at DESC LIMIT 1`,
      [consultationId, formatVersion],
    );
    return row;
  }
}
