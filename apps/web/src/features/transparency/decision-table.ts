import { MODERATION_ACTIONS, type ModerationAction, type Transparency } from '@compact-voices/contracts';

export interface DecisionRow {
  /** "2026-11" (UTC calendar month). */
  month: string;
  ruleCode: string;
  counts: Record<ModerationAction, number>;
  total: number;
}

function ruleOrder(code: string): number {
  const number = /^R(\d+)$/.exec(code)?.[1];
  return number === undefined ? Number.MAX_SAFE_INTEGER : Number(number);
}

/**
 * The API's flat counts (month × rule × action) as table rows: one per month and rule, newest month
 * first, rules in their published order (R2 before R10), a column per action, and the row's total.
 */
export function decisionRows(decisions: Transparency['decisions']): DecisionRow[] {
  const rows = new Map<string, DecisionRow>();
  for (const { month, ruleCode, action, count } of decisions) {
    const key = `${month}\u0000${ruleCode}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        month,
        ruleCode,
        counts: Object.fromEntries(MODERATION_ACTIONS.map((name) => [name, 0])) as Record<ModerationAction, number>,
        total: 0,
      };
      rows.set(key, row);
    }
    row.counts[action] += count;
    row.total += count;
  }
  return [...rows.values()].sort(
    (a, b) => b.month.localeCompare(a.month) || ruleOrder(a.ruleCode) - ruleOrder(b.ruleCode) || a.ruleCode.localeCompare(b.ruleCode),
  );
}

/** Each action's total over every row, for the table's footer. */
export function actionTotals(rows: readonly DecisionRow[]): Record<ModerationAction, number> & { total: number } {
  const totals = { ...(Object.fromEntries(MODERATION_ACTIONS.map((name) => [name, 0])) as Record<ModerationAction, number>), total: 0 };
  for (const row of rows) {
    for (const action of MODERATION_ACTIONS) totals[action] += row.counts[action];
    totals.total += row.total;
  }
  return totals;
}

/** "2026-11" as "November 2026" in the interface language. */
export function formatMonth(month: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
