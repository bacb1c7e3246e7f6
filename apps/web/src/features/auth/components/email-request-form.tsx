import { EMAIL_MAX_LENGTH } from '@compact-voices/contracts';
import { emailRequestSchema } from '@compact-voices/contracts/schemas';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { TextField } from '../../../components/form/text-field';
import { useForm } from '../../../hooks/use-form';

interface EmailValues {
  email: string;
}

interface EmailRequestFormProps {
  id: string;
  initialEmail?: string;
  hint?: string;
  submitLabel: string;
  submittingLabel: string;
  /** Sends the request; the form shows what the API answered when it rejects. */
  onSubmit: (email: string) => Promise<unknown>;
}

/** One email field and a button: "forgot password" and "send the verification link again". */
export function EmailRequestForm({ id, initialEmail = '', hint, submitLabel, submittingLabel, onSubmit }: EmailRequestFormProps) {
  const { t } = useTranslation();
  const form = useForm<EmailValues, typeof emailRequestSchema>({
    id,
    fields: ['email'],
    defaultValues: { email: initialEmail },
    schema: emailRequestSchema,
    toRequest: (values) => values,
    messages: { email: { required: 'emailRequired' } },
  });
  const labels = { email: t('auth.emailLabel') };
  const submit = form.handleSubmit((request) => onSubmit(request.email));

  return (
    <form noValidate className="form card" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <TextField
        form={form}
        name="email"
        type="email"
        label={labels.email}
        hint={hint}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        dir="ltr"
        maxLength={EMAIL_MAX_LENGTH}
        required
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? submittingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
