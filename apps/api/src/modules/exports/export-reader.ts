import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';

export const FETCH_SIZE = 5_000;

/** How an export reads the database: plain queries, and big results page by page. */
export interface ExportReader {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  pages(sql: string, params: unknown[]): AsyncGenerator<Array<Record<string, unknown>>>;
  /** PostgreSQL only: `COPY (sql) TO STDOUT …` as a byte stream, in the same snapshot. */
  copyOut?(sql: string, params: unknown[], options: string): Readable;
  close(): Promise<void>;
}

interface PgClient {
  query(stream: unknown): Readable;
  escapeLiteral(value: string): string;
}

/** COPY takes no bind parameters: inline them as properly quoted literals (values were validated, and quoting is the driver's). */
export function inlineParameters(sql: string, params: unknown[], quote: (value: string) => string): string {
  return sql.replace(/\$(\d+)/g, (match, index: string) => {
    const value = params[Number(index) - 1];
    if (value === undefined) return match;
    if (value === null) return 'NULL';
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return quote(String(value));
  });
}

/**
 * PostgreSQL: one connection in one REPEATABLE READ, read-only transaction for the whole export,
 * so every file of a pack sees the same moment; a server-side cursor streams rows.
 */
export async function snapshotReader(dataSource: DataSource): Promise<ExportReader> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PgClient;
  await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  // A background export may take minutes; the API's per-statement limit is for requests.
  await runner.query('SET LOCAL statement_timeout = 0');
  return {
    query: (sql, params) => runner.query(sql, params),
    copyOut: (sql, params, options) =>
      client.query(copyTo(`COPY (${inlineParameters(sql, params, (value) => client.escapeLiteral(value))}) TO STDOUT WITH (${options})`)),
    async *pages(sql, params) {
      const cursor = `export_${randomUUID().replace(/-/g, '')}`;
      await runner.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
      try {
        for (;;) {
          const page: Array<Record<string, unknown>> = await runner.query(`FETCH ${FETCH_SIZE} FROM ${cursor}`);
          if (page.length > 0) yield page;
          if (page.length < FETCH_SIZE) break;
        }
      } finally {
        await runner.query(`CLOSE ${cursor}`).catch(() => undefined);
      }
    },
    async close() {
      await runner.query('COMMIT').catch(() => undefined);
      await runner.release();
    },
  };
}

/**
 * The embedded database has a single connection the whole app shares: an export must not hold it.
 * Its cursor is declared WITH HOLD (materialised when its short transaction commits) and each page
 * is fetched on its own, so requests are served in between.
 */
export function embeddedReader(dataSource: DataSource): ExportReader {
  return {
    query: (sql, params) => dataSource.query(sql, params),
    async *pages(sql, params) {
      const cursor = `export_${randomUUID().replace(/-/g, '')}`;
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query('BEGIN');
        await runner.query('SET LOCAL statement_timeout = 0');
        await runner.query(`DECLARE ${cursor} NO SCROLL CURSOR WITH HOLD FOR ${sql}`, params);
        await runner.query('COMMIT');
      } finally {
        await runner.release();
      }
      try {
        for (;;) {
          const page: Array<Record<string, unknown>> = await dataSource.query(`FETCH ${FETCH_SIZE} FROM ${cursor}`);
          if (page.length > 0) yield page;
          if (page.length < FETCH_SIZE) break;
        }
      } finally {
        await dataSource.query(`CLOSE ${cursor}`).catch(() => undefined);
      }
    },
    async close() {
      // Nothing held between pages.
    },
  };
}
