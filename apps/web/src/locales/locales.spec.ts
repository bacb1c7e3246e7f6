import { LOCALES } from '@compact-voices/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const localesDir = fileURLToPath(new URL('.', import.meta.url));
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function readLocale(code: string): Tree {
  return JSON.parse(readFileSync(join(localesDir, code, 'translation.json'), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [childPath, childValue] of flatten(value, path)) entries.set(childPath, childValue);
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

/**
 * English's keys as the given language must spell them: a plural key (`x_one`, `x_other`) becomes
 * one key per CLDR plural category of that language (Indonesian: `x_other`; Urdu: `x_one`, `x_other`).
 */
function expectedKeys(englishKeys: Iterable<string>, locale: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of englishKeys) {
    if (PLURAL_SUFFIX.test(key)) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const category of categories) keys.add(`${base}_${category}`);
    } else {
      keys.add(key);
    }
  }
  return [...keys].sort();
}

const english = flatten(readLocale('en'));

/**
 * Words a language writes exactly as English does (loanwords, product names), by key. Any other
 * value equal to its English text is taken for a string nobody translated. Names and codes that
 * stay in Latin script everywhere (the brand, file formats) never count as untranslated.
 */
const SAME_AS_ENGLISH: Partial<Record<string, readonly string[]>> = {
  id: [
    'nav.menu',
    'footer.dataNavLabel',
    'stakeholderTypes.media',
    'roles.moderator',
    'roles.admin',
    'organisations.statusLabel',
    'members.adminRole',
    'ratings.median',
    'appeals.statusLabel',
    'moderation.historyStatus',
    'exportFormats.xlsx',
    'exports.format',
    'exports.statusLabel',
  ],
  ur: ['exportFormats.xlsx'],
  fil: ['nav.dashboard', 'footer.dashboard', 'roles.moderator', 'dashboard.heading', 'exportFormats.xlsx'],
};
const NEVER_TRANSLATED = /Compact Voices|\b(GCM|CSV|PDF|JSON|NDJSON|XLSX|ZIP|SHA-256|URL|API)\b/g;

/** Whether a text has words to translate once placeholders and names that stay in Latin script are taken out. */
function hasWords(text: string): boolean {
  return /\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, '').replace(NEVER_TRANSLATED, ''));
}

describe('locale files', () => {
  it('exist for exactly the languages in LOCALES', () => {
    const folders = readdirSync(localesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(LOCALES.map((locale) => locale.code).sort());
  });

  it('use a plural key for English only with both of its forms', () => {
    expect(expectedKeys(english.keys(), 'en')).toEqual([...english.keys()].sort());
  });

  describe.each(LOCALES.map((locale) => locale.code))('%s', (code) => {
    const entries = flatten(readLocale(code));

    it('has exactly the keys of English (plural forms per its own plural rules)', () => {
      const actual = [...entries.keys()].sort();
      const expected = expectedKeys(english.keys(), code);
      expect({ missing: expected.filter((key) => !entries.has(key)), extra: actual.filter((key) => !expected.includes(key)) }).toEqual({
        missing: [],
        extra: [],
      });
    });

    it('has no empty or non-string value', () => {
      const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect(bad).toEqual([]);
    });

    if (code !== 'en') {
      it('leaves no text untranslated (equal to English) but its listed loanwords', () => {
        const allowed = new Set(SAME_AS_ENGLISH[code] ?? []);
        const untranslated = [...entries]
          .filter(([key, value]) => typeof value === 'string' && value === english.get(key) && hasWords(value) && !allowed.has(key))
          .map(([key]) => key);
        expect(untranslated).toEqual([]);
      });

      it('lists as loanwords only keys that exist and are equal to English', () => {
        const stale = (SAME_AS_ENGLISH[code] ?? []).filter((key) => entries.get(key) !== english.get(key));
        expect(stale).toEqual([]);
      });
    }

    it('keeps every {{placeholder}} of the English text', () => {
      const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((match) => match[1]).sort();
      const mismatched = [...entries]
        .filter(([key, value]) => {
          const englishKey = english.has(key) ? key : key.replace(PLURAL_SUFFIX, '_other');
          const source = english.get(englishKey);
          return typeof source === 'string' && typeof value === 'string' && placeholders(source).join() !== placeholders(value).join();
        })
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    });
  });
});
