import { EXPORT_DATASETS, EXPORT_FORMATS_BY_DATASET } from '@compact-voices/contracts';
import {
  countFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
  formatForDataset,
  formatsFor,
  isDay,
  nextDay,
  offersBom,
  toExportFilters,
  type FilterValues,
} from './filters';

describe('filters ⇄ query string', () => {
  const full: FilterValues = {
    round: '0b6f4a52-8f0e-4d47-9a3c-2f1d6f0b9a11',
    principle: 'HR',
    recommendation: 'HR-1',
    objective: 7,
    country: 'NPL',
    subregion: 'South and South-West Asia',
    type: 'migrant-organisation',
    from: '2026-11-01',
    to: '2026-11-30',
  };

  it('round-trips every filter through the address, in a fixed order', () => {
    const query = filtersToSearchParams(full).toString();
    expect(query).toBe(
      'round=0b6f4a52-8f0e-4d47-9a3c-2f1d6f0b9a11&principle=HR&recommendation=HR-1&objective=7&country=NPL&subregion=South+and+South-West+Asia&type=migrant-organisation&from=2026-11-01&to=2026-11-30',
    );
    expect(filtersFromSearchParams(new URLSearchParams(query))).toEqual(full);
  });

  it('leaves out empty filters, so no filter is an empty query', () => {
    expect(filtersToSearchParams({}).toString()).toBe('');
    expect(filtersToSearchParams({ principle: 'HR', country: '' }).toString()).toBe('principle=HR');
  });

  it('drops what a cut or edited link got wrong instead of sending it to the API', () => {
    const params = new URLSearchParams({
      round: 'x;drop table',
      principle: 'human rights',
      objective: '24',
      country: 'NP',
      subregion: 'Atlantis',
      type: 'king',
      from: '2026-02-30',
      to: 'yesterday',
      sort: 'createdAt',
    });
    expect(filtersFromSearchParams(params)).toEqual({});
  });

  it('normalises the case of codes people may type', () => {
    expect(filtersFromSearchParams(new URLSearchParams('principle=hr&recommendation=hr-1&country=npl'))).toEqual({
      principle: 'HR',
      recommendation: 'HR-1',
      country: 'NPL',
    });
  });

  it('knows a real day from a malformed one', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-1-1')).toBe(false);
  });
});

describe('filters for the API', () => {
  it('names them as ExportFilters and turns the included end day into the exclusive end', () => {
    expect(
      toExportFilters({
        round: 'r1',
        principle: 'HR',
        objective: 7,
        country: 'NPL',
        type: 'government',
        from: '2026-11-01',
        to: '2026-11-30',
      }),
    ).toEqual({
      consultationId: 'r1',
      principleCode: 'HR',
      objectiveNumber: 7,
      countryIso3: 'NPL',
      stakeholderType: 'government',
      from: '2026-11-01',
      to: '2026-12-01',
    });
  });

  it('rolls the end day over months and leap years', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });

  it('counts the filters that are set', () => {
    expect(countFilters({})).toBe(0);
    expect(countFilters({ consultationId: 'r1', objectiveNumber: 3 })).toBe(2);
  });
});

describe('format choices per dataset', () => {
  it('offers exactly the contract’s formats for each dataset', () => {
    for (const dataset of EXPORT_DATASETS) expect(formatsFor(dataset)).toEqual(EXPORT_FORMATS_BY_DATASET[dataset]);
    expect(formatsFor('pack')).toEqual(['zip']);
    expect(formatsFor('report')).toEqual(['pdf']);
    expect(formatsFor('comments')).toEqual(['csv', 'xlsx', 'ndjson']);
  });

  it('keeps the chosen format when the new dataset has it, else takes the dataset’s first', () => {
    expect(formatForDataset('ratings', 'xlsx')).toBe('xlsx');
    expect(formatForDataset('pack', 'xlsx')).toBe('zip');
    expect(formatForDataset('report', 'zip')).toBe('pdf');
    expect(formatForDataset('comments', 'pdf')).toBe('csv');
    expect(formatForDataset('comments', undefined)).toBe('csv');
  });

  it('offers the byte-order mark for CSV only', () => {
    expect(offersBom('csv')).toBe(true);
    for (const format of ['xlsx', 'ndjson', 'zip', 'pdf'] as const) expect(offersBom(format)).toBe(false);
  });
});
