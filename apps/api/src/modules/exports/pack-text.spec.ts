import { LOCALES } from '@compact-voices/contracts';
import { readFileSync } from 'node:fs';
import { codebookMarkdown, packReadme } from './codebook.js';
import { DATASETS, TABLE_DATASETS, columnsFor } from './datasets.js';
import { packTexts } from './pack-text.js';

const stakeholderTypes = JSON.parse(readFileSync(new URL('../catalogue/data/stakeholder-types.json', import.meta.url), 'utf8')) as Array<{
  code: string;
  label: string;
  side: 'government' | 'civil-society' | 'other';
}> as Parameters<typeof codebookMarkdown>[1];

describe('pack text (README and codebook in every interface language)', () => {
  it('has one file per interface language', () => {
    expect([...packTexts().keys()].sort()).toEqual(LOCALES.map((locale) => locale.code).sort());
  });

  it.each(LOCALES.filter((locale) => locale.code !== 'en').map((locale) => locale.code))(
    '%s translates every dataset and column, and every type',
    (code) => {
      const file = packTexts().get(code)!;
      expect(Object.keys(file.datasets ?? {}).sort()).toEqual([...TABLE_DATASETS].sort());
      for (const name of TABLE_DATASETS) {
        const spec = DATASETS[name];
        expect(Object.keys(file.datasets![name]!.columns).sort()).toEqual(spec.columns.map((column) => column.name).sort());
        expect(Object.keys(file.datasets![name]!.publicColumns ?? {}).sort()).toEqual(
          (spec.publicColumns ?? []).map((column) => column.name).sort(),
        );
      }
      expect(Object.keys(file.stakeholderTypes).sort()).toEqual(stakeholderTypes.map((type) => type.code).sort());
    },
  );

  it.each(LOCALES.map((locale) => locale.code))('%s: a codebook with every column of every file, nothing left to fill in', (code) => {
    for (const privacy of ['public', 'full'] as const) {
      const codebook = codebookMarkdown(privacy, stakeholderTypes, code);
      expect(codebook).not.toMatch(/\{\{\w+\}\}/);
      for (const name of TABLE_DATASETS)
        for (const column of columnsFor(DATASETS[name], privacy)) expect(codebook).toContain(`| \`${column.name}\` | ${column.type} |`);
      for (const type of stakeholderTypes) expect(codebook).toContain(`| \`${type.code}\` |`);
    }
    const readme = packReadme({
      exportId: 'e-1',
      createdAt: '2026-12-03T00:00:00.000Z',
      privacy: 'public',
      filters: {},
      counts: { comments: 3 },
      locale: code,
    });
    expect(readme).not.toMatch(/\{\{\w+\}\}/);
    expect(readme).toContain('e-1');
    expect(readme).toContain('| comments.csv | 3 |');
  });

  it('keeps the English template’s type labels those of the catalogue (translators copy it)', () => {
    expect(packTexts().get('en')!.stakeholderTypes).toEqual(Object.fromEntries(stakeholderTypes.map((type) => [type.code, type.label])));
  });

  it('is the same codebook in English as before the translations', () => {
    const codebook = codebookMarkdown('public', stakeholderTypes, 'en');
    expect(codebook.startsWith('# Codebook — Compact Voices consultation export\n')).toBe(true);
    expect(codebook).toContain('| `migrant` | Migrant (speaking for myself) | civil-society |');
    expect(codebook).toContain(`## comments.csv — ${DATASETS.comments.title}`);
  });
});
