import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ColumnSpec } from './datasets.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CRLF = Buffer.from('\r\n');
const REPORT_EVERY = 5_000;

/** The SQL twin of `neutraliseFormula` for text columns (PostgreSQL text holds no NUL). */
export function neutraliseSql(column: string): string {
  return `CASE WHEN ${column} ~ '^([\\t\\r]|\\s*[-=+@])' THEN '''' || ${column} ELSE ${column} END`;
}

/** The final projection for `COPY … (FORMAT csv)`: spreadsheet-safe text, booleans as true/false. */
export function csvProjection(columns: ColumnSpec[]): string {
  return columns
    .map(({ name, type }) => {
      const column = `t."${name}"`;
      if (type === 'text') return neutraliseSql(column);
      if (type === 'boolean') return `${column}::text`;
      return column;
    })
    .join(', ');
}

/** One JSON object per row, keys in column order (the dataset query selects exactly its columns). */
export function ndjsonProjection(): string {
  return 'row_to_json(t)::text';
}

/**
 * Streams COPY output to a file after `prefix` (BOM and header), counting records as they pass:
 * CSV record ends (line feeds outside quotes) become CRLF as RFC 4180 asks; NDJSON passes as is.
 * Progress is reported between chunks, and a rejected report (cancellation) stops the copy.
 */
export async function copyToFile(
  source: Readable,
  path: string,
  options: { prefix: string; csv: boolean; onRecords: (records: number) => Promise<void> },
): Promise<number> {
  let records = 0;
  let reported = 0;
  let inQuotes = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let out: Buffer = chunk;
      if (options.csv) {
        const parts: Buffer[] = [];
        let from = 0;
        for (let i = 0; i < chunk.length; i++) {
          const byte = chunk[i];
          if (byte === QUOTE) inQuotes = !inQuotes;
          else if (byte === LF && !inQuotes) {
            records++;
            parts.push(chunk.subarray(from, i), CRLF);
            from = i + 1;
          }
        }
        parts.push(chunk.subarray(from));
        out = Buffer.concat(parts);
      } else {
        for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) records++;
      }
      if (records - reported >= REPORT_EVERY) {
        reported = records;
        options.onRecords(records).then(
          () => callback(null, out),
          (error: Error) => callback(error),
        );
      } else {
        callback(null, out);
      }
    },
  });
  const file = createWriteStream(path);
  file.write(options.prefix);
  await pipeline(source, counter, file);
  return records;
}
