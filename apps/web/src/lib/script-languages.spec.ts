import { languageSuggestions, languagesForScript } from './script-languages';

describe('languagesForScript', () => {
  it.each([
    ['นายจ้างยึดหนังสือเดินทางของฉันไว้และไม่ยอมคืน', ['th']],
    ['আমার নিয়োগকর্তা আমার পাসপোর্ট রেখে দিয়েছেন', ['bn']],
    ['मेरो रोजगारदाताले मेरो राहदानी राखेको छ', ['ne', 'hi']],
    ['میرے آجر نے میرا پاسپورٹ رکھ لیا ہے اور واپس نہیں کرتا', ['ur', 'ar']],
    ['我的雇主扣留了我的护照，不肯还给我。请帮助我们', ['zh']],
    ['Работодатель забрал мой паспорт и не возвращает', ['ru']],
    ['My employer kept my passport and will not give it back', ['en', 'id', 'fil', 'vi']],
    ['Chủ lao động giữ hộ chiếu của tôi và không trả lại', ['vi']],
  ])('%s → %j', (text, expected) => {
    expect(languagesForScript(text)).toEqual(expected);
  });

  it('says nothing about a few letters, or none', () => {
    expect(languagesForScript('OK 👍')).toEqual([]);
    expect(languagesForScript('12345 !!!')).toEqual([]);
  });

  it('goes by the main script when scripts mix', () => {
    expect(languagesForScript('ผมทำงานที่ Dubai มาสามปีแล้วครับ นายจ้างไม่จ่ายเงิน')).toEqual(['th']);
  });
});

describe('languageSuggestions', () => {
  it('suggests only when the script rules the chosen language out', () => {
    expect(languageSuggestions('นายจ้างยึดหนังสือเดินทางของฉันไว้และไม่ยอมคืน', 'en')).toEqual(['th']);
    expect(languageSuggestions('नेपालबाट आएका कामदारहरूको अवस्था', 'hi')).toEqual([]);
    expect(languageSuggestions('Pekerja migran harus dilindungi oleh negara', 'en')).toEqual([]);
    expect(languageSuggestions('short', 'th')).toEqual([]);
  });
});
