import type { Consultation, ConsultationStatus } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useUpdateConsultation } from '../api/update-consultation';

/** The moves an admin may make from each state (the API's rule; a round past its closing time reads as closed). */
export const STATUS_MOVES: Record<ConsultationStatus, readonly ConsultationStatus[]> = {
  draft: ['open', 'archived'],
  open: ['closed', 'archived'],
  closed: ['open', 'archived'],
  archived: [],
};

interface ConsultationStatusActionsProps {
  consultation: Consultation;
  /** Id of the element naming the round, when the buttons sit in a list. */
  describedBy?: string;
  onChanged: (consultation: Consultation) => void;
}

/** Open / close / reopen / archive buttons for the moves allowed from the round's state. */
export function ConsultationStatusActions({ consultation, describedBy, onChanged }: ConsultationStatusActionsProps) {
  const { t } = useTranslation();
  const update = useUpdateConsultation();
  const moves = STATUS_MOVES[consultation.status];
  if (moves.length === 0) return null;
  const label = (status: ConsultationStatus) => {
    if (status === 'open') return consultation.status === 'closed' ? t('adminConsultations.reopen') : t('adminConsultations.open');
    if (status === 'closed') return t('adminConsultations.close');
    return t('adminConsultations.archive');
  };
  const move = (status: ConsultationStatus) => {
    if (update.isPending) return;
    update.mutate({ id: consultation.id, changes: { status } }, { onSuccess: onChanged });
  };
  return (
    <>
      <div className="form-actions">
        {moves.map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'archived' ? 'button button--secondary' : 'button'}
            aria-describedby={describedBy}
            aria-disabled={update.isPending || undefined}
            onClick={() => move(status)}
          >
            {update.isPending && update.variables?.changes.status === status ? t('form.saving') : label(status)}
          </button>
        ))}
      </div>
      {update.isError ? <ErrorAlert error={update.error} /> : null}
    </>
  );
}
