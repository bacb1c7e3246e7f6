import { searchWords } from './search-words.js';

describe('searchWords', () => {
  it.each([
    ['recruitment FEES', ['recruitment', 'fees']],
    ['นายจ้างยึดหนังสือเดินทาง', ['นายจ้าง', 'ยึด', 'หนังสือเดินทาง']],
    ['雇主扣留护照', ['雇主', '扣留', '护照']],
    ['"visa fees" -agency', ['visa', 'fees', 'agency']],
    ['  ...  ', []],
  ])('%s → %j', (query, expected) => {
    expect(searchWords(query)).toEqual(expected);
  });

  it('splits words of Devanagari, Bengali, Arabic script and Cyrillic at spaces', () => {
    expect(searchWords('प्रवासी कामदार')).toEqual(['प्रवासी', 'कामदार']);
    expect(searchWords('অভিবাসী শ্রমিক')).toEqual(['অভিবাসী', 'শ্রমিক']);
    expect(searchWords('العمال المهاجرين')).toEqual(['العمال', 'المهاجرين']);
    expect(searchWords('Трудовые мигранты')).toEqual(['трудовые', 'мигранты']);
  });

  it('keeps at most eight words', () => {
    expect(searchWords('a b c d e f g h i j k')).toHaveLength(8);
  });
});
