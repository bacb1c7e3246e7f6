import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useConsultations } from '../../features/consultations/api/get-consultations';
import { ConsultationBadges } from '../../features/consultations/components/consultation-badges';
import { ConsultationDates } from '../../features/consultations/components/consultation-dates';
import { ConsultationStatusActions } from '../../features/consultations/components/consultation-status-actions';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

/** What the create and edit pages pass on to this one: the outcome to announce. */
export interface AdminConsultationsState {
  notice?: string;
}

/** The secretariat's list of rounds (drafts included): create, edit, and open / close / archive. */
export function AdminConsultationsRoute() {
  const { t } = useTranslation();
  const location = useLocation();
  const consultations = useConsultations();
  const [outcome, setOutcome] = useState(() => (location.state as AdminConsultationsState | null)?.notice ?? '');
  const listRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t('adminConsultations.heading'));

  const items = consultations.data?.items ?? [];
  let statusText = '';
  if (consultations.isPending) statusText = t('status.loading');
  else if (consultations.isSuccess)
    statusText = items.length === 0 ? t('adminConsultations.none') : t('adminConsultations.count', { count: items.length });

  return (
    <>
      <PageHeading>{t('adminConsultations.heading')}</PageHeading>
      <p className="lead">{t('adminConsultations.intro')}</p>
      <p>
        <Link to={paths.adminNewConsultation()} className="button">
          {t('adminConsultations.createLink')}
        </Link>
      </p>
      <p role="status" className="search-results__status">
        {statusText}
      </p>
      <StatusMessage>{outcome}</StatusMessage>
      {consultations.isError ? <ErrorAlert error={consultations.error} onRetry={() => void consultations.refetch()} /> : null}
      <div ref={listRef} tabIndex={-1}>
        {items.length > 0 ? (
          <ul className="item-list" aria-label={t('adminConsultations.listLabel')}>
            {items.map((consultation) => {
              const titleId = `round-${consultation.id}-title`;
              return (
                <li key={consultation.id} className="card item-list__item">
                  <h2 id={titleId} className="item-list__heading">
                    <Link to={paths.consultation(consultation.id)}>
                      <bdi>{consultation.title}</bdi>
                    </Link>
                  </h2>
                  <p>
                    <ConsultationBadges consultation={consultation} />
                  </p>
                  <ConsultationDates consultation={consultation} />
                  <p>
                    <Link to={paths.adminEditConsultation(consultation.id)} aria-describedby={titleId}>
                      {t('adminConsultations.editLink')}
                    </Link>
                  </p>
                  <ConsultationStatusActions
                    consultation={consultation}
                    describedBy={titleId}
                    onChanged={(updated) => {
                      setOutcome(t(`adminConsultations.statusChanged.${updated.status}`, { title: updated.title }));
                      // The buttons change with the state: keep focus on the list, not on a vanished button.
                      listRef.current?.focus();
                    }}
                  />
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </>
  );
}
