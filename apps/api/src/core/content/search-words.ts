/**
 * The words of a search query, found the way each script needs: Intl.Segmenter (ICU) splits Thai,
 * Lao, Khmer, Burmese and Chinese, which are written without spaces, by dictionary, and the rest at
 * spaces and punctuation. Lower case, NFC, each word once, at most `max`.
 */
export function searchWords(query: string, max = 8): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  const words = new Set<string>();
  for (const part of segmenter.segment(query.normalize('NFC').toLowerCase())) {
    if (part.isWordLike) words.add(part.segment);
    if (words.size >= max) break;
  }
  return [...words];
}
