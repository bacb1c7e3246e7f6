import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { useForm, type FormValues } from '../../../hooks/use-form';
import { paths } from '../../../lib/paths';
import { checkNewPassword, compactErrors } from '../../../lib/validation';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';
import { asBadLinkError, isBadLinkError } from '../bad-link';

const FIELDS = ['password'] as const;
type Field = (typeof FIELDS)[number];

function validate(values: FormValues<Field>) {
  return compactErrors<Field>({ password: checkNewPassword(values.password) });
}

export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmPasswordReset();
  const form = useForm<Field>({
    id: 'reset-password',
    fields: FIELDS,
    initialValues: { password: '' },
    validate,
    serverErrors: { password: 'password', aliases: { newPassword: 'password' } },
  });
  const labels = { password: t('resetPassword.passwordLabel') };
  const badLink = isBadLinkError(form.formError);

  const submit = form.handleSubmit(async (values) => {
    try {
      await confirm.mutateAsync({ token, password: values.password });
    } catch (error) {
      throw asBadLinkError(error);
    }
    onDone();
  });

  return (
    <form noValidate className="form card" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels}>
        {badLink ? (
          <p>
            <Link to={paths.forgotPassword()}>{t('resetPassword.requestNewLink')}</Link>
          </p>
        ) : null}
      </ErrorSummary>
      <PasswordField
        form={form}
        name="password"
        label={labels.password}
        hint={t('auth.newPasswordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        autoComplete="new-password"
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('resetPassword.submitting') : t('resetPassword.submit')}
        </button>
      </div>
    </form>
  );
}
