import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useSession } from '../../hooks/use-session';
import { useDashboard } from '../../features/dashboard/api/get-dashboard';
import { DistributionChart } from '../../features/dashboard/components/distribution-chart';
import { GapChart } from '../../features/dashboard/components/gap-chart';
import { ParticipationChart } from '../../features/dashboard/components/participation-chart';
import { PrincipleHeatmap } from '../../features/dashboard/components/principle-heatmap';
import { dateProblem, FilterFields } from '../../features/exports/components/filter-fields';
import {
  countFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
  toExportFilters,
  type FilterValues,
} from '../../features/exports/filters';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';
import { useFilterVocabulary } from '../use-filter-vocabulary';

/**
 * The public dashboard. The filters live in the address (shareable); the form edits a draft and
 * "Show results" writes it to the address, so the charts do not reload at every choice.
 */
export function DashboardRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  useDocumentTitle(t('dashboard.heading'));
  return (
    <>
      <PageHeading>{t('dashboard.heading')}</PageHeading>
      <p className="lead">{t('dashboard.intro')}</p>
      <p className="hint">{t('dashboard.publishedOnly')}</p>
      {/* Keyed by the address: going back restores the form along with the charts. */}
      <DashboardBody key={search} params={params} onApply={(values) => setParams(filtersToSearchParams(values))} />
    </>
  );
}

function DashboardBody({ params, onApply }: { params: URLSearchParams; onApply: (values: FilterValues) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const vocabulary = useFilterVocabulary();
  const applied = filtersFromSearchParams(params);
  const [draft, setDraft] = useState<FilterValues>(applied);
  const [showDateError, setShowDateError] = useState(false);
  const filters = toExportFilters(applied);
  const dashboard = useDashboard(filters);
  const active = countFilters(filters);
  const query = filtersToSearchParams(applied).toString();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (dateProblem(draft)) {
      setShowDateError(true);
      return;
    }
    onApply(draft);
  };

  return (
    <>
      <form className="card filter-form" onSubmit={handleSubmit} noValidate>
        <fieldset>
          <legend className="filter-form__legend">{t('filters.legend')}</legend>
          <FilterFields
            values={draft}
            onChange={(next) => {
              setDraft(next);
              setShowDateError(false);
            }}
            vocabulary={vocabulary}
            dateError={showDateError && dateProblem(draft) ? t(dateProblem(draft)!) : null}
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('filters.apply')}
          </button>
          {active > 0 ? (
            <Link to={paths.dashboard()} className="button button--secondary">
              {t('filters.clear')}
            </Link>
          ) : null}
        </div>
      </form>
      <p className="hint">
        {active > 0 ? t('filters.active', { count: active }) : t('filters.none')} {t('dashboard.shareHint')}
      </p>
      <ul className="inline-list">
        <li>
          <Link to={paths.openData()}>{t('dashboard.openDataLink')}</Link>
        </li>
        {user?.roles.includes('admin') ? (
          <li>
            <Link to={paths.adminExports(query)}>{t('dashboard.exportLink')}</Link>
          </li>
        ) : null}
      </ul>
      <StatusMessage>{dashboard.isFetching && dashboard.isPlaceholderData ? t('dashboard.updating') : ''}</StatusMessage>
      {dashboard.isError ? <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {dashboard.isPending ? <LoadingStatus /> : null}
      {dashboard.data ? (
        <div className="dashboard">
          <section className="page-section chart-section" aria-labelledby="heatmap-heading">
            <h2 id="heatmap-heading">{t('dashboard.heatmap.heading')}</h2>
            <p className="chart-section__summary">{t('dashboard.heatmap.summary')}</p>
            <PrincipleHeatmap cells={dashboard.data.heatmap} principles={vocabulary.principles ?? []} countries={vocabulary.countries} />
          </section>
          <DistributionChart distributions={dashboard.data.distributions} />
          <GapChart gaps={dashboard.data.gaps} />
          <ParticipationChart rows={dashboard.data.participation} />
        </div>
      ) : null}
    </>
  );
}
