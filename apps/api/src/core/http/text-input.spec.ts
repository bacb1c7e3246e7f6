import { normaliseText, textProblem } from './text-input.js';

describe('the text rule at the edge', () => {
  it('refuses NUL and other control characters, but keeps tab and line breaks', () => {
    for (const bad of ['a\u0000b', 'bell\u0007', 'esc\u001b[31m', 'del\u007f', 'c1\u0085'])
      expect(textProblem(bad)).toBe('controlCharacter');
    expect(textProblem('one\ttab\nand lines\r\n')).toBeNull();
  });

  it('refuses half a character, and keeps whole ones in every script', () => {
    expect(textProblem('\ud800 broken')).toBe('brokenCharacter');
    expect(textProblem('broken \udfff')).toBe('brokenCharacter');
    for (const fine of ['नमस्ते', 'مہاجر', 'ภาษาไทย', '移民工人', '👩🏽‍🌾 farm worker', 'Zero\u200dwidth joiner'])
      expect(textProblem(fine)).toBeNull();
  });

  it('normalises to NFC, so text typed decomposed and composed is the same text', () => {
    expect(normaliseText('Vie\u0302\u0323t Nam')).toBe('Việt Nam');
    expect(normaliseText('Việt Nam')).toBe('Việt Nam');
  });
});
