import { DECISION_REASON_MAX_LENGTH, type QueueItem, type Sanction } from '@compact-voices/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { useForm, type FormValues } from '../../../hooks/use-form';
import { fieldMessage } from '../../../lib/form-errors';
import { SingleFlight } from '../../../lib/idempotency';
import { characterCount, compactErrors } from '../../../lib/validation';
import { useCreateSanction } from '../api/create-sanction';
import { RuleOptions } from './rule-options';

const FIELDS = ['until', 'ruleCode', 'reason'] as const;
type Field = (typeof FIELDS)[number];

/** "2026-12-31" (a date input) as the end of that day in UTC; null when it is not a date in the future. */
export function suspensionEnd(value: string, now: number = Date.now()): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const end = Date.parse(`${value}T23:59:59.000Z`);
  return Number.isNaN(end) || end <= now ? null : new Date(end).toISOString();
}

function validate(values: FormValues<Field>) {
  const reason = values.reason.trim();
  return compactErrors<Field>({
    until: suspensionEnd(values.until) ? undefined : fieldMessage('futureDate'),
    ruleCode: values.ruleCode ? undefined : fieldMessage('chooseRule'),
    reason: !reason
      ? fieldMessage('reasonRequired')
      : characterCount(reason) > DECISION_REASON_MAX_LENGTH
        ? fieldMessage('tooLongMax', { max: DECISION_REASON_MAX_LENGTH })
        : undefined,
  });
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
  const form = useForm<Field>({
    id: `sanction-${item.comment.id}`,
    fields: FIELDS,
    initialValues: { until: '', ruleCode: item.comment.moderation?.ruleCode ?? '', reason: '' },
    validate,
  });
  const labels: Record<Field, string> = {
    until: t('moderation.untilLabel'),
    ruleCode: t('moderation.ruleLabel'),
    reason: t('moderation.reasonLabel'),
  };

  const submit = form.handleSubmit((values) =>
    flight.run(async () => {
      const sanction = await create.mutateAsync({
        commentId: item.comment.id,
        until: suspensionEnd(values.until)!,
        ruleCode: values.ruleCode,
        reason: values.reason.trim(),
      });
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
