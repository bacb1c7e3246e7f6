// Verifies that every recommendation in recommendations.json is verbatim text of
// Chapter 7 of the Asia-Pacific Migration Report 2020 (the seed document).
//
// Usage: node check-recommendations.mjs   (prints one line per problem, exits 1 on failure)
// Library use: import { checkRecommendations } from './check-recommendations.mjs'
//
// Plain ESM, Node built-ins only.

import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SOURCE_URL = new URL(
  '../../../../../../../shared/seed/apmr-2020-chapter-7.txt',
  import.meta.url,
);
export const RECOMMENDATIONS_URL = new URL('./recommendations.json', import.meta.url);

/**
 * Recommendations whose text is interrupted in the source and therefore cannot
 * match as one substring. Each entry lists the text after which the source is
 * interrupted; the recommendation is checked part by part, in order.
 *  - HR-1: footnote marker "57" directly after "party."
 *  - GR-2: footnote 57 block inserted by a page break after "in both formal"
 *  - WS-5: page break (blank lines) after "other interagency"
 */
export const SPLIT_AFTER = {
  'HR-1': ['to which they are not party.'],
  'GR-2': ['including in both formal'],
  'WS-5': ['and other interagency'],
};

/**
 * Normalise whitespace: a hyphen at the end of a line is joined to the next line
 * without a space (the chapter's line-end hyphens are real compound hyphens, e.g.
 * "intra-/subregional" -> "intra-subregional"), then every whitespace run
 * (including no-break spaces) becomes a single space.
 */
export function normalise(text) {
  return text
    .replace(/-[ \t\u00a0]*\r?\n\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitParts(text, markers) {
  const parts = [];
  let rest = text;
  for (const marker of markers) {
    const i = rest.indexOf(marker);
    if (i < 0) return null;
    parts.push(rest.slice(0, i + marker.length).trim());
    rest = rest.slice(i + marker.length);
  }
  parts.push(rest.trim());
  return parts;
}

/**
 * @param {string} sourceText full text of the seed document
 * @param {Array<{code: string, text: string, note?: string|null}>} recommendations
 * @returns {string[]} problems (empty when everything checks out)
 */
export function checkRecommendations(sourceText, recommendations) {
  const problems = [];
  const doc = normalise(sourceText);
  const seen = new Set();

  for (const rec of recommendations) {
    const code = rec?.code ?? '(no code)';
    if (seen.has(code)) problems.push(`${code}: duplicate code`);
    seen.add(code);

    const text = typeof rec?.text === 'string' ? rec.text : '';
    if (!text) {
      problems.push(`${code}: text is empty`);
      continue;
    }
    if (text !== text.trim()) problems.push(`${code}: text has leading or trailing whitespace`);
    if (/\s{2,}|[\n\r\t\u00a0]/.test(text)) problems.push(`${code}: text has unfolded whitespace`);
    if (text.includes('\u2022')) problems.push(`${code}: text contains a bullet character`);
    if (/[a-z][.;:,]\d+ [A-Z]/.test(text)) problems.push(`${code}: text seems to contain a footnote marker`);

    const normText = normalise(text);
    const markers = SPLIT_AFTER[code];
    if (markers) {
      const parts = splitParts(normText, markers);
      if (!parts) {
        problems.push(`${code}: split marker not found in text (${markers.join(' | ')})`);
      } else {
        let from = 0;
        parts.forEach((part, i) => {
          const at = doc.indexOf(part, from);
          if (at < 0) {
            problems.push(`${code}: part ${i + 1}/${parts.length} not found in source: "${part}"`);
          } else {
            from = at + part.length;
          }
        });
      }
    } else if (!doc.includes(normText)) {
      problems.push(`${code}: text not found in source: "${normText}"`);
    }

    if (rec.note != null) {
      if (typeof rec.note !== 'string' || !rec.note) {
        problems.push(`${code}: note must be a non-empty string or null`);
      } else if (!doc.includes(normalise(rec.note))) {
        problems.push(`${code}: note not found in source: "${rec.note}"`);
      }
    }
  }
  return problems;
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const source = readFileSync(SOURCE_URL, 'utf8');
  const recommendations = JSON.parse(readFileSync(RECOMMENDATIONS_URL, 'utf8'));
  const problems = checkRecommendations(source, recommendations);
  for (const p of problems) console.log(p);
  if (problems.length > 0) {
    process.exitCode = 1;
  } else {
    console.log(`OK: ${recommendations.length} recommendations verified against the source`);
  }
}
