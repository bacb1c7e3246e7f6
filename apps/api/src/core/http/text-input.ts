/**
 * The one rule every text that reaches the API passes, at the edge (body and query): no NUL or other
 * control character but tab, line feed and carriage return, no lone surrogate (half a character),
 * and Unicode NFC, so the same words typed on two keyboards are the same text for search, the
 * duplicate check and the word filter. What is refused here never reaches a DTO, a query or a log.
 */

/** C0 controls other than \t \n \r, DEL, and the C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'controlCharacter' | 'brokenCharacter';

export function textProblem(value: string): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'brokenCharacter';
  if (CONTROL.test(value)) return 'controlCharacter';
  return null;
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  controlCharacter: 'Contains a control character (such as NUL) that text may not hold',
  brokenCharacter: 'Contains half of a character (a lone surrogate)',
};

/** NFC; the caller has checked `textProblem` first. */
export function normaliseText(value: string): string {
  return value.normalize('NFC');
}
