import { renderMarkdown } from '../../core/content/markdown.js';
import { matchingForm, readableText } from '../../core/content/readable-text.js';
import { matchTerms, termPattern } from './word-filter.service.js';

const terms = (...list: string[]) => list.map((term) => ({ term, action: 'block' as const, pattern: termPattern(term) }));
const hit = (markdown: string, ...list: string[]) => matchTerms(renderMarkdown(markdown), terms(...list))?.term;

/** The filter matches what a reader reads, whatever the source looks like. */
describe('word filter', () => {
  it.each([
    ['an entity', 'You &#102;raudster'],
    ['a hexadecimal entity', 'You fr&#x61;udster'],
    ['a named soft-hyphen entity', 'You frau&shy;dster'],
    ['emphasis inside the word', 'You fr**au**dster'],
    ['code inside the word', 'You fr`au`dster'],
    ['a zero-width space', 'You fr\u200Baudster'],
    ['a soft hyphen', 'You frau\u00ADdster'],
    ['a word joiner', 'You frau\u2060dster'],
    ['a Cyrillic look-alike', 'You fr\u0430udster'],
    ['Greek and Cyrillic look-alikes', 'You fr\u0430ud\u0455ter'],
    ['a link around half the word', 'You [fraud](https://example.org)ster'],
    ['full-width letters', 'You ｆｒａｕｄｓｔｅｒ'],
    ['capitals', 'You FRAUDSTER'],
  ])('sees through %s', (_name, markdown) => {
    expect(hit(markdown, 'fraudster')).toBe('fraudster');
  });

  it('matches whole words and phrases only', () => {
    expect(hit('Fraudsters are prosecuted', 'fraudster')).toBeUndefined();
    expect(hit('An assessment of the class', 'ass')).toBeUndefined();
    expect(hit('buy\n\nfollowers', 'buy followers')).toBe('buy followers');
    expect(hit('Just buy   some followers', 'buy followers')).toBeUndefined();
  });

  it('reads link addresses too, as a reader does on hover', () => {
    expect(hit('[my page](https://fraudster.example/x)', 'fraudster')).toBe('fraudster');
  });

  it('works in the scripts the interface ships, with and without spaces between words', () => {
    expect(hit('यह धोखेबाज़ है', 'धोखेबाज़')).toBe('धोखेबाज़');
    expect(hit('คนนี้เป็นคนโกงเงิน', 'คนโกง')).toBe('คนโกง');
    expect(hit('Dia penipu besar', 'penipu')).toBe('penipu');
  });

  it('does not match raw HTML, which readers see as text', () => {
    // Raw HTML is shown literally (markdown.ts), so a reader sees the comment marker between the halves.
    expect(hit('FRAUD<!-- -->STER', 'fraudster')).toBeUndefined();
  });

  it('keeps what a reader sees separate where the page separates it', () => {
    expect(readableText('<p>fraud</p><p>ster</p>')).not.toContain('fraudster');
    expect(readableText('<ul>\n<li>a</li>\n<li>b</li>\n</ul>')).toMatch(/a\s+b/);
  });

  it('folds the same way for terms and texts', () => {
    expect(matchingForm('ＡＢＣ')).toBe(matchingForm('abc'));
    expect(matchingForm('p\u0430y')).toBe(matchingForm('pay'));
    expect(matchingForm('a\u200Bb')).toBe('ab');
  });
});
