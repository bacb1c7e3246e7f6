import { APPEAL_OUTCOMES, DECISION_REASON_MAX_LENGTH, type Appeal } from '@compact-voices/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog';
import { ErrorSummary } from '../../../components/form/error-summary';
import { RadioGroupField } from '../../../components/form/radio-group-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useForm, type FormValues } from '../../../hooks/use-form';
import { fieldMessage } from '../../../lib/form-errors';
import { SingleFlight } from '../../../lib/idempotency';
import { characterCount, compactErrors } from '../../../lib/validation';
import { useDecideAppeal } from '../api/appeals';

const FIELDS = ['outcome', 'reason'] as const;
type Field = (typeof FIELDS)[number];

function isOutcome(value: string): value is (typeof APPEAL_OUTCOMES)[number] {
  return (APPEAL_OUTCOMES as readonly string[]).includes(value);
}

function validate(values: FormValues<Field>) {
  const reason = values.reason.trim();
  return compactErrors<Field>({
    outcome: isOutcome(values.outcome) ? undefined : fieldMessage('invalidChoice'),
    reason: !reason
      ? fieldMessage('reasonRequired')
      : characterCount(reason) > DECISION_REASON_MAX_LENGTH
        ? fieldMessage('tooLongMax', { max: DECISION_REASON_MAX_LENGTH })
        : undefined,
  });
}

/**
 * Decide an appeal: uphold the decision or overturn it, with a reason the appellant reads. The
 * original decider is refused by the API (403 ORIGINAL_DECIDER), which the error summary explains.
 */
export function AppealDecisionDialog({
  appeal,
  onClose,
  onDecided,
}: {
  appeal: Appeal;
  onClose: () => void;
  onDecided: (appeal: Appeal) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideAppeal();
  const [flight] = useState(() => new SingleFlight());
  const form = useForm<Field>({ id: `appeal-decision-${appeal.id}`, fields: FIELDS, initialValues: { outcome: '', reason: '' }, validate });
  const labels: Record<Field, string> = { outcome: t('moderation.appealOutcomeLegend'), reason: t('moderation.reasonLabel') };

  const submit = form.handleSubmit((values) =>
    flight.run(async () => {
      if (!isOutcome(values.outcome)) return;
      const decided = await decide.mutateAsync({ id: appeal.id, request: { outcome: values.outcome, reason: values.reason.trim() } });
      onDecided(decided);
    }),
  );

  return (
    <Dialog title={t('moderation.decideAppealTitle')} description={t('moderation.decideAppealHint')} onClose={onClose}>
      <form noValidate className="form" onSubmit={submit} aria-busy={form.submitting || undefined}>
        <ErrorSummary form={form} labels={labels} />
        <RadioGroupField
          form={form}
          name="outcome"
          legend={labels.outcome}
          options={APPEAL_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`moderation.appealChoice.${outcome}`) }))}
        />
        <TextAreaField
          form={form}
          name="reason"
          label={labels.reason}
          hint={t('moderation.appealReasonHint')}
          maxCharacters={DECISION_REASON_MAX_LENGTH}
          rows={4}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {form.submitting ? t('form.sending') : t('moderation.decideAppealSubmit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('composer.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
