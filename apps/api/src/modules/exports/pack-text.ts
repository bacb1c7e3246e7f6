import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { LOCALES, type LocaleCode } from '@compact-voices/contracts';
import { DATASETS, type TableDataset } from './datasets.js';

/**
 * The words of a pack's README and codebook in each interface language (./pack-text/<code>.json):
 * the requester reads the pack in their language. Column names, codes and data values stay as they
 * are; only what explains them is translated. English is en.json, and for the datasets the specs
 * themselves (datasets.ts); a translation file also translates every dataset's texts.
 */
const text = () => z.string().min(1);
const datasetTextSchema = z.strictObject({
  title: text(),
  description: text(),
  joins: text(),
  columns: z.record(z.string(), text()),
  publicColumns: z.record(z.string(), text()).optional(),
});
const packTextFile = z.strictObject({
  language: z.enum(LOCALES.map((locale) => locale.code) as [LocaleCode, ...LocaleCode[]]),
  codebook: z.strictObject({
    title: text(),
    privacy: text(),
    figuresHeading: text(),
    figures: text(),
    gap: text(),
    typesHeading: text(),
    types: text(),
    typesColumns: z.tuple([text(), text(), text()]),
    joins: text(),
    joinsFull: text(),
    columns: z.tuple([text(), text(), text()]),
  }),
  readme: z.strictObject({
    title: text(),
    intro: text(),
    export: text(),
    privacyPublic: text(),
    privacyFull: text(),
    filters: text(),
    filtersNone: text(),
    filesHeading: text(),
    filesColumns: z.tuple([text(), text()]),
    codebookFile: text(),
    manifestFile: text(),
    reconcile: text(),
  }),
  stakeholderTypes: z.record(z.string(), text()),
  datasets: z.record(z.string(), datasetTextSchema).optional(),
});
export type PackText = z.infer<typeof packTextFile>;
export type DatasetText = z.infer<typeof datasetTextSchema>;

function load(): Map<LocaleCode, PackText> {
  const dir = new URL('./pack-text/', import.meta.url);
  const files = new Map<LocaleCode, PackText>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const parsed = packTextFile.parse(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    files.set(parsed.language, parsed);
  }
  return files;
}

let files: Map<LocaleCode, PackText> | undefined;

/** Every language's pack text, read and checked once. */
export function packTexts(): ReadonlyMap<LocaleCode, PackText> {
  files ??= load();
  return files;
}

/** The pack text in `locale`, English where that language has none. */
export function packText(locale: LocaleCode = 'en'): PackText {
  return packTexts().get(locale) ?? packTexts().get('en')!;
}

/** A dataset's title, description, joins and column meanings in `locale`; English from the spec itself. */
export function datasetText(name: TableDataset, locale: LocaleCode = 'en'): DatasetText {
  const translated = packText(locale).datasets?.[name];
  if (translated) return translated;
  const spec = DATASETS[name];
  return {
    title: spec.title,
    description: spec.description,
    joins: spec.joins,
    columns: Object.fromEntries(spec.columns.map((column) => [column.name, column.description])),
    ...(spec.publicColumns
      ? { publicColumns: Object.fromEntries(spec.publicColumns.map((column) => [column.name, column.description])) }
      : {}),
  };
}

/** "{{min}} people" with its values. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
