import type { LocaleCode } from '@compact-voices/contracts';

/**
 * A check on the language a person says they wrote in, from the script of what they wrote: Thai
 * letters are Thai, Bengali letters Bengali, Devanagari Nepali or Hindi, Arabic script Urdu or
 * Arabic, Han Chinese, Cyrillic Russian; Latin is English, Indonesian, Filipino or Vietnamese
 * (Vietnamese when its own letters appear). It cannot tell languages of one script apart beyond
 * that, so it only ever suggests, and only when the script rules the chosen language out.
 */
const SCRIPTS: ReadonlyArray<{ pattern: RegExp; languages: readonly LocaleCode[] }> = [
  { pattern: /[\u0E00-\u0E7F]/gu, languages: ['th'] },
  { pattern: /[\u0980-\u09FF]/gu, languages: ['bn'] },
  { pattern: /[\u0900-\u097F]/gu, languages: ['ne', 'hi'] },
  { pattern: /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/gu, languages: ['ur', 'ar'] },
  { pattern: /[\u3400-\u4DBF\u4E00-\u9FFF]/gu, languages: ['zh'] },
  { pattern: /[\u0400-\u04FF]/gu, languages: ['ru'] },
  { pattern: /\p{Script=Latin}/gu, languages: ['en', 'id', 'fil', 'vi'] },
];

/** Letters only Vietnamese writes among the shipped Latin-script languages. */
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300\u0301\u0303\u0309\u0323]|[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/** The shipped languages the text's main script allows; empty when it has too few letters to say. */
export function languagesForScript(text: string): readonly LocaleCode[] {
  let best: { count: number; languages: readonly LocaleCode[] } = { count: 0, languages: [] };
  for (const script of SCRIPTS) {
    const count = text.match(script.pattern)?.length ?? 0;
    if (count > best.count) best = { count, languages: script.languages };
  }
  // A word or two may be a name or a quotation: say nothing below a dozen letters.
  if (best.count < 12) return [];
  if (best.languages.includes('vi') && VIETNAMESE.test(text.normalize('NFC'))) return ['vi'];
  return best.languages;
}

/** Languages to suggest instead of `chosen`, when the script rules it out; empty otherwise. */
export function languageSuggestions(text: string, chosen: string): readonly LocaleCode[] {
  const possible = languagesForScript(text);
  if (possible.length === 0 || possible.includes(chosen as LocaleCode)) return [];
  return possible;
}
