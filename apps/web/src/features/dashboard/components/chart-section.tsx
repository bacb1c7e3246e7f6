import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartSectionProps {
  heading: string;
  /** What the chart shows, in words: read by everyone, and the chart's text alternative. */
  summary: ReactNode;
  /** The picture, hidden from screen readers (the table carries the same numbers). */
  chart: ReactNode;
  /** The same numbers as a table, behind "Show as table". */
  table: ReactNode;
  /** Shown instead of chart and table when there is nothing to draw. */
  empty?: string | null;
}

/** One dashboard section: heading, summary, the chart, and its table behind a disclosure. */
export function ChartSection({ heading, summary, chart, table, empty }: ChartSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="page-section chart-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <p className="chart-section__summary">{summary}</p>
      {empty ? (
        <p className="notice">{empty}</p>
      ) : (
        <>
          <div className="chart-section__chart" aria-hidden="true">
            {chart}
          </div>
          <details className="chart-section__table">
            <summary>{t('dashboard.showTable')}</summary>
            {table}
          </details>
        </>
      )}
    </section>
  );
}
