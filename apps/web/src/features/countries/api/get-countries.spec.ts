import type { Country } from '@compact-voices/contracts';
import { localizeCountry } from './get-countries';

const korea: Country = { iso3: 'KOR', name: 'Republic of Korea', subregion: 'East and North-East Asia', inRegion: true };

describe('localizeCountry', () => {
  it('keeps the United Nations name in English', () => {
    expect(localizeCountry(korea, 'en').name).toBe('Republic of Korea');
  });

  it('names the country in the reader’s language from CLDR', () => {
    expect(localizeCountry(korea, 'th').name).toBe(new Intl.DisplayNames(['th'], { type: 'region' }).of('KR'));
    expect(localizeCountry(korea, 'ar').name).not.toBe('Republic of Korea');
    expect(localizeCountry({ ...korea, iso3: 'NPL', name: 'Nepal' }, 'ne').name).toBe('नेपाल');
  });

  it('keeps the catalogue’s name for a code it cannot map', () => {
    expect(localizeCountry({ ...korea, iso3: 'XXX', name: 'Somewhere' }, 'zh').name).toBe('Somewhere');
  });
});
