import type { ExportFilters, ExportPrivacy, StakeholderType } from '@compact-voices/contracts';
import { DATASETS, MIN_CELL, TABLE_DATASETS, columnsFor } from './datasets.js';

/**
 * The codebook: every file and every column of a pack (or of one dataset) with its type and meaning,
 * and the stakeholder type codes the files use (the catalogue's, in its order).
 */
export function codebookMarkdown(privacy: ExportPrivacy, stakeholderTypes: readonly StakeholderType[]): string {
  const parts = [
    '# Codebook — Compact Voices consultation export',
    '',
    `Privacy level: **${privacy}**. Text files are UTF-8 CSV (RFC 4180: comma-separated, CRLF record ends, a header row; fields with commas, quotes or line breaks in double quotes). Empty cells are missing or withheld values. Timestamps are UTC, ISO 8601. Country codes are ISO 3166-1 alpha-3. A text cell that a spreadsheet would read as a formula starts with an apostrophe (').`,
    '',
    '## Published figures and the perception gap',
    '',
    `Rating figures are published per cell (round × recommendation × country) and only when at least ${MIN_CELL} people who gave a score stand behind each number; "don't know" answers are counted apart and shown only when at least ${MIN_CELL} people gave them. A rating counts once its account is verified and old enough (a day by default). A cell's figures change only in releases that add or withdraw at least ${MIN_CELL} ratings at a time, so two releases never differ by one person; a changed rating may therefore keep its earlier value in the figures for a while. Stakeholder types publish the number of people and the median only.`,
    '',
    'The perception gap of a cell is median(government side) − median(civil-society side), with a 95% interval from 2,000 bootstrap resamples. The government side is the ratings given for a government or local-authority organisation that the secretariat verified **and that belongs to the rated country**; a ministry of one country rating another counts on neither side. The civil-society side is migrant organisations, civil-society organisations, trade unions and people in their own name — migrants speaking for themselves, returned migrants, family members of migrants and other individuals — rating that country. A gap pooled over several countries (a recommendation across a round, the dashboard) is the mean of the published per-country gaps — never one pool of ministries against one pool of civil society — and its interval combines the per-country intervals (each read as ±1.96 standard errors) as for a mean of independent estimates.',
    '',
    '## Stakeholder types',
    '',
    'The codes of `author_stakeholder_type`, `rater_stakeholder_type`, `rater_group` (besides `all`) and `stakeholder_type`: the type a person commented or rated as — their organisation’s type when they acted for one, else the type they chose for themselves. `side` is the side of the perception gap a type belongs to (a government-side rating counts only as the above says). A comment or rating keeps the type it was made as.',
    '',
    '| code | label | side |',
    '|---|---|---|',
    ...stakeholderTypes.map((type) => `| \`${type.code}\` | ${type.label.replace(/\|/g, '\\|')} | ${type.side} |`),
    '',
  ];
  for (const name of TABLE_DATASETS) {
    const spec = DATASETS[name];
    parts.push(
      `## ${name}.csv — ${spec.title}`,
      '',
      spec.description,
      '',
      `What it joins to${privacy === 'public' ? '' : ' (its public version)'}: ${spec.joins}`,
      '',
      '| column | type | meaning |',
      '|---|---|---|',
    );
    for (const column of columnsFor(spec, privacy))
      parts.push(`| \`${column.name}\` | ${column.type} | ${column.description.replace(/\|/g, '\\|')} |`);
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
}): string {
  const filters = Object.entries(input.filters).filter(([, value]) => value !== undefined && value !== '');
  return `# Compact Voices — consultation export pack

Stakeholder views on the implementation of the 32 recommendations of chapter 7 of the Asia-Pacific
Migration Report 2020, under the 10 guiding principles and 23 objectives of the Global Compact for
Safe, Orderly and Regular Migration.

- Export: ${input.exportId}, requested ${input.createdAt}
- Privacy level: ${input.privacy}${input.privacy === 'public' ? ` — authors appear only as keys valid within this export and dataset, a protected person's comments never sharing a key with their public ones; no e-mail addresses, account identifiers, internal identifiers of comments or ratings, or network addresses; ratings appear only as the published figures of each cell (at least ${MIN_CELL} people behind every figure, changing only in batches of at least ${MIN_CELL}); no rating evidence; the text of moderated comments is withheld but the rows stay, with their status and rule. The codebook says what each file joins to.` : ' — includes account identifiers, display names and rating evidence; handle as personal data.'}
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
