import { EMAIL_MAX_LENGTH } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { TextField } from '../../../components/form/text-field';
import { useForm, type FormValues } from '../../../hooks/use-form';
import { checkEmail, compactErrors } from '../../../lib/validation';

const FIELDS = ['email'] as const;
type Field = (typeof FIELDS)[number];

function validate(values: FormValues<Field>) {
  return compactErrors<Field>({ email: checkEmail(values.email) });
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
  const form = useForm<Field>({ id, fields: FIELDS, initialValues: { email: initialEmail }, validate });
  const labels = { email: t('auth.emailLabel') };
  const submit = form.handleSubmit((values) => onSubmit(values.email.trim()));

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
