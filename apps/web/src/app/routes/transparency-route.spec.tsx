import type { HouseRule, Transparency } from '@compact-voices/contracts';
import { cleanup, screen, within } from '@testing-library/react';
import { changeLocale, initI18n } from '../../lib/i18n';
import { mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const rules: HouseRule[] = [
  {
    code: 'R1',
    version: 1,
    title: 'Respect people',
    text: 'Discuss ideas, not people.',
    language: 'en',
    publishedAt: '2026-11-01T00:00:00.000Z',
  },
  {
    code: 'R3',
    version: 2,
    title: 'Keep people safe',
    text: 'Nothing that puts a person at risk.',
    language: 'en',
    publishedAt: '2026-11-20T00:00:00.000Z',
  },
];

const report: Transparency = {
  generatedAt: '2026-11-30T12:00:00.000Z',
  decisions: [
    { month: '2026-11', ruleCode: 'R3', action: 'hide', count: 1 },
    { month: '2026-11', ruleCode: 'R3', action: 'restore', count: 1 },
  ],
  appeals: { pending: 0, upheld: 0, overturned: 1 },
  medianHoursToDecision: 2.5,
  flags: [{ reason: 'personal-data', count: 1 }],
  sanctions: 0,
  auditHeads: [
    { day: '2026-11-30', position: 42, mac: 'b'.repeat(64) },
    { day: '2026-11-29', position: 17, mac: 'a'.repeat(64) },
  ],
};

describe('public moderation pages', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(async () => {
    cleanup();
    api.restore();
    await changeLocale('en');
  });

  it('lists the house rules, each with its code as the anchor a tombstone links to; the footer links here', async () => {
    api = mockApi({ '/api/v1/rules?locale=en': { body: { items: rules } } });
    renderApp('/rules#R3', { user: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'House rules' })).toBeTruthy();
    const rule = (await screen.findByRole('heading', { level: 2, name: /R3.*Keep people safe/ })).closest('li')!;
    expect(rule.id).toBe('R3');
    expect(rule.className).toContain('notice');
    expect(within(rule).getByText('Version 2, in force since \u2068November 20, 2026\u2069')).toBeTruthy();
    const footer = screen.getByRole('navigation', { name: 'About moderation' });
    expect(within(footer).getByRole('link', { name: 'House rules' }).getAttribute('href')).toBe('/rules');
    expect(within(footer).getByRole('link', { name: 'Moderation in numbers' }).getAttribute('href')).toBe('/transparency');
  });

  it('shows the counts as tables: decisions by month, rule and action; appeals; flags; median time', async () => {
    api = mockApi({
      '/api/v1/transparency': { body: report },
      '/api/v1/consultations': { body: { items: [] } },
    });
    renderApp('/transparency', { user: null });
    const table = await screen.findByRole('table', { name: 'Moderation decisions per month, by rule and action' });
    const cells = within(table)
      .getAllByRole('row')
      .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent));
    expect(cells).toEqual([
      ['Month', 'Rule', 'Approve', 'Hide', 'Restore', 'Reject', 'Total'],
      ['November 2026', 'R3', '0', '1', '1', '0', '2'],
      ['All months', '0', '1', '1', '0', '2'],
    ]);
    const appeals = screen.getByRole('table', { name: 'Appeals by outcome' });
    expect(within(appeals).getByRole('row', { name: /Overturned.*1/ })).toBeTruthy();
    expect(screen.getByText('Median time from entering the queue to a decision: 2.5 hours.')).toBeTruthy();
    expect(screen.getByText('0 accounts have been suspended.')).toBeTruthy();
  });

  it('publishes the audit log’s daily heads with what they are for, in every language', async () => {
    api = mockApi({
      '/api/v1/transparency': { body: report },
      '/api/v1/consultations': { body: { items: [] } },
    });
    renderApp('/transparency', { user: null });
    const table = await screen.findByRole('table', { name: 'Daily checkpoints of the audit log, newest first' });
    const cells = within(table)
      .getAllByRole('row')
      .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent));
    expect(cells).toEqual([
      ['Day (UTC)', 'Entry number', 'Keyed hash'],
      ['2026-11-30', '42', 'b'.repeat(64)],
      ['2026-11-29', '17', 'a'.repeat(64)],
    ]);
    expect(screen.getByText(/Keep a copy; a later rewrite of the log would no longer match\./)).toBeTruthy();
    cleanup();

    await changeLocale('id');
    renderApp('/transparency', { user: null });
    expect(await screen.findByRole('table', { name: 'Titik periksa harian log audit, yang terbaru lebih dulu' })).toBeTruthy();
    cleanup();
    await changeLocale('ur');
    renderApp('/transparency', { user: null });
    expect(await screen.findByRole('table', { name: 'آڈٹ لاگ کے روزانہ تصدیقی نشان، تازہ ترین پہلے' })).toBeTruthy();
  });

  it('says when no head has been recorded yet', async () => {
    api = mockApi({
      '/api/v1/transparency': { body: { ...report, auditHeads: [] } },
      '/api/v1/consultations': { body: { items: [] } },
    });
    renderApp('/transparency', { user: null });
    expect(await screen.findByText('No checkpoint has been recorded yet.')).toBeTruthy();
  });
});
