/**
 * Exports, reports and dashboards: what the secretariat hands to the
 * whole-of-society mechanism. Filters are shared by the dashboard and every export.
 */
import type { StakeholderTypeCode } from './catalogue.js';
import type { RatingDistribution } from './consultations.js';
import type { ExportFilters } from './requests/exports.js';

export const EXPORT_DATASETS = [
  'comments',
  'ratings',
  'official',
  'recommendations',
  'participation',
  'moderation',
  'pack',
  'report',
] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'ndjson', 'zip', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_PRIVACY_LEVELS = ['public', 'full'] as const;
export type ExportPrivacy = (typeof EXPORT_PRIVACY_LEVELS)[number];
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Which formats each dataset comes in: tables as csv/xlsx/ndjson, the pack as zip, the report as pdf. */
export const EXPORT_FORMATS_BY_DATASET: Record<ExportDataset, readonly ExportFormat[]> = {
  comments: ['csv', 'xlsx', 'ndjson'],
  ratings: ['csv', 'xlsx', 'ndjson'],
  official: ['csv', 'xlsx', 'ndjson'],
  recommendations: ['csv', 'xlsx', 'ndjson'],
  participation: ['csv', 'xlsx', 'ndjson'],
  moderation: ['csv', 'xlsx', 'ndjson'],
  pack: ['zip'],
  report: ['pdf'],
};

export type { ExportFilters } from './requests/exports.js';

export interface ExportJob {
  id: string;
  dataset: ExportDataset;
  format: ExportFormat;
  privacy: ExportPrivacy;
  filters: ExportFilters;
  status: ExportStatus;
  /** 0…1 */
  progress: number;
  rowCount: number | null;
  createdAt: string;
  finishedAt: string | null;
  /** Stable error code when failed. */
  error: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  /**
   * When done: a single-use link, valid 15 minutes, that works only in the browser session that
   * asked for it (a cookie set with this response). Ask again for a fresh one.
   */
  downloadUrl?: string | null;
  downloadExpiresAt?: string | null;
}

/** At most this many exports of one person run or wait at once; more are refused with 429. */
export const EXPORTS_PER_USER_IN_FLIGHT = 3;

/** Live progress (socket.io `/live`, to the requester's own sockets). */
export interface ExportProgressEvent {
  id: string;
  status: ExportStatus;
  progress: number;
  rowCount: number | null;
}

/** A closed round's published export pack (public, pseudonymised). */
export interface OpenDataPack {
  consultationId: string;
  title: string;
  closesAt: string;
  publishedAt: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /** Direct public download of the pack (zip) and of its codebook (markdown). */
  downloadUrl: string;
  codebookUrl: string;
  rowCounts: Record<string, number>;
}

export interface CellMedian {
  n: number | null;
  median: number | null;
  /** Fewer than 5 raters: no numbers are shown. */
  suppressed: boolean;
}

export interface Dashboard {
  filters: ExportFilters;
  /** Median implementation rating per principle × country (over the principle's recommendations). */
  heatmap: Array<CellMedian & { principleCode: string; countryIso3: string }>;
  /**
   * Rating distribution per recommendation: the sum of the published distributions of the countries
   * in the filter; `n` counts scores, "don't know" apart. With a stakeholder-type filter only `n`
   * (types publish medians, not distributions).
   */
  distributions: Array<{ recommendationCode: string; n: number | null; counts: RatingDistribution | null; suppressed: boolean }>;
  /** Perception gap per recommendation: the mean of the published per-country gaps (each country's own verified government bodies against civil society). */
  gaps: Array<{ recommendationCode: string; value: number; ciLow: number; ciHigh: number }>;
  /**
   * Distinct people contributing (comments or ratings) per week — `week` is that Monday's date
   * (YYYY-MM-DD, UTC) — and stakeholder type; groups of fewer than 5 people are left out.
   */
  participation: Array<{ week: string; stakeholderType: StakeholderTypeCode; people: number }>;
}
