import { APPEAL_OUTCOMES, DECISION_REASON_MAX_LENGTH, type Appeal, type AppealOutcome } from '@compact-voices/contracts';
import { appealDecisionSchema } from '@compact-voices/contracts/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog';
import { ErrorSummary } from '../../../components/form/error-summary';
import { RadioGroupField } from '../../../components/form/radio-group-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useForm } from '../../../hooks/use-form';
import { SingleFlight } from '../../../lib/idempotency';
import { useDecideAppeal } from '../api/appeals';

interface AppealDecisionValues {
  outcome: AppealOutcome | '';
  reason: string;
}
type Field = keyof AppealDecisionValues;

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
  const form = useForm<AppealDecisionValues, typeof appealDecisionSchema>({
    id: `appeal-decision-${appeal.id}`,
    fields: ['outcome', 'reason'],
    defaultValues: { outcome: '', reason: '' },
    schema: appealDecisionSchema,
    toRequest: (values) => ({ outcome: values.outcome || undefined, reason: values.reason.trim() }),
    messages: { outcome: { required: 'invalidChoice' }, reason: { required: 'reasonRequired' } },
  });
  const labels: Record<Field, string> = { outcome: t('moderation.appealOutcomeLegend'), reason: t('moderation.reasonLabel') };

  const submit = form.handleSubmit((request) =>
    flight.run(async () => {
      const decided = await decide.mutateAsync({ id: appeal.id, request });
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
