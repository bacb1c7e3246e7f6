import type { StakeholderType } from '@compact-voices/contracts';
import { csvField, neutraliseFormula } from './table-writers.js';
import { codebookMarkdown } from './codebook.js';
import { DATASETS, TABLE_DATASETS, columnsFor } from './datasets.js';
import { inlineParameters } from './export-reader.js';
import { csvProjection } from './copy-writer.js';
import { safeFileStem } from './export-runner.service.js';
import { plainText } from './report.service.js';

describe('spreadsheet safety: no cell is read as a formula', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['+1', "'+1"],
    ['   =1+1', "'   =1+1"],
    [' \t@x', "' \t@x"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    ['\0NUL', "'\0NUL"],
    ['plain text', 'plain text'],
    ['a-b = c', 'a-b = c'],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('quotes fields by RFC 4180 and leaves numbers and booleans alone', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField(-2)).toBe('-2');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
  });
});

describe('codebook', () => {
  const types: StakeholderType[] = [
    { code: 'individual', label: 'Individual', side: 'civil-society' },
    { code: 'migrant', label: 'Migrant (speaking for myself)', side: 'civil-society' },
    { code: 'other', label: 'Other | none of these', side: 'other' },
  ];

  it('documents every column of every dataset at both privacy levels', () => {
    for (const privacy of ['public', 'full'] as const) {
      const codebook = codebookMarkdown(privacy, types);
      for (const name of TABLE_DATASETS) {
        expect(codebook).toContain(`## ${name}.csv`);
        for (const column of columnsFor(DATASETS[name], privacy)) expect(codebook).toContain(`| \`${column.name}\` | ${column.type} |`);
      }
    }
    expect(codebookMarkdown('public', types)).not.toContain('author_account_id');
  });

  it('lists the stakeholder type codes in the order given, with label and side, a table cell never broken by a |', () => {
    const codebook = codebookMarkdown('public', types);
    const section = codebook.slice(codebook.indexOf('## Stakeholder types'), codebook.indexOf('## comments.csv'));
    expect(section.split('\n').filter((line) => line.startsWith('| `'))).toEqual([
      '| `individual` | Individual | civil-society |',
      '| `migrant` | Migrant (speaking for myself) | civil-society |',
      '| `other` | Other \\| none of these | other |',
    ]);
  });

  it('selects every column of its privacy level, by name, in order', () => {
    for (const name of TABLE_DATASETS) {
      for (const privacy of ['public', 'full'] as const) {
        const columns = columnsFor(DATASETS[name], privacy);
        const { sql } = DATASETS[name].query({ consultationId: '00000000-0000-4000-8000-000000000000', countryIso3: 'NPL' }, privacy, 'ab');
        for (const column of columns) {
          expect(sql).toMatch(new RegExp(`(AS|[.,\\s])${column.name}\\b`));
          expect(csvProjection(columns)).toContain(`t."${column.name}"`);
        }
      }
    }
  });
});

describe('COPY parameters', () => {
  it('inlines parameters as quoted literals, highest numbers first', () => {
    const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
    expect(
      inlineParameters('a = $1 AND b = $10 AND c = $2 AND d = $3', ['x', "o'neil", 7, null, null, null, null, null, null, 'ten'], quote),
    ).toBe("a = 'x' AND b = 'ten' AND c = 'o''neil' AND d = 7");
  });
});

describe('file names: ASCII only, safe in a header and a path', () => {
  it.each([
    ['Review "2027"\r\n../../etc/passwd', 'review-2027-etc-passwd'],
    ['Kajian \u202Egpj.exe', 'kajian-gpj-exe'],
    ['جائزہ', 'compact-voices'],
    ['Évaluation régionale', 'evaluation-regionale'],
  ])('%j → %j', (title, stem) => {
    expect(safeFileStem(title)).toBe(stem);
  });
});

describe('report text: nothing in a comment can fetch or run anything', () => {
  it('prints comments as plain text: no markup, images or frames survive', () => {
    expect(
      plainText(
        'See <img src=http://169.254.169.254/x> and <iframe src="//evil"></iframe> **bold** ![x](http://evil/x.png) [ILO](https://ilo.org)',
      ),
    ).toBe('See and bold ILO (https://ilo.org)');
  });
});
