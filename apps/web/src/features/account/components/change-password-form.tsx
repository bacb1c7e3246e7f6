import { ErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@compact-voices/contracts';
import { changePasswordSchema } from '@compact-voices/contracts/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { StatusMessage } from '../../../components/status-message';
import { useForm } from '../../../hooks/use-form';
import { fieldMessage } from '../../../lib/form-errors';
import { checkCurrentPassword, checkNewPassword } from '../../../lib/validation';
import { useChangePassword } from '../api/change-password';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
}
type Field = keyof ChangePasswordValues;

const FIELDS: readonly Field[] = ['currentPassword', 'newPassword'];

/** Beyond the request's shape: both given, the new one by the password policy, and a change. */
function validate(values: ChangePasswordValues) {
  return {
    currentPassword: checkCurrentPassword(values.currentPassword),
    newPassword:
      checkNewPassword(values.newPassword) ??
      (values.newPassword && values.newPassword === values.currentPassword ? fieldMessage('passwordUnchanged') : undefined),
  };
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [done, setDone] = useState('');
  const form = useForm<ChangePasswordValues, typeof changePasswordSchema>({
    id: 'change-password',
    fields: FIELDS,
    defaultValues: { currentPassword: '', newPassword: '' },
    schema: changePasswordSchema,
    toRequest: (values) => values,
    validate,
    aliases: { password: 'newPassword' },
    serverErrors: {
      password: 'newPassword',
      codes: { [ErrorCode.INVALID_CREDENTIALS]: 'currentPassword' },
    },
  });
  const labels: Record<Field, string> = {
    currentPassword: t('password.currentLabel'),
    newPassword: t('password.newLabel'),
  };

  const submit = form.handleSubmit(async (request) => {
    setDone('');
    await change.mutateAsync(request);
    form.reset();
    setDone(t('password.changed'));
  });

  return (
    <form noValidate className="form card" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <PasswordField form={form} name="currentPassword" label={labels.currentPassword} autoComplete="current-password" />
      <PasswordField
        form={form}
        name="newPassword"
        label={labels.newPassword}
        hint={t('auth.newPasswordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        autoComplete="new-password"
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('form.saving') : t('password.submit')}
        </button>
      </div>
      <StatusMessage>{done}</StatusMessage>
    </form>
  );
}
