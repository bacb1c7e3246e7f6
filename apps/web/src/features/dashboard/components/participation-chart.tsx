import type { Dashboard } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { participationSeries, weekStart } from '../chart-scales';
import { ChartSection } from './chart-section';

const BAR = 10;
const HEIGHT = 40;

/**
 * People taking part per week, as small multiples: one row of bars per stakeholder type, all on
 * one scale. No colour to tell types apart — each row is labelled — so it reads the same for
 * everyone, and a row stays wide enough on a phone.
 */
export function ParticipationChart({ rows }: { rows: Dashboard['participation'] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const { weeks, types, value, max } = participationSeries(rows);
  const weekLabel = (week: string) => {
    const monday = weekStart(week);
    return monday ? formatDate(monday.toISOString(), locale) : week;
  };
  const width = Math.max(1, weeks.length) * BAR;

  const chart = (
    <div className="participation-chart">
      {types.map((type) => (
        <div key={type} className="participation-chart__row">
          <span className="participation-chart__label">{t(`stakeholderTypes.${type}`)}</span>
          <svg viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" className="participation-chart__bars" focusable="false">
            <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} className="participation-chart__axis" />
            {weeks.map((week, index) => {
              const people = value(week, type);
              const height = max === 0 ? 0 : (people / max) * (HEIGHT - 2);
              return (
                <rect
                  key={week}
                  x={index * BAR + 1}
                  width={BAR - 2}
                  y={HEIGHT - height}
                  height={height}
                  className="participation-chart__bar"
                />
              );
            })}
          </svg>
          <span className="participation-chart__max">{Math.max(...weeks.map((week) => value(week, type)))}</span>
        </div>
      ))}
      {weeks.length > 0 ? (
        <div className="participation-chart__weeks">
          <span>{weekLabel(weeks[0])}</span>
          {weeks.length > 1 ? <span>{weekLabel(weeks[weeks.length - 1])}</span> : null}
        </div>
      ) : null}
    </div>
  );

  const table = (
    <div className="table-scroll" role="region" aria-label={t('dashboard.participation.caption')} tabIndex={0}>
      <table className="data-table">
        <caption>{t('dashboard.participation.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.participation.weekColumn')}</th>
            {types.map((type) => (
              <th key={type} scope="col">
                {t(`stakeholderTypes.${type}`)}
              </th>
            ))}
            <th scope="col">{t('dashboard.participation.totalColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week}>
              <th scope="row" className="nowrap">
                {weekLabel(week)}
              </th>
              {types.map((type) => (
                <td key={type}>{value(week, type)}</td>
              ))}
              <td>{types.reduce((sum, type) => sum + value(week, type), 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartSection
      heading={t('dashboard.participation.heading')}
      summary={t('dashboard.participation.summary', { max })}
      chart={chart}
      table={table}
      empty={types.length === 0 ? t('dashboard.participation.empty') : null}
    />
  );
}
