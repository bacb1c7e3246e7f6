import { actionTotals, decisionRows, formatMonth } from './decision-table';

describe('transparency decision table', () => {
  const decisions = [
    { month: '2026-10', ruleCode: 'R10', action: 'hide' as const, count: 1 },
    { month: '2026-11', ruleCode: 'R3', action: 'hide' as const, count: 2 },
    { month: '2026-11', ruleCode: 'R3', action: 'restore' as const, count: 1 },
    { month: '2026-10', ruleCode: 'R2', action: 'reject' as const, count: 4 },
    { month: '2026-11', ruleCode: 'R1', action: 'approve' as const, count: 5 },
  ];

  it('makes one row per month and rule, newest month first and rules in numeric order, with totals', () => {
    const rows = decisionRows(decisions);
    expect(rows.map((row) => `${row.month} ${row.ruleCode}`)).toEqual(['2026-11 R1', '2026-11 R3', '2026-10 R2', '2026-10 R10']);
    expect(rows[1].counts).toEqual({ approve: 0, hide: 2, restore: 1, reject: 0 });
    expect(rows[1].total).toBe(3);
    expect(actionTotals(rows)).toEqual({ approve: 5, hide: 3, restore: 1, reject: 4, total: 13 });
  });

  it('adds up repeated cells instead of dropping one', () => {
    const rows = decisionRows([...decisions, { month: '2026-11', ruleCode: 'R3', action: 'hide', count: 3 }]);
    expect(rows.find((row) => row.month === '2026-11' && row.ruleCode === 'R3')!.counts.hide).toBe(5);
  });

  it('names a month in the interface language, in UTC', () => {
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
    expect(formatMonth('2026-01', 'id')).toBe('Januari 2026');
    expect(formatMonth('not a month', 'en')).toBe('not a month');
  });
});
