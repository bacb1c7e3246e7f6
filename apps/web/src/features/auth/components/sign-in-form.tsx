import { EMAIL_MAX_LENGTH, ErrorCode } from '@compact-voices/contracts';
import { emailRequestSchema, signInSchema } from '@compact-voices/contracts/schemas';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { TextField } from '../../../components/form/text-field';
import { useForm } from '../../../hooks/use-form';
import { isApiError } from '../../../lib/api-client';
import { paths } from '../../../lib/paths';
import { checkCurrentPassword } from '../../../lib/validation';
import { useSignIn } from '../api/sign-in';

interface SignInValues {
  email: string;
  password: string;
}
type Field = keyof SignInValues;

const FIELDS: readonly Field[] = ['email', 'password'];

/**
 * The sign-in request with the address checked as at sign-up (trimmed, shaped like an address), so
 * a typo is caught here rather than as "wrong email or password".
 */
const signInFormSchema = signInSchema.extend({ email: emailRequestSchema.shape.email });

/** Signs in; the route moves on once the session says "signed in". */
export function SignInForm() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const form = useForm<SignInValues, typeof signInFormSchema>({
    id: 'sign-in',
    fields: FIELDS,
    defaultValues: { email: '', password: '' },
    schema: signInFormSchema,
    toRequest: (values) => values,
    validate: (values) => ({ password: checkCurrentPassword(values.password) }),
    messages: { email: { required: 'emailRequired' } },
  });
  const labels: Record<Field, string> = { email: t('auth.emailLabel'), password: t('auth.passwordLabel') };
  const notVerified = isApiError(form.formError) && form.formError.code === ErrorCode.EMAIL_NOT_VERIFIED;

  const submit = form.handleSubmit(async (request) => {
    await signIn.mutateAsync(request);
  });

  return (
    <form noValidate className="form card" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels}>
        {notVerified ? (
          <p>
            <Link to={paths.resendVerification()} state={{ email: form.values.email.trim() }}>
              {t('signIn.resendLink')}
            </Link>
          </p>
        ) : null}
      </ErrorSummary>
      <TextField
        form={form}
        name="email"
        type="email"
        label={labels.email}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        dir="ltr"
        maxLength={EMAIL_MAX_LENGTH}
        required
      />
      <PasswordField form={form} name="password" label={labels.password} autoComplete="current-password" />
      <p className="form__aside">
        <Link to={paths.forgotPassword()}>{t('signIn.forgotLink')}</Link>
      </p>
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </div>
    </form>
  );
}
