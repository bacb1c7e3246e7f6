import { ErrorCode, FLAG_NOTE_MAX_LENGTH, FLAG_REASONS, type FlagReason } from '@compact-voices/contracts';
import { flagSchema } from '@compact-voices/contracts/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog';
import { ErrorSummary } from '../../../components/form/error-summary';
import { RadioGroupField } from '../../../components/form/radio-group-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useForm } from '../../../hooks/use-form';
import { isApiError } from '../../../lib/api-client';
import { IdempotencyKeys, SingleFlight } from '../../../lib/idempotency';
import { useFlagComment } from '../api/flag-comment';

interface FlagValues {
  reason: FlagReason | '';
  note: string;
}
type Field = keyof FlagValues;

interface FlagDialogProps {
  commentId: string;
  /** Whose comment, for the heading ("Report the comment by …"). */
  authorName: string;
  onClose: () => void;
}

/**
 * "Report" a comment to the moderators: one of the six reasons and an optional note. Afterwards the
 * dialog thanks the person; a second report of the same comment says it was reported already.
 */
export function FlagDialog({ commentId, authorName, onClose }: FlagDialogProps) {
  const { t } = useTranslation();
  const flag = useFlagComment();
  const [keys] = useState(() => new IdempotencyKeys());
  const [flight] = useState(() => new SingleFlight());
  const [outcome, setOutcome] = useState<'sent' | 'already' | null>(null);
  const form = useForm<FlagValues, typeof flagSchema>({
    id: `flag-${commentId}`,
    fields: ['reason', 'note'],
    defaultValues: { reason: '', note: '' },
    schema: flagSchema,
    toRequest: (values) => {
      const note = values.note.trim();
      return { reason: values.reason || undefined, ...(note ? { note } : {}) };
    },
    messages: { reason: { required: 'chooseReason' } },
  });
  const labels: Record<Field, string> = { reason: t('flag.reasonLegend'), note: t('flag.noteLabel') };

  const submit = form.handleSubmit((request) =>
    flight.run(async () => {
      try {
        await flag.mutateAsync({ commentId, request, idempotencyKey: keys.keyFor({ commentId, request }) });
        keys.settle();
        setOutcome('sent');
      } catch (error) {
        if (isApiError(error) && error.code === ErrorCode.FLAG_EXISTS) {
          setOutcome('already');
          return;
        }
        throw error;
      }
    }),
  );

  return (
    <Dialog title={t('flag.heading', { name: authorName })} onClose={onClose}>
      {outcome ? (
        <>
          <p role="status" className="notice">
            {outcome === 'sent' ? t('flag.thanks') : t('errors.FLAG_EXISTS')}
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('flag.done')}
            </button>
          </div>
        </>
      ) : (
        <form noValidate className="form" onSubmit={submit} aria-busy={form.submitting || undefined}>
          <ErrorSummary form={form} labels={labels} />
          <RadioGroupField
            form={form}
            name="reason"
            legend={labels.reason}
            options={FLAG_REASONS.map((reason) => ({
              value: reason,
              label: t(`flagReasons.${reason}`),
              hint: t(`flagReasonHints.${reason}`),
            }))}
          />
          <TextAreaField
            form={form}
            name="note"
            label={labels.note}
            hint={t('flag.noteHint')}
            maxCharacters={FLAG_NOTE_MAX_LENGTH}
            rows={3}
          />
          <div className="form-actions">
            <button type="submit" className="button">
              {form.submitting ? t('form.sending') : t('flag.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('composer.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
