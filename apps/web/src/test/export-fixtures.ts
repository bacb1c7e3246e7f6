import type { Dashboard, ExportJob, Me, OpenDataPack } from '@compact-voices/contracts';
import { round } from './consultation-fixtures';
import { participant } from './fixtures';

export const admin: Me = { ...participant, roles: ['participant', 'admin'] };

export const SHA = '3f1a9c0e' + '5'.repeat(48) + 'd41e77b2';

export function exportJob(overrides: Partial<ExportJob> = {}): ExportJob {
  return {
    id: 'job-1',
    dataset: 'pack',
    format: 'zip',
    privacy: 'public',
    filters: {},
    status: 'running',
    progress: 0.4,
    rowCount: null,
    createdAt: '2026-11-30T10:00:00.000Z',
    finishedAt: null,
    error: null,
    fileName: null,
    sizeBytes: null,
    sha256: null,
    ...overrides,
  };
}

export function doneJob(overrides: Partial<ExportJob> = {}): ExportJob {
  return exportJob({
    status: 'done',
    progress: 1,
    rowCount: 1234,
    finishedAt: '2026-11-30T10:01:00.000Z',
    fileName: 'compact-voices-pack.zip',
    sizeBytes: 2_400_000,
    sha256: SHA,
    downloadUrl: '/api/v1/exports/job-1/download?token=first',
    downloadExpiresAt: '2099-01-01T00:00:00.000Z',
    ...overrides,
  });
}

export const dashboard: Dashboard = {
  filters: {},
  heatmap: [
    { principleCode: 'HR', countryIso3: 'NPL', n: 6, median: 2.5, suppressed: false },
    { principleCode: 'PC', countryIso3: 'NPL', n: null, median: null, suppressed: true },
    { principleCode: 'HR', countryIso3: 'PHL', n: 9, median: 4, suppressed: false },
  ],
  distributions: [
    { recommendationCode: 'HR-1', n: 9, counts: { '0': 1, '1': 2, '2': 3, '3': 2, '4': 1, dontKnow: 1 }, suppressed: false },
    { recommendationCode: 'PC-1', n: null, counts: null, suppressed: true },
  ],
  gaps: [
    { recommendationCode: 'HR-1', value: 1.5, ciLow: 0.5, ciHigh: 2.5 },
    { recommendationCode: 'HR-2', value: -0.5, ciLow: -1.5, ciHigh: 0.5 },
  ],
  participation: [
    { week: '2026-11-02', stakeholderType: 'government', people: 2 },
    { week: '2026-11-16', stakeholderType: 'individual', people: 7 },
  ],
};

export const openDataPack: OpenDataPack = {
  consultationId: round.id,
  title: 'Regional review 2026',
  closesAt: '2026-10-31T00:00:00.000Z',
  publishedAt: '2026-11-02T00:00:00.000Z',
  fileName: 'compact-voices-regional-review-2026.zip',
  sizeBytes: 1_250_000,
  sha256: SHA,
  downloadUrl: '/api/v1/open-data/r/pack.zip',
  codebookUrl: '/api/v1/open-data/r/codebook.md',
  rowCounts: { comments: 412, ratings: 1890, 'extra-table': 3 },
};
