import {
  EXPORT_FORMATS_BY_DATASET,
  STAKEHOLDER_TYPE_CODES,
  SUBREGIONS,
  type ExportDataset,
  type ExportFilters,
  type ExportFormat,
  type StakeholderTypeCode,
  type Subregion,
} from '@compact-voices/contracts';
import type { QueryParams } from '../../lib/api-client';

/**
 * The filters as a person picks them (and as the address bar keeps them, so a view can be shared):
 * dates are whole days, `to` included. The API's ExportFilters take `to` as the exclusive end.
 */
export interface FilterValues {
  round?: string;
  principle?: string;
  recommendation?: string;
  objective?: number;
  country?: string;
  subregion?: Subregion;
  type?: StakeholderTypeCode;
  /** YYYY-MM-DD, from the start of this day. */
  from?: string;
  /** YYYY-MM-DD, to the end of this day. */
  to?: string;
}

/** Query-string names, in the order they are written to the address. */
export const FILTER_KEYS = ['round', 'principle', 'recommendation', 'objective', 'country', 'subregion', 'type', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9-]{1,40}$/;
const ROUND_ID = /^[A-Za-z0-9-]{1,64}$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isSubregion(value: string): value is Subregion {
  return (SUBREGIONS as readonly string[]).includes(value);
}

function isStakeholderType(value: string): value is StakeholderTypeCode {
  return (STAKEHOLDER_TYPE_CODES as readonly string[]).includes(value);
}

/**
 * Read the filters from a query string. Anything malformed (a shared link that was cut short, an
 * edited address) is left out rather than sent to the API to be refused.
 */
export function filtersFromSearchParams(params: URLSearchParams): FilterValues {
  const values: FilterValues = {};
  const get = (key: FilterKey) => params.get(key)?.trim() ?? '';
  const round = get('round');
  if (ROUND_ID.test(round)) values.round = round;
  const principle = get('principle').toUpperCase();
  if (/^[A-Z]{2}$/.test(principle)) values.principle = principle;
  const recommendation = get('recommendation').toUpperCase();
  if (CODE.test(recommendation)) values.recommendation = recommendation;
  const objective = get('objective');
  if (/^\d{1,2}$/.test(objective) && Number(objective) >= 1 && Number(objective) <= 23) values.objective = Number(objective);
  const country = get('country').toUpperCase();
  if (/^[A-Z]{3}$/.test(country)) values.country = country;
  const subregion = get('subregion');
  if (isSubregion(subregion)) values.subregion = subregion;
  const type = get('type');
  if (isStakeholderType(type)) values.type = type;
  const from = get('from');
  if (isDay(from)) values.from = from;
  const to = get('to');
  if (isDay(to)) values.to = to;
  return values;
}

/** The filters as a query string (no leading "?"), empty ones left out, in FILTER_KEYS order. */
export function filtersToSearchParams(values: FilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = values[key];
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  return params;
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The filters as the API reads them: its `to` is exclusive, so the last chosen day becomes the day after. */
export function toExportFilters(values: FilterValues): ExportFilters {
  const filters: ExportFilters = {};
  if (values.round) filters.consultationId = values.round;
  if (values.principle) filters.principleCode = values.principle;
  if (values.recommendation) filters.recommendationCode = values.recommendation;
  if (values.objective !== undefined) filters.objectiveNumber = values.objective;
  if (values.country) filters.countryIso3 = values.country;
  if (values.subregion) filters.subregion = values.subregion;
  if (values.type) filters.stakeholderType = values.type;
  if (values.from) filters.from = values.from;
  if (values.to) filters.to = nextDay(values.to);
  return filters;
}

/** ExportFilters as query parameters for GET /dashboard. */
export function exportFiltersToParams(filters: ExportFilters): QueryParams {
  return { ...filters };
}

/** How many filters are set (for "3 filters" on an export job). */
export function countFilters(filters: ExportFilters): number {
  return Object.values(filters).filter((value) => value !== undefined && value !== null && value !== '').length;
}

/** The formats a dataset comes in, in the contract's order. */
export function formatsFor(dataset: ExportDataset): readonly ExportFormat[] {
  return EXPORT_FORMATS_BY_DATASET[dataset];
}

/** Keep the chosen format when the new dataset has it, else take the dataset's first. */
export function formatForDataset(dataset: ExportDataset, current: ExportFormat | undefined): ExportFormat {
  const formats = formatsFor(dataset);
  return current && formats.includes(current) ? current : formats[0];
}

/** The byte-order mark applies to CSV only. */
export function offersBom(format: ExportFormat): boolean {
  return format === 'csv';
}

/** A stable key for ExportFilters, for query caches. */
export function filtersKey(filters: ExportFilters): string {
  return JSON.stringify(Object.entries(filters).sort(([a], [b]) => a.localeCompare(b)));
}
