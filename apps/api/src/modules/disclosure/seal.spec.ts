import { seal, unsealedStatistics } from './seal.js';

describe('unsealedStatistics', () => {
  it('finds counts and statistics that nobody sealed, wherever they sit', () => {
    const body = {
      items: [{ recommendationCode: 'PC-1', raters: 3, comments: 2 }],
      summary: { n: 1, median: 4, distribution: { '4': 1 } },
    };
    expect(unsealedStatistics(body)).toEqual(['$.items[0]', '$.summary']);
  });

  it('accepts what the layer sealed, with everything inside it', () => {
    const sealed = seal({ n: 6, median: 2, byStakeholderType: { individual: { n: 5, median: 2, mean: null } } });
    expect(unsealedStatistics({ recommendationCode: 'PC-1', summary: sealed })).toEqual([]);
  });

  it('ignores fields that are not statistics: names, codes, lists, nulls', () => {
    expect(unsealedStatistics({ code: 'PC-1', recommendationCount: 3, comments: [{ id: 'x' }], gap: null, items: [] })).toEqual([]);
  });

  it('is not fooled by a spread copy of a sealed object', () => {
    const sealed = seal({ n: 6, median: 2 });
    expect(unsealedStatistics({ ...sealed, official: null })).toEqual(['$']);
  });
});
