import { z } from 'zod';
import { LOCALES } from '../locales.js';
import { PAGE_LIMIT_MAX } from '../lists.js';

/**
 * Building blocks of the request schemas. Each request shape is written once, here, and used by the
 * API's validation (apps/api core/http/schema-dto.ts), its OpenAPI document and the web forms.
 *
 * A refinement that needs a stable `reason` in the 400's details (the web maps reasons to messages)
 * sets it with `params: { reason }`.
 */

/** Any 8-4-4-4-12 hex id; whether it names a row is the database's answer (404), not a 400. */
export const id = () => z.guid();

export const iso3 = () => z.string().regex(/^[A-Z]{3}$/);

/** Characters as people count them: code points, as PostgreSQL's char_length does (an emoji is one, not two UTF-16 units). */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/**
 * A string of at most `max` characters, counted as people count them (zod's own `.max` counts UTF-16
 * units). The issue is zod's usual too_big, so it reads and maps like any other length limit.
 */
export const chars = (max: number, base: z.ZodString = z.string()) =>
  base
    .check((ctx) => {
      if (ctx.value.length > max && characterCount(ctx.value) > max) {
        ctx.issues.push({
          code: 'too_big',
          origin: 'string',
          maximum: max,
          inclusive: true,
          input: ctx.value,
          message: `Too long: at most ${max} characters`,
        });
      }
    })
    .meta({ maxLength: max });

/** A string of at most `max` characters with something other than white space in it. */
export const nonBlank = (max: number) =>
  chars(max).refine((value) => /\S/.test(value), { error: 'must not be blank', params: { reason: 'blank' } });

export const LOCALE_CODES = LOCALES.map((locale) => locale.code) as [
  (typeof LOCALES)[number]['code'],
  ...(typeof LOCALES)[number]['code'][],
];
export const localeCode = () => z.enum(LOCALE_CODES);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A strict ISO 8601 date or date-time with Z or an offset, naming a real day and time. */
export const isoDateTime = () =>
  z
    .string()
    .max(40)
    .refine((value) => (ISO_DATE.test(value) || ISO_DATE_TIME.test(value)) && !Number.isNaN(Date.parse(value)) && sameDay(value), {
      error: 'must be an ISO 8601 date or date-time',
      params: { reason: 'isIso8601' },
    })
    .meta({ format: 'date-time' });

/** `Date.parse` rolls 2027-02-30 over to March; a real date reads back as itself. */
function sameDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An email address, trimmed first. */
export const email = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => z.regexes.email.test(value), { error: 'must be an email address', params: { reason: 'isEmail' } })
    .meta({ format: 'email' });

/** Each value once. */
export const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;
export const UNIQUE = { error: 'must not repeat a value', params: { reason: 'arrayUnique' } } as const;

export const httpUrl = (max: number) => z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(max);

/** A query-string integer (`?limit=20`): digits in, a number out. */
export const queryInt = (min: number, max: number) => z.coerce.number<string | number>().int().min(min).max(max);

/** A query-string boolean: only `true` and `false`. */
export const queryBoolean = () => z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

/** `?cursor=&limit=` of a keyset-paged list. */
export const cursor = () =>
  z
    .string()
    .max(300)
    .regex(/^[A-Za-z0-9_-]+$/);

export const pageQuerySchema = z.strictObject({
  cursor: cursor().optional(),
  limit: queryInt(1, PAGE_LIMIT_MAX).optional(),
});
export type PageQuery = z.input<typeof pageQuerySchema>;

export const localeQuerySchema = z.strictObject({ locale: localeCode().optional() });

/** GET /audit (admin): entries before an id, newest first. */
export const auditQuerySchema = z.strictObject({
  before: z
    .string()
    .regex(/^[0-9]{1,18}$/)
    .optional()
    .meta({ description: 'Entries before this id (the previous page’s nextCursor)' }),
  limit: queryInt(1, 200).optional().meta({ default: 50 }),
});
