import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@compact-voices/contracts';
import { passwordResetConfirmSchema } from '@compact-voices/contracts/schemas';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { useForm } from '../../../hooks/use-form';
import { paths } from '../../../lib/paths';
import { checkNewPassword } from '../../../lib/validation';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';
import { asBadLinkError, isBadLinkError } from '../bad-link';

interface ResetPasswordValues {
  password: string;
}

/** The token comes from the link, not from the form. */
const resetPasswordFormSchema = passwordResetConfirmSchema.pick({ password: true });

export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmPasswordReset();
  const form = useForm<ResetPasswordValues, typeof resetPasswordFormSchema>({
    id: 'reset-password',
    fields: ['password'],
    defaultValues: { password: '' },
    schema: resetPasswordFormSchema,
    toRequest: (values) => values,
    // The password policy (8–128 characters, not a common one) is the API's answer, not the request's shape.
    validate: (values) => ({ password: checkNewPassword(values.password) }),
    aliases: { newPassword: 'password' },
    serverErrors: { password: 'password' },
  });
  const labels = { password: t('resetPassword.passwordLabel') };
  const badLink = isBadLinkError(form.formError);

  const submit = form.handleSubmit(async (request) => {
    try {
      await confirm.mutateAsync({ token, ...request });
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
