/** The first `maxWords` words of a text, cut at a word boundary and ending in "…" when shortened. */
export function excerpt(text: string, maxWords = 22): string {
  const words = text.trim().split(/\s+/);
  if (words.length <= maxWords) return text.trim();
  return `${words
    .slice(0, maxWords)
    .join(' ')
    .replace(/[,;:.\u2014-]+$/u, '')}…`;
}
