import { APPEAL_TEXT_MAX_LENGTH, ErrorCode, type Appeal } from '@compact-voices/contracts';
import { appealSchema } from '@compact-voices/contracts/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useForm } from '../../../hooks/use-form';
import { IdempotencyKeys, SingleFlight } from '../../../lib/idempotency';
import { useCreateAppeal } from '../api/create-appeal';

interface AppealValues {
  text: string;
}
type Field = keyof AppealValues;

/** What the author writes; the decision appealed comes from the page. */
const appealFormSchema = appealSchema.pick({ text: true });

/** The author's appeal against one decision: why it should be looked at again (another moderator decides). */
export function AppealForm({ decisionId, onAppealed }: { decisionId: string; onAppealed: (appeal: Appeal) => void }) {
  const { t } = useTranslation();
  const create = useCreateAppeal();
  const [keys] = useState(() => new IdempotencyKeys());
  const [flight] = useState(() => new SingleFlight());
  const form = useForm<AppealValues, typeof appealFormSchema>({
    id: 'appeal',
    fields: ['text'],
    defaultValues: { text: '' },
    schema: appealFormSchema,
    toRequest: (values) => ({ text: values.text.trim() }),
    messages: { text: { required: 'appealTextRequired' } },
    serverErrors: {
      codes: { [ErrorCode.APPEAL_EXISTS]: 'text', [ErrorCode.APPEAL_WINDOW_CLOSED]: 'text', [ErrorCode.NOT_APPEALABLE]: 'text' },
    },
  });
  const labels: Record<Field, string> = { text: t('appeals.textLabel') };

  const submit = form.handleSubmit(({ text }) =>
    flight.run(async () => {
      const request = { decisionId, text };
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
