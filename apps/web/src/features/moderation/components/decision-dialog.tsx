import {
  DECISION_REASON_MAX_LENGTH,
  ErrorCode,
  type ModerationAction,
  type ModerationDecision,
  type QueueItem,
} from '@compact-voices/contracts';
import { decisionSchema } from '@compact-voices/contracts/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useForm } from '../../../hooks/use-form';
import { isApiError } from '../../../lib/api-client';
import { SingleFlight } from '../../../lib/idempotency';
import { useCreateDecision } from '../api/decisions';
import { RuleOptions } from './rule-options';

interface DecisionValues {
  ruleCode: string;
  reason: string;
}
type Field = keyof DecisionValues;

/** What the moderator fills in; the comment, the action and the version come from the item. */
const decisionFormSchema = decisionSchema.pick({ ruleCode: true, reason: true });

/** What a decision is about: a queue item, or a comment in its thread (no version: the API checks the current one). */
export type DecisionSubject = Pick<QueueItem, 'comment'> & Partial<Pick<QueueItem, 'version' | 'conflictOfInterest'>>;

interface DecisionDialogProps {
  item: DecisionSubject;
  action: ModerationAction;
  onClose: () => void;
  onDecided: (decision: ModerationDecision) => void;
  /** Someone else decided first (409 DECISION_CONFLICT): the queue is refreshed and the dialog closes. */
  onConflict: () => void;
  /**
   * Keep the dialog open on a decision that waits for a co-signature, saying so, until the
   * moderator closes it (the thread; the queue says it in its status line instead).
   */
  showAwaitingResult?: boolean;
}

/**
 * A moderation decision: always under a published rule and with a reason (the author reads both).
 * Sends the version of the comment the moderator saw, so a decision made meanwhile is not overwritten.
 */
export function DecisionDialog({ item, action, onClose, onDecided, onConflict, showAwaitingResult = false }: DecisionDialogProps) {
  const { t } = useTranslation();
  const decide = useCreateDecision();
  const [flight] = useState(() => new SingleFlight());
  const [awaiting, setAwaiting] = useState<ModerationDecision | null>(null);
  const form = useForm<DecisionValues, typeof decisionFormSchema>({
    id: `decision-${item.comment.id}`,
    fields: ['ruleCode', 'reason'],
    defaultValues: { ruleCode: item.comment.moderation?.ruleCode ?? '', reason: '' },
    schema: decisionFormSchema,
    toRequest: (values) => ({ ruleCode: values.ruleCode, reason: values.reason.trim() }),
    messages: { ruleCode: { required: 'chooseRule' }, reason: { required: 'reasonRequired' } },
    serverErrors: { codes: { [ErrorCode.RULE_NOT_FOUND]: 'ruleCode' } },
  });
  const labels: Record<Field, string> = { ruleCode: t('moderation.ruleLabel'), reason: t('moderation.reasonLabel') };

  const submit = form.handleSubmit((request) =>
    flight.run(async () => {
      try {
        const decision = await decide.mutateAsync({ commentId: item.comment.id, action, ...request, expectedVersion: item.version });
        if (showAwaitingResult && decision.status === 'awaiting-cosign') setAwaiting(decision);
        else onDecided(decision);
      } catch (error) {
        if (isApiError(error) && error.code === ErrorCode.DECISION_CONFLICT) {
          onConflict();
          return;
        }
        throw error;
      }
    }),
  );

  return (
    <Dialog
      title={t(`moderation.dialogTitle.${action}`, { name: item.comment.author?.displayName ?? t('moderation.unknownAuthor') })}
      description={item.conflictOfInterest ? t('moderation.conflictHint') : t('moderation.decisionHint')}
      onClose={awaiting ? () => onDecided(awaiting) : onClose}
    >
      {awaiting ? (
        <>
          <p role="status" className="notice">
            {t('threadModeration.awaitingCosign')}
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => onDecided(awaiting)}>
              {t('flag.done')}
            </button>
          </div>
        </>
      ) : (
        <form noValidate className="form" onSubmit={submit} aria-busy={form.submitting || undefined}>
          <ErrorSummary form={form} labels={labels} />
          <SelectField form={form} name="ruleCode" label={labels.ruleCode} required>
            <RuleOptions />
          </SelectField>
          <TextAreaField
            form={form}
            name="reason"
            label={labels.reason}
            hint={t('moderation.reasonHint')}
            maxCharacters={DECISION_REASON_MAX_LENGTH}
            rows={4}
            required
          />
          <div className="form-actions">
            <button type="submit" className="button">
              {form.submitting ? t('form.sending') : t(`moderation.confirm.${action}`)}
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
