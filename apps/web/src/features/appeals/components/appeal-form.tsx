import { APPEAL_TEXT_MAX_LENGTH, ErrorCode, type Appeal } from '@compact-voices/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useForm, type FormValues } from '../../../hooks/use-form';
import { fieldMessage } from '../../../lib/form-errors';
import { IdempotencyKeys, SingleFlight } from '../../../lib/idempotency';
import { characterCount, compactErrors } from '../../../lib/validation';
import { useCreateAppeal } from '../api/create-appeal';

const FIELDS = ['text'] as const;
type Field = (typeof FIELDS)[number];

function validate(values: FormValues<Field>) {
  const text = values.text.trim();
  return compactErrors<Field>({
    text: !text
      ? fieldMessage('appealTextRequired')
      : characterCount(text) > APPEAL_TEXT_MAX_LENGTH
        ? fieldMessage('tooLongMax', { max: APPEAL_TEXT_MAX_LENGTH })
        : undefined,
  });
}

/** The author's appeal against one decision: why it should be looked at again (another moderator decides). */
export function AppealForm({ decisionId, onAppealed }: { decisionId: string; onAppealed: (appeal: Appeal) => void }) {
  const { t } = useTranslation();
  const create = useCreateAppeal();
  const [keys] = useState(() => new IdempotencyKeys());
  const [flight] = useState(() => new SingleFlight());
  const form = useForm<Field>({
    id: 'appeal',
    fields: FIELDS,
    initialValues: { text: '' },
    validate,
    serverErrors: {
      codes: { [ErrorCode.APPEAL_EXISTS]: 'text', [ErrorCode.APPEAL_WINDOW_CLOSED]: 'text', [ErrorCode.NOT_APPEALABLE]: 'text' },
    },
  });
  const labels: Record<Field, string> = { text: t('appeals.textLabel') };

  const submit = form.handleSubmit((values) =>
    flight.run(async () => {
      const request = { decisionId, text: values.text.trim() };
      const appeal = await create.mutateAsync({ request, idempotencyKey: keys.keyFor(request) });
      keys.settle();
      onAppealed(appeal);
    }),
  );

  return (
    <form noValidate className="form" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <TextAreaField
        form={form}
        name="text"
        label={labels.text}
        hint={t('appeals.textHint')}
        maxCharacters={APPEAL_TEXT_MAX_LENGTH}
        rows={8}
        required
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('form.sending') : t('appeals.submit')}
        </button>
      </div>
    </form>
  );
}
