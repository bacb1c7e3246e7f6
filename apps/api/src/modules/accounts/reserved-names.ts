import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from '../../core/errors/api.exception.js';

/**
 * Names the platform gives people — a protected person's pseudonym ("Participant 7K2M9Q"), an
 * erased or anonymised author ("Former participant"), an organisation's protected member
 * ("Protected member 4KX2") — cannot be chosen as a display name: otherwise anyone could write as a
 * protected person's pseudonym, or pass their words off as theirs.
 */

// Capitals first: several only look Latin while capital (Greek Η is H, its small η is not h).
const UPPER_LOOKALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const LOWER_LOOKALIKES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ı: 'i',
  ℓ: 'l',
};

const mapEach = (text: string, map: Record<string, string>) => Array.from(text, (char) => map[char] ?? char).join('');

/**
 * A name as it reads rather than as it is spelled: compatibility forms (NFKC: fullwidth, ligatures)
 * unified, accents, invisible and format characters dropped, look-alike Cyrillic and Greek letters
 * read as Latin, lower case, and every run of spaces or punctuation one space.
 */
export function readableForm(name: string): string {
  const decomposed = name
    .normalize('NFKC')
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '');
  return mapEach(mapEach(decomposed, UPPER_LOOKALIKES).toLowerCase(), LOWER_LOOKALIKES)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const hasDigit = (word: string) => /\p{N}/u.test(word);

/**
 * `label` (spaces ignored) followed by nothing but a code of 4+ letters and digits: one word
 * ("Participant observer" reads like a pseudonym too), or several that each carry a digit
 * ("7K2M 9QX4"); glued to the label ("Participant7K2M9Q"), the code must carry a digit
 * ("Participants" stays a word).
 */
function labelWithCode(words: string[], label: string): boolean {
  const compact = words.join('');
  if (!compact.startsWith(label) || compact.length - label.length < 4) return false;
  let used = 0;
  let index = 0;
  while (used < label.length) used += words[index++]!.length;
  const rest = words.slice(index);
  if (used === label.length) return rest.length === 1 || rest.every(hasDigit);
  const glued = words[index - 1]!.slice(words[index - 1]!.length - (used - label.length));
  return hasDigit(glued) && rest.every(hasDigit);
}

export function isReservedDisplayName(name: string): boolean {
  const words = readableForm(name).split(' ').filter(Boolean);
  return words.join('') === 'formerparticipant' || labelWithCode(words, 'participant') || labelWithCode(words, 'protectedmember');
}

/** Refuses a reserved display name the way other single-field refusals are answered: one code, one detail. */
export function assertDisplayNameAllowed(name: string | undefined): void {
  if (name === undefined || !isReservedDisplayName(name)) return;
  const message = 'This name is reserved for names the platform gives; choose another';
  throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.DISPLAY_NAME_RESERVED, message, [
    { field: 'displayName', reason: 'reserved', message },
  ]);
}
