import type { Readable } from 'node:stream';
import type { LocaleCode } from '@compact-voices/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  ExportDataset,
  ExportFilters,
  ExportFormat,
  ExportJob,
  ExportPrivacy,
  OpenDataPack,
  ExportStatus,
} from '@compact-voices/contracts';
import { rowsOf } from '../../core/database/query-result.js';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';
import { embeddedReader, snapshotReader, type ExportReader } from './export-reader.js';

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
  /** The language of the README and codebook. */
  locale: LocaleCode;
}

/** A download link as consuming it reads it. */
export interface DownloadLinkRow {
  id: string;
  exportId: string;
  sessionId: string;
  usable: boolean;
}

/** A published open-data pack of a closed round, as stored: the public pack without its download links. */
export type OpenDataRow = Omit<OpenDataPack, 'downloadUrl' | 'codebookUrl' | 'rowCounts'> & { rowCounts: Record<string, number> | null };

/** An export job as the runner reads it when it starts the job. */
export interface RunningJob {
  id: string;
  requestedBy: string | null;
  dataset: ExportDataset;
  format: ExportFormat;
  privacy: ExportPrivacy;
  filters: ExportFilters;
  bom: boolean;
  status: ExportStatus;
  pseudonymSeed: string;
  createdAt: string;
  publishedConsultationId: string | null;
  locale: LocaleCode;
}

/** A dataset's whole query, as its spec writes it (datasets.ts). */
export interface DatasetQuery {
  sql: string;
  params: unknown[];
}

/** What a finished export wrote. */
export interface ExportResult {
  rowCount: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /** Rows per dataset of a pack, as JSON text (null for a single dataset). */
  rowCounts: string | null;
}

/**
 * The SQL of export requests, their runs, download links and open-data packs; statements that must
 * share a transaction take its `EntityManager`.
 */
@Injectable()
export class ExportsRepository extends SqlRepository {
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
      `INSERT INTO export_job (requested_by, session_id, dataset, format, privacy, filters, bom, published_consultation_id, pseudonym_seed, format_version, locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
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
        job.locale,
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

  // ---- Runs ----

  /** Marks a queued (or interrupted) job running and returns it; undefined when it is no longer to run. */
  async start(id: string): Promise<RunningJob | undefined> {
    const [job] = rowsOf<RunningJob>(
      await this.dataSource.query(
        `UPDATE export_job SET status = 'running', started_at = COALESCE(started_at, now()), progress = 0
       WHERE id = $1 AND status IN ('queued', 'running')
       RETURNING id, requested_by AS "requestedBy", dataset, format, privacy, filters, bom, status, pseudonym_seed AS "pseudonymSeed",
                 to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", published_consultation_id AS "publishedConsultationId", locale`,
        [id],
      ),
    );
    return job;
  }

  /** Records a running job's file; false when it is no longer running (it was cancelled). */
  async finish(id: string, result: ExportResult): Promise<boolean> {
    const [done] = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE export_job SET status = 'done', progress = 1, row_count = $2, file_name = $3, size_bytes = $4, sha256 = $5, row_counts = $6, finished_at = now()
         WHERE id = $1 AND status = 'running' RETURNING id`,
        [id, result.rowCount, result.fileName, result.sizeBytes, result.sha256, result.rowCounts],
      ),
    );
    return Boolean(done);
  }

  /** A running job failed with this stable code. */
  async fail(id: string, code: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE export_job SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'running'`,
      [id, code],
    );
  }

  /** A job's status; undefined when there is no such job. */
  async status(id: string): Promise<ExportStatus | undefined> {
    const [state]: Array<{ status: ExportStatus }> = await this.dataSource.query(`SELECT status FROM export_job WHERE id = $1`, [id]);
    return state?.status;
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.dataSource.query(`UPDATE export_job SET progress = $2 WHERE id = $1 AND status = 'running'`, [id, progress]);
  }

  /** A round's title; undefined when there is no such round. */
  async consultationTitle(consultationId: string): Promise<string | undefined> {
    const [round]: Array<{ title: string }> = await this.dataSource.query(`SELECT title FROM consultation WHERE id = $1`, [consultationId]);
    return round?.title;
  }

  /**
   * How an export reads the database: on PostgreSQL one REPEATABLE READ snapshot on a connection of
   * its own; on the embedded database, which has one connection, page by page without holding it.
   */
  async reader(embedded: boolean): Promise<ExportReader> {
    return embedded ? embeddedReader(this.dataSource) : snapshotReader(this.dataSource);
  }

  // ---- Reading a dataset, in the export's reader ----

  /** How many rows the dataset's query returns. */
  async countRows(reader: ExportReader, { sql, params }: DatasetQuery): Promise<number> {
    const [row] = await reader.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) counted`, params);
    return row?.n ?? 0;
  }

  /**
   * The dataset's rows written by the server itself (COPY), each as its `projection`: CSV, or with
   * `csv` false NDJSON (one JSON text per line, COPY's quoting turned off). Undefined when the
   * reader cannot COPY (the embedded database).
   */
  copyRows(reader: ExportReader, { sql, params }: DatasetQuery, projection: string, csv: boolean): Readable | undefined {
    return reader.copyOut?.(
      `SELECT ${projection} FROM (${sql}) t`,
      params,
      csv ? 'FORMAT csv' : "FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01'",
    );
  }

  /** The dataset's rows, a page at a time. */
  rowPages(reader: ExportReader, { sql, params }: DatasetQuery): AsyncGenerator<Array<Record<string, unknown>>> {
    return reader.pages(sql, params);
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

  // ---- Open-data regeneration (one transaction) ----

  /** Until the transaction ends, one instance at a time regenerates open-data packs. */
  async lockOpenDataRegeneration(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('compact-voices:open-data-regeneration'))`);
  }

  /** The published packs of a layout older than `formatVersion`. */
  outdatedOpenDataJobs(manager: EntityManager, formatVersion: number): Promise<Array<{ id: string; consultationId: string }>> {
    return manager.query(
      `SELECT id, published_consultation_id AS "consultationId" FROM export_job
       WHERE published_consultation_id IS NOT NULL AND format_version < $1 AND status = 'done'`,
      [formatVersion],
    );
  }

  /** Withdraws jobs whose packs a newer layout replaces. */
  async supersede(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(`UPDATE export_job SET status = 'failed', error = 'SUPERSEDED' WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * Queues a public pack of a round (`filters`: JSON text) in the given layout; returns its id, or
   * undefined when one in that layout or a newer one is queued, running or done already.
   */
  async queueOpenDataPack(
    manager: EntityManager,
    consultationId: string,
    filters: string,
    pseudonymSeed: string,
    formatVersion: number,
  ): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO export_job (requested_by, session_id, dataset, format, privacy, filters, bom, published_consultation_id, pseudonym_seed, format_version)
         SELECT NULL, NULL, 'pack', 'zip', 'public', $2::jsonb, false, $1, $3, $4
         WHERE NOT EXISTS (SELECT 1 FROM export_job j WHERE j.published_consultation_id = $1 AND j.format_version >= $4 AND j.status IN ('queued', 'running', 'done'))
         RETURNING id`,
      [consultationId, filters, pseudonymSeed, formatVersion],
    );
    return rows[0]?.id;
  }
}
