import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { RoundTeamPanel } from '../../features/admin/components/round-team-panel';
import { useConsultation } from '../../features/consultations/api/get-consultation';
import { ConsultationForm } from '../../features/consultations/components/consultation-form';
import { useCountries } from '../../features/countries/api/get-countries';
import { usePrinciples } from '../../features/principles/api/get-principles';
import { useRecommendations } from '../../features/recommendations/api/get-recommendations';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isNotFoundError } from '../../lib/api-client';
import { isolate } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import type { AdminConsultationsState } from './admin-consultations-route';

/** The catalogue and countries the round form offers; one loading and one error state for all three. */
function useFormData() {
  const principles = usePrinciples();
  const recommendations = useRecommendations();
  const countries = useCountries();
  const failed = [principles, recommendations, countries].find((query) => query.isError);
  const ready = principles.data && recommendations.data && countries.data;
  return {
    failed,
    data: ready
      ? { principles: principles.data.items, recommendations: recommendations.data.items, countries: countries.data.items }
      : null,
  };
}

export function AdminNewConsultationRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { failed, data } = useFormData();
  useDocumentTitle(t('consultationForm.createHeading'));

  if (failed) return <ErrorView error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!data) return <LoadingStatus />;
  return (
    <div className="narrow-wide">
      <PageHeading>{t('consultationForm.createHeading')}</PageHeading>
      <p className="lead">{t('consultationForm.createIntro')}</p>
      <ConsultationForm
        {...data}
        onSaved={(consultation) =>
          void navigate(paths.adminConsultations(), {
            state: { notice: t('consultationForm.created', { title: consultation.title }) } satisfies AdminConsultationsState,
          })
        }
      />
    </div>
  );
}

export function AdminEditConsultationRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const consultation = useConsultation(id);
  const { failed, data } = useFormData();
  useDocumentTitle(consultation.data ? t('consultationForm.editHeading', { title: isolate(consultation.data.title) }) : null);

  if (isNotFoundError(consultation.error)) {
    return <NotFoundView heading={t('consultation.notFoundHeading')} text={t('consultation.notFoundText')} />;
  }
  if (consultation.isError) return <ErrorView error={consultation.error} onRetry={() => void consultation.refetch()} />;
  if (failed) return <ErrorView error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!data || !consultation.data) return <LoadingStatus />;
  return (
    <div className="narrow-wide">
      <PageHeading>{t('consultationForm.editHeading', { title: isolate(consultation.data.title) })}</PageHeading>
      <ConsultationForm
        key={consultation.data.id}
        {...data}
        existing={consultation.data}
        onSaved={(saved) =>
          void navigate(paths.adminConsultations(), {
            state: { notice: t('consultationForm.saved', { title: saved.title }) } satisfies AdminConsultationsState,
          })
        }
      />
      {/* Saved on their own (each change is audit-logged), not with the form above. */}
      <RoundTeamPanel consultationId={consultation.data.id} countries={data.countries} />
    </div>
  );
}
