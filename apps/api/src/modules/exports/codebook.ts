import type { ExportFilters, ExportPrivacy } from '@compact-voices/contracts';
import { DATASETS, MIN_CELL, TABLE_DATASETS, columnsFor } from './datasets.js';

/** The codebook: every file and every column of a pack (or of one dataset) with its type and meaning. */
export function codebookMarkdown(privacy: ExportPrivacy): string {
  const parts = [
    '# Codebook — Compact Voices consultation export',
    '',
    `Privacy level: **${privacy}**. Text files are UTF-8 CSV (RFC 4180: comma-separated, CRLF record ends, a header row; fields with commas, quotes or line breaks in double quotes). Empty cells are missing or withheld values. Timestamps are UTC, ISO 8601. Country codes are ISO 3166-1 alpha-3. A text cell that a spreadsheet would read as a formula starts with an apostrophe (').`,
    '',
  ];
  for (const name of TABLE_DATASETS) {
    const spec = DATASETS[name];
    parts.push(`## ${name}.csv — ${spec.title}`, '', spec.description, '', '| column | type | meaning |', '|---|---|---|');
    for (const column of columnsFor(spec, privacy)) parts.push(`| \`${column.name}\` | ${column.type} | ${column.description.replace(/\|/g, '\\|')} |`);
    parts.push('');
  }
  return `${parts.join('\n')}\n`;
}

export function packReadme(input: { exportId: string; createdAt: string; privacy: ExportPrivacy; filters: ExportFilters; counts: Record<string, number> }): string {
  const filters = Object.entries(input.filters).filter(([, value]) => value !== undefined && value !== '');
  return `# Compact Voices — consultation export pack

Stakeholder views on the implementation of the 32 recommendations of chapter 7 of the Asia-Pacific
Migration Report 2020, under the 10 guiding principles and 23 objectives of the Global Compact for
Safe, Orderly and Regular Migration.

- Export: ${input.exportId}, requested ${input.createdAt}
- Privacy level: ${input.privacy}${input.privacy === 'public' ? ` — authors and raters appear only as pseudonyms valid within this export; no e-mail addresses, account identifiers or network addresses; protected participants are never named; values of cells with fewer than ${MIN_CELL} people are withheld; the text of moderated comments is withheld but the rows stay, with their status and rule.` : ' — includes account identifiers and display names; handle as personal data.'}
- Filters: ${filters.length ? filters.map(([key, value]) => `${key} = ${String(value)}`).join('; ') : 'none (everything)'}

## Files

| file | rows |
|---|---|
${Object.entries(input.counts)
  .map(([name, count]) => `| ${name}.csv | ${count} |`)
  .join('\n')}
| codebook.md | every column of every file, with its meaning |
| manifest.sha256 | SHA-256 of every other file (check with \`sha256sum -c manifest.sha256\`) |

Comments export every comment submitted in the filter, whatever became of it, so counts can be
reconciled with the platform's transparency report.
`;
}
