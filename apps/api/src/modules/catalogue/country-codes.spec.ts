import { readFileSync } from 'node:fs';
import { ISO3_TO_ISO2 } from '@compact-voices/contracts';

const countries = JSON.parse(readFileSync(new URL('./data/countries.json', import.meta.url), 'utf8')) as Array<{
  iso3: string;
  name: string;
}>;

describe('ISO3_TO_ISO2 (country names in every language come from it)', () => {
  it('has a two-letter code for exactly the catalogue’s countries', () => {
    expect(Object.keys(ISO3_TO_ISO2).sort()).toEqual(countries.map((country) => country.iso3).sort());
  });

  it('gives codes CLDR names, so no country falls back to English', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const unnamed = Object.entries(ISO3_TO_ISO2).filter(([, iso2]) => !names.of(iso2));
    expect(unnamed).toEqual([]);
  });

  it('maps no two countries to one code', () => {
    expect(new Set(Object.values(ISO3_TO_ISO2)).size).toBe(Object.keys(ISO3_TO_ISO2).length);
  });
});
