import type { ExportJob } from '@compact-voices/contracts';
import { abbreviateHash, applyProgress, linkExpired, mergeJob, progressPercent } from './job-cache';

function job(overrides: Partial<ExportJob> = {}): ExportJob {
  return {
    id: 'j1',
    dataset: 'pack',
    format: 'zip',
    privacy: 'public',
    filters: {},
    status: 'queued',
    progress: 0,
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

describe('the export list cache', () => {
  it('puts a new job first and replaces a known one', () => {
    const older = job({ id: 'j0', status: 'done' });
    const list = mergeJob({ items: [older] }, job());
    expect(list.items.map((item) => item.id)).toEqual(['j1', 'j0']);
    expect(mergeJob(list, job({ status: 'running', progress: 0.5 })).items[0]).toMatchObject({
      id: 'j1',
      status: 'running',
      progress: 0.5,
    });
  });

  it('never takes a finished job back to running (a late poll answer)', () => {
    const list = { items: [job({ status: 'done', progress: 1 })] };
    expect(mergeJob(list, job({ status: 'running', progress: 0.9 }))).toBe(list);
  });

  it('applies live progress forward only, and ignores unknown and finished jobs', () => {
    const list = { items: [job({ status: 'running', progress: 0.6 })] };
    expect(applyProgress(list, { id: 'j1', status: 'running', progress: 0.4, rowCount: 10 })!.items[0]).toMatchObject({
      progress: 0.6,
      rowCount: 10,
    });
    expect(applyProgress(list, { id: 'j1', status: 'running', progress: 0.8, rowCount: 20 })!.items[0].progress).toBe(0.8);
    expect(applyProgress(list, { id: 'j1', status: 'done', progress: 0.99, rowCount: 30 })!.items[0]).toMatchObject({
      status: 'done',
      progress: 1,
    });
    expect(applyProgress(list, { id: 'other', status: 'done', progress: 1, rowCount: 1 })).toBe(list);
    const cancelled = { items: [job({ status: 'cancelled' })] };
    expect(applyProgress(cancelled, { id: 'j1', status: 'running', progress: 0.5, rowCount: null })).toBe(cancelled);
    expect(applyProgress(undefined, { id: 'j1', status: 'running', progress: 0.5, rowCount: null })).toBeUndefined();
  });

  it('shows progress as a whole percentage, 100 when done', () => {
    expect(progressPercent({ status: 'running', progress: 0.456 })).toBe(45);
    expect(progressPercent({ status: 'queued', progress: -1 })).toBe(0);
    expect(progressPercent({ status: 'running', progress: 7 })).toBe(100);
    expect(progressPercent({ status: 'done', progress: 0.2 })).toBe(100);
  });

  it('treats a link as expired a few seconds early, and one without an expiry as fresh', () => {
    const now = Date.parse('2026-11-30T10:00:00.000Z');
    expect(linkExpired({ downloadExpiresAt: '2026-11-30T10:00:03.000Z' }, now)).toBe(true);
    expect(linkExpired({ downloadExpiresAt: '2026-11-30T10:14:00.000Z' }, now)).toBe(false);
    expect(linkExpired({ downloadExpiresAt: null }, now)).toBe(false);
  });

  it('abbreviates a checksum to its first and last eight digits', () => {
    const hash = 'a'.repeat(8) + '0'.repeat(48) + 'b'.repeat(8);
    expect(abbreviateHash(hash)).toBe('aaaaaaaa…bbbbbbbb');
    expect(abbreviateHash('abc')).toBe('abc');
  });
});
