import type { Dashboard } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { useScaleLabel } from '../../../lib/rating-scale';
import { DISTRIBUTION_KEYS, roundShares } from '../chart-scales';
import { ChartSection } from './chart-section';

type Distribution = Dashboard['distributions'][number];

/**
 * Per recommendation, a bar split by level (0–4, then Don't know), each level its own shade and
 * pattern-free order. With a stakeholder-type filter there are no distributions to draw (types
 * publish medians only): each row says so.
 */
export function DistributionChart({ distributions }: { distributions: readonly Distribution[] }) {
  const { t } = useTranslation();
  const scaleLabel = useScaleLabel();
  // Everyone who answered, Don't know included (the API's n counts the scores only).
  const people = (row: Distribution) => (row.counts ? DISTRIBUTION_KEYS.reduce((sum, key) => sum + (row.counts![key] ?? 0), 0) : null);
  const withheld = (row: Distribution) => t(row.n !== null ? 'dashboard.distribution.byType' : 'dashboard.distribution.suppressed');

  const chart = (
    <>
      <ul className="chart-legend">
        {DISTRIBUTION_KEYS.map((key) => (
          <li key={key}>
            <span className={`chart-legend__swatch dist-${key}`} />
            {scaleLabel(key)}
          </li>
        ))}
      </ul>
      <div className="dist-chart">
        {distributions.map((row) => {
          const counts = row.counts;
          const widths = counts ? roundShares(DISTRIBUTION_KEYS.map((key) => counts[key] ?? 0)) : [];
          return (
            <div key={row.recommendationCode} className="dist-chart__row">
              <span className="dist-chart__label">{row.recommendationCode}</span>
              {row.suppressed || !counts ? (
                <span className="dist-chart__suppressed">{withheld(row)}</span>
              ) : (
                <span className="dist-chart__track">
                  {DISTRIBUTION_KEYS.map((key, index) =>
                    widths[index] > 0 ? (
                      <span key={key} className={`dist-chart__segment dist-${key} bar-w-${widths[index]}`}>
                        {widths[index] >= 8 ? counts[key] : null}
                      </span>
                    ) : null,
                  )}
                </span>
              )}
              <span className="dist-chart__total">{row.suppressed ? '' : people(row)}</span>
            </div>
          );
        })}
      </div>
    </>
  );

  const table = (
    <div className="table-scroll" role="region" aria-label={t('dashboard.distribution.caption')} tabIndex={0}>
      <table className="data-table">
        <caption>{t('dashboard.distribution.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.distribution.recommendationColumn')}</th>
            {DISTRIBUTION_KEYS.map((key) => (
              <th key={key} scope="col">
                {scaleLabel(key)}
              </th>
            ))}
            <th scope="col">{t('dashboard.distribution.totalColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {distributions.map((row) => (
            <tr key={row.recommendationCode}>
              <th scope="row">{row.recommendationCode}</th>
              {row.suppressed || !row.counts ? (
                <td colSpan={DISTRIBUTION_KEYS.length + 1}>{withheld(row)}</td>
              ) : (
                <>
                  {DISTRIBUTION_KEYS.map((key) => (
                    <td key={key}>{row.counts![key] ?? 0}</td>
                  ))}
                  <td>{people(row)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartSection
      heading={t('dashboard.distribution.heading')}
      summary={t('dashboard.distribution.summary')}
      chart={chart}
      table={table}
      empty={distributions.length === 0 ? t('dashboard.distribution.empty') : null}
    />
  );
}
