import type { Consultation } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';

/** "Opens … · Closes …" in the reader's language and time zone. */
export function ConsultationDates({ consultation }: { consultation: Pick<Consultation, 'opensAt' | 'closesAt'> }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <p className="meta consultation-dates">
      <span>
        {t('consultations.opens')} <time dateTime={consultation.opensAt}>{formatDateTime(consultation.opensAt, locale)}</time>
      </span>
      <span aria-hidden="true"> · </span>
      <span className="visually-hidden">, </span>
      <span>
        {t('consultations.closes')} <time dateTime={consultation.closesAt}>{formatDateTime(consultation.closesAt, locale)}</time>
      </span>
    </p>
  );
}
