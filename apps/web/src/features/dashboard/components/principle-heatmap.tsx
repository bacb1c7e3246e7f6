import type { Country, PrincipleSummary } from '@compact-voices/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../components/country-options';
import { currentLocale } from '../../../lib/i18n';
import { useContentLang } from '../../../lib/use-content-lang';
import { HEAT_CLASSES, heatClass, heatGrid, type HeatCell } from '../chart-scales';

interface PrincipleHeatmapProps {
  cells: readonly HeatCell[];
  principles: readonly PrincipleSummary[];
  countries: readonly Country[] | undefined;
}

/**
 * Median rating per country × principle as a table whose cells are coloured: the chart and its
 * table are one thing, so a screen reader reads the same numbers a sighted reader sees. Each cell
 * prints its median and count; suppressed cells say so in words and are hatched, not coloured.
 * The table scrolls inside its own focusable region on a narrow screen, never the page.
 */
export function PrincipleHeatmap({ cells, principles, countries }: PrincipleHeatmapProps) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const contentLang = useContentLang();
  const decimal = new Intl.NumberFormat(currentLocale(i18n), { maximumFractionDigits: 1 });

  const principleCodes =
    principles.length > 0 ? principles.map((p) => p.code as string) : [...new Set(cells.map((cell) => cell.principleCode))];
  const countryIso3s = [...new Set(cells.map((cell) => cell.countryIso3))].sort((a, b) =>
    countryName(countries, a).localeCompare(countryName(countries, b), 'en'),
  );
  if (countryIso3s.length === 0) return <p>{t('dashboard.heatmap.empty')}</p>;
  const rows = heatGrid(cells, principleCodes, countryIso3s);
  const title = (code: string) => principles.find((p) => p.code === code)?.title ?? code;

  return (
    <>
      <div className="table-scroll heatmap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table heatmap__table">
          <caption id={captionId}>{t('dashboard.heatmap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.heatmap.countryColumn')}</th>
              {principleCodes.map((code) => (
                <th key={code} scope="col" className="heatmap__principle">
                  <abbr title={title(code)} {...contentLang}>
                    {code}
                  </abbr>
                  <span className="visually-hidden" {...contentLang}>
                    {' '}
                    {title(code)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.iso3}>
                <th scope="row" {...contentLang}>
                  {countryName(countries, row.iso3)}
                </th>
                {row.cells.map(({ principleCode, cell }) => (
                  <td key={principleCode} className={cellClass(cell)}>
                    {cell === null || (cell.median === null && !cell.suppressed) ? (
                      <span className="heatmap__none">{t('dashboard.heatmap.noData')}</span>
                    ) : cell.suppressed || cell.median === null ? (
                      <span className="heatmap__suppressed">{t('dashboard.heatmap.suppressed')}</span>
                    ) : (
                      <>
                        <span className="heatmap__value">{decimal.format(cell.median)}</span>
                        {cell.n !== null ? (
                          <span className="heatmap__count">{t('dashboard.heatmap.cellCount', { count: cell.n })}</span>
                        ) : null}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatLegend />
    </>
  );
}

function cellClass(cell: HeatCell | null): string {
  if (cell === null || cell.suppressed || cell.median === null) return 'heatmap__cell heatmap__cell--empty';
  return `heatmap__cell heat-${heatClass(cell.median)}`;
}

/** The scale from 0 to 4 in half steps, each swatch with its value (decorative: the cells print theirs). */
function HeatLegend() {
  const { t, i18n } = useTranslation();
  const decimal = new Intl.NumberFormat(currentLocale(i18n), { maximumFractionDigits: 1 });
  return (
    <div className="heat-legend" aria-hidden="true">
      <span className="heat-legend__label">{t('dashboard.heatmap.legend')}</span>
      <span className="heat-legend__end">{t('ratings.scale.0')}</span>
      <span className="heat-legend__swatches">
        {HEAT_CLASSES.map((_, index) => (
          <span key={index} className={`heat-legend__swatch heat-${index}`}>
            {decimal.format(index / 2)}
          </span>
        ))}
      </span>
      <span className="heat-legend__end">{t('ratings.scale.4')}</span>
    </div>
  );
}
