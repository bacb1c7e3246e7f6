import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LATER_SECTIONS, splitLocale } from './parts';

const english = JSON.parse(readFileSync(fileURLToPath(new URL('./en/translation.json', import.meta.url)), 'utf8')) as Record<
  string,
  unknown
>;

describe('language file parts', () => {
  it('splits a language file into two parts that together are the whole file, each section in one', () => {
    const first = splitLocale(english, 'first');
    const later = splitLocale(english, 'later');
    expect(Object.keys(first).filter((section) => section in later)).toEqual([]);
    expect({ ...first, ...later }).toEqual(english);
    expect(Object.keys(later).sort()).toEqual([...LATER_SECTIONS].sort());
  });

  it('names only sections that exist, and keeps in the first part what a reader’s pages show', () => {
    expect(LATER_SECTIONS.filter((section) => !(section in english))).toEqual([]);
    const first = splitLocale(english, 'first');
    for (const section of ['app', 'nav', 'errors', 'thread', 'comment', 'ratings', 'recommendation', 'home', 'auth', 'openRounds']) {
      expect(first).toHaveProperty(section);
    }
  });
});
