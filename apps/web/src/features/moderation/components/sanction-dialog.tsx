import { DECISION_REASON_MAX_LENGTH, type QueueItem, type Sanction } from '@compact-voices/contracts';
import { sanctionSchema } from '@compact-voices/contracts/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { useForm } from '../../../hooks/use-form';
import { fieldMessage } from '../../../lib/form-errors';
import { SingleFlight } from '../../../lib/idempotency';
import { useCreateSanction } from '../api/create-sanction';
import { RuleOptions } from './rule-options';

interface SanctionValues {
  /** An `<input type="date">` value. */
  until: string;
  ruleCode: string;
  reason: string;
}
type Field = keyof SanctionValues;

/** What the moderator fills in; whom it is about comes from the comment. */
const sanctionFormSchema = sanctionSchema.pick({ until: true, ruleCode: true, reason: true });

/** "2026-12-31" (a date input) as the end of that day in UTC; undefined when it is not a date. */
function endOfDay(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.000Z` : undefined;
}

/** Beyond the request's shape: the date is still to come (the API's rule too, said before sending). */
function validate(values: SanctionValues, now: number = Date.now()) {
  const end = endOfDay(values.until);
  return { until: end && Date.parse(end) <= now ? fieldMessage('futureDate') : undefined };
}

interface SanctionDialogProps {
  item: Pick<QueueItem, 'comment'>;
  onClose: () => void;
  onSuspended: (sanction: Sanction) => void;
}

/** Suspend the author of a queued comment until a date, under a rule and with a reason (they are told both). */
export function SanctionDialog({ item, onClose, onSuspended }: SanctionDialogProps) {
  const { t } = useTranslation();
  const create = useCreateSanction();
  const [flight] = useState(() => new SingleFlight());
  const form = useForm<SanctionValues, typeof sanctionFormSchema>({
    id: `sanction-${item.comment.id}`,
    fields: ['until', 'ruleCode', 'reason'],
    defaultValues: { until: '', ruleCode: item.comment.moderation?.ruleCode ?? '', reason: '' },
    schema: sanctionFormSchema,
    toRequest: (values) => ({ until: endOfDay(values.until), ruleCode: values.ruleCode, reason: values.reason.trim() }),
    validate,
    messages: {
      until: { required: 'futureDate', invalid: 'futureDate' },
      ruleCode: { required: 'chooseRule' },
      reason: { required: 'reasonRequired' },
    },
  });
  const labels: Record<Field, string> = {
    until: t('moderation.untilLabel'),
    ruleCode: t('moderation.ruleLabel'),
    reason: t('moderation.reasonLabel'),
  };

  const submit = form.handleSubmit((request) =>
    flight.run(async () => {
      const sanction = await create.mutateAsync({ commentId: item.comment.id, ...request });
      onSuspended(sanction);
    }),
  );

  return (
    <Dialog
      title={t('moderation.suspendTitle', { name: item.comment.author?.displayName ?? t('moderation.unknownAuthor') })}
      description={t('moderation.suspendHint')}
      onClose={onClose}
    >
      <form noValidate className="form" onSubmit={submit} aria-busy={form.submitting || undefined}>
        <ErrorSummary form={form} labels={labels} />
        <TextField form={form} name="until" type="date" label={labels.until} hint={t('moderation.untilHint')} required />
        <SelectField form={form} name="ruleCode" label={labels.ruleCode} required>
          <RuleOptions />
        </SelectField>
        <TextAreaField
          form={form}
          name="reason"
          label={labels.reason}
          hint={t('moderation.reasonHint')}
          maxCharacters={DECISION_REASON_MAX_LENGTH}
          rows={3}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button--danger">
            {form.submitting ? t('form.sending') : t('moderation.suspendSubmit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('composer.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
