import type { Dashboard } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../lib/i18n';
import { gapExtent, gapTicks, includesZero, linearScale } from '../chart-scales';
import { ChartSection } from './chart-section';

type Gap = Dashboard['gaps'][number];

const WIDTH = 480;
const LABEL_WIDTH = 64;
const PLOT_START = LABEL_WIDTH + 12;
const PLOT_END = WIDTH - 12;
const ROW = 28;
const TOP = 34;

/**
 * The perception gap per recommendation: a dot at the gap and a whisker across its 95% interval,
 * on an axis symmetric around a zero line. Drawn left to right in every language (the axis is a
 * number line); the words at its ends say which side rates higher. The numbers are set left to
 * right even on a right-to-left page, so "+1" never reads "1+".
 */
export function GapChart({ gaps }: { gaps: readonly Gap[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const extent = gapExtent(gaps);
  const x = linearScale(extent, PLOT_START, PLOT_END);
  const height = TOP + gaps.length * ROW + 8;

  const reading = (gap: Gap) => {
    const side =
      gap.value > 0
        ? t('dashboard.gaps.governmentHigher')
        : gap.value < 0
          ? t('dashboard.gaps.civilSocietyHigher')
          : t('dashboard.gaps.same');
    return includesZero(gap) && gap.value !== 0 ? `${side} (${t('dashboard.gaps.mayBeChance')})` : side;
  };

  const chart = (
    <svg className="gap-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="presentation" focusable="false">
      <text x={PLOT_START} y={12} className="gap-chart__end" textAnchor="start">
        ← {t('dashboard.gaps.axisCivilSociety')}
      </text>
      <text x={PLOT_END} y={12} className="gap-chart__end" textAnchor="end">
        {t('dashboard.gaps.axisGovernment')} →
      </text>
      {gapTicks(extent).map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 8} className={tick === 0 ? 'gap-chart__zero' : 'gap-chart__grid'} />
          <text x={x(tick)} y={TOP - 10} textAnchor="middle" direction="ltr" unicodeBidi="isolate" className="gap-chart__tick">
            {signed.format(tick)}
          </text>
        </g>
      ))}
      {gaps.map((gap, index) => {
        const y = TOP + index * ROW + ROW / 2;
        return (
          <g key={gap.recommendationCode}>
            <text x={LABEL_WIDTH} y={y + 4} textAnchor="end" className="gap-chart__label">
              {gap.recommendationCode}
            </text>
            <line x1={x(gap.ciLow)} x2={x(gap.ciHigh)} y1={y} y2={y} className="gap-chart__whisker" />
            <line x1={x(gap.ciLow)} x2={x(gap.ciLow)} y1={y - 6} y2={y + 6} className="gap-chart__whisker" />
            <line x1={x(gap.ciHigh)} x2={x(gap.ciHigh)} y1={y - 6} y2={y + 6} className="gap-chart__whisker" />
            <circle
              cx={x(gap.value)}
              cy={y}
              r={6}
              className={includesZero(gap) ? 'gap-chart__dot gap-chart__dot--open' : 'gap-chart__dot'}
            />
          </g>
        );
      })}
    </svg>
  );

  const table = (
    <div className="table-scroll" role="region" aria-label={t('dashboard.gaps.caption')} tabIndex={0}>
      <table className="data-table">
        <caption>{t('dashboard.gaps.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.distribution.recommendationColumn')}</th>
            <th scope="col">{t('dashboard.gaps.gapColumn')}</th>
            <th scope="col">{t('dashboard.gaps.intervalColumn')}</th>
            <th scope="col">{t('dashboard.gaps.readingColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((gap) => (
            <tr key={gap.recommendationCode}>
              <th scope="row">{gap.recommendationCode}</th>
              <td>{signed.format(gap.value)}</td>
              <td className="nowrap">{t('dashboard.gaps.interval', { low: signed.format(gap.ciLow), high: signed.format(gap.ciHigh) })}</td>
              <td>{reading(gap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartSection
      heading={t('dashboard.gaps.heading')}
      summary={t('dashboard.gaps.summary')}
      chart={chart}
      table={table}
      empty={gaps.length === 0 ? t('dashboard.gaps.empty') : null}
    />
  );
}
