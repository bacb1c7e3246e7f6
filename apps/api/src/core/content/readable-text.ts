import { decodeHTML } from 'entities';
import unhomoglyph from 'unhomoglyph';

/** Tags that separate words when a browser lays the text out; every other tag joins what it splits. */
const BLOCK_TAG = /<\/?(?:p|br|li|ul|ol|blockquote|pre|hr)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;
const HREF = /<a\b[^>]*\bhref="([^"]*)"/gi;
/** Zero-width spaces and joiners, soft hyphens, variation selectors, bidi controls…: invisible to a reader. */
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * What a reader sees of rendered (already sanitised) comment HTML: the text with entities
 * decoded and tags removed — `fr<strong>au</strong>dster` and `<a …>fraud</a>ster` read as one
 * word — followed by each link's address, which a reader sees when they hover or follow it.
 */
export function readableText(html: string): string {
  const text = decodeHTML(html.replace(BLOCK_TAG, ' ').replace(ANY_TAG, ''));
  const hrefs = [...html.matchAll(HREF)].map((match) => decodeHTML(match[1]!));
  return [text, ...hrefs].join('\n');
}

/** UTS #39 skeleton: NFD, each character to its confusable prototype, NFD again. */
function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD')).normalize('NFD');
}

/**
 * The form two texts are compared in when one must not be disguised as the other: compatibility
 * forms folded (NFKC: full-width letters, ligatures), invisible characters dropped, case folded
 * around the confusables skeleton (so Cyrillic `а`, Greek `ο` or a digit `0` read as the Latin
 * letter they imitate, in upper or lower case).
 */
export function matchingForm(text: string): string {
  return skeleton(text.normalize('NFKC').replace(DEFAULT_IGNORABLE, '').toLowerCase()).toLowerCase();
}
