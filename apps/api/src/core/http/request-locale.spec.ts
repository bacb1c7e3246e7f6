import { localeFromAcceptLanguage } from './request-locale.js';

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['ur', 'ur'],
    ['ur-PK,ur;q=0.9,en;q=0.8', 'ur'],
    ['fr-FR,fr;q=0.9,id;q=0.8,en;q=0.7', 'id'],
    ['en;q=0.5, id', 'id'],
    ['de, fr', undefined],
    ['ur;q=0, en', 'en'],
    ['ID-id', 'id'],
    ['th-TH,th;q=0.9', 'th'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['tl-PH, en;q=0.5', 'fil'],
    ['fil-PH', 'fil'],
    ['ar-SA', 'ar'],
    ['de, ru;q=0.3', 'ru'],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
