import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { ColumnSpec } from './datasets.js';

/**
 * Spreadsheet formula injection: a text cell that a spreadsheet would read as a formula
 * (starting with = + - @, or a tab, carriage return or NUL — also after leading spaces) gets a
 * leading apostrophe, so it stays text.
 */
export function neutraliseFormula(text: string): string {
  return /^[\t\r\0]/.test(text) || /^\s*[=+\-@]/.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface TableWriter {
  header(columns: ColumnSpec[]): Promise<void>;
  row(values: unknown[]): Promise<void>;
  end(): Promise<void>;
}

/** Buffered writes that wait when the file stream says so (bounded memory). */
class StreamSink {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly stream: WriteStream) {}

  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export function csvWriter(path: string, options: { bom: boolean }): TableWriter {
  const sink = new StreamSink(createWriteStream(path));
  return {
    async header(columns) {
      await sink.write(`${options.bom ? '\uFEFF' : ''}${columns.map((column) => csvField(column.name)).join(',')}\r\n`);
    },
    async row(values) {
      await sink.write(`${values.map(csvField).join(',')}\r\n`);
    },
    end: () => sink.end(),
  };
}

export function ndjsonWriter(path: string): TableWriter {
  const sink = new StreamSink(createWriteStream(path));
  let names: string[] = [];
  return {
    async header(columns) {
      names = columns.map((column) => column.name);
    },
    async row(values) {
      const record: Record<string, unknown> = {};
      names.forEach((name, index) => (record[name] = values[index] ?? null));
      await sink.write(`${JSON.stringify(record)}\n`);
    },
    end: () => sink.end(),
  };
}

/** XLSX through ExcelJS's streaming writer: rows are committed as they come; text never becomes a formula. */
export function xlsxWriter(path: string, sheetName: string): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  workbook.creator = 'Compact Voices';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  let count = 0;
  return {
    async header(columns) {
      sheet.addRow(columns.map((column) => column.name)).commit();
    },
    async row(values) {
      sheet
        .addRow(
          values.map((value) =>
            typeof value === 'string' ? neutraliseFormula(value) : typeof value === 'bigint' ? Number(value) : (value ?? null),
          ),
        )
        .commit();
      // Let the file stream drain now and then.
      if (++count % 5_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
