import type { ExportFilters, ExportPrivacy, LocaleCode, StakeholderType } from '@compact-voices/contracts';
import { DATASETS, MIN_CELL, TABLE_DATASETS, columnsFor } from './datasets.js';
import { datasetText, fill, packText } from './pack-text.js';

const cell = (value: string) => value.replace(/\|/g, '\\|');

/**
 * The codebook: every file and every column of a pack (or of one dataset) with its type and meaning,
 * and the stakeholder type codes the files use (the catalogue's, in its order), in the requester's
 * language (pack-text.ts). Column names, types and codes are the same in every language.
 */
export function codebookMarkdown(privacy: ExportPrivacy, stakeholderTypes: readonly StakeholderType[], locale: LocaleCode = 'en'): string {
  const words = packText(locale);
  const { codebook } = words;
  const parts = [
    `# ${codebook.title}`,
    '',
    fill(codebook.privacy, { privacy }),
    '',
    `## ${codebook.figuresHeading}`,
    '',
    fill(codebook.figures, { min: MIN_CELL }),
    '',
    codebook.gap,
    '',
    `## ${codebook.typesHeading}`,
    '',
    codebook.types,
    '',
    `| ${codebook.typesColumns.join(' | ')} |`,
    '|---|---|---|',
    // English is the catalogue's own label; a translation where there is one.
    ...stakeholderTypes.map(
      (type) =>
        `| \`${type.code}\` | ${cell((locale === 'en' ? undefined : words.stakeholderTypes[type.code]) ?? type.label)} | ${type.side} |`,
    ),
    '',
  ];
  for (const name of TABLE_DATASETS) {
    const spec = DATASETS[name];
    const text = datasetText(name, locale);
    parts.push(
      `## ${name}.csv — ${text.title}`,
      '',
      text.description,
      '',
      fill(privacy === 'public' ? codebook.joins : codebook.joinsFull, { joins: text.joins }),
      '',
      `| ${codebook.columns.join(' | ')} |`,
      '|---|---|---|',
    );
    const publicColumns = privacy === 'public' && spec.publicColumns ? text.publicColumns : undefined;
    for (const column of columnsFor(spec, privacy)) {
      const meaning = (publicColumns ?? text.columns)[column.name] ?? column.description;
      parts.push(`| \`${column.name}\` | ${column.type} | ${cell(meaning)} |`);
    }
    parts.push('');
  }
  return `${parts.join('\n')}\n`;
}

export function packReadme(input: {
  exportId: string;
  createdAt: string;
  privacy: ExportPrivacy;
  filters: ExportFilters;
  counts: Record<string, number>;
  locale?: LocaleCode;
}): string {
  const { readme } = packText(input.locale ?? 'en');
  const filters = Object.entries(input.filters).filter(([, value]) => value !== undefined && value !== '');
  const lines = [
    `# ${readme.title}`,
    '',
    readme.intro,
    '',
    `- ${fill(readme.export, { id: input.exportId, date: input.createdAt })}`,
    `- ${fill(input.privacy === 'public' ? readme.privacyPublic : readme.privacyFull, { min: MIN_CELL })}`,
    `- ${fill(readme.filters, { filters: filters.length ? filters.map(([key, value]) => `${key} = ${String(value)}`).join('; ') : readme.filtersNone })}`,
    '',
    `## ${readme.filesHeading}`,
    '',
    `| ${readme.filesColumns.join(' | ')} |`,
    '|---|---|',
    ...Object.entries(input.counts).map(([name, count]) => `| ${name}.csv | ${count} |`),
    `| codebook.md | ${readme.codebookFile} |`,
    `| manifest.sha256 | ${readme.manifestFile} |`,
    '',
    readme.reconcile,
  ];
  return `${lines.join('\n')}\n`;
}
