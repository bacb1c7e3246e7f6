import {
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  LOCALES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERSONAL_STAKEHOLDER_TYPES,
  PRIVACY_MODES,
  type LocaleCode,
  type PersonalStakeholderType,
  type PrivacyMode,
} from '@compact-voices/contracts';
import { signUpSchema } from '@compact-voices/contracts/schemas';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { RadioGroupField } from '../../../components/form/radio-group-field';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { useForm } from '../../../hooks/use-form';
import { fieldMessage } from '../../../lib/form-errors';
import { currentLocale } from '../../../lib/i18n';
import { checkNewPassword } from '../../../lib/validation';
import { useSignUp } from '../api/sign-up';

interface SignUpValues {
  email: string;
  password: string;
  /** Asked, never assumed: someone at risk must not be published under their name by default. */
  privacyMode: PrivacyMode | '';
  displayName: string;
  /** Individual unless the person says more (a migrant speaking for themselves, a returnee…). */
  stakeholderType: PersonalStakeholderType;
  locale: LocaleCode;
}
type Field = keyof SignUpValues;

const FIELDS: readonly Field[] = ['email', 'password', 'privacyMode', 'displayName', 'stakeholderType', 'locale'];

interface SignUpFormProps {
  /** Called with the address the verification mail went to. */
  onSignedUp: (email: string) => void;
}

export function SignUpForm({ onSignedUp }: SignUpFormProps) {
  const { t, i18n } = useTranslation();
  const signUp = useSignUp();
  const form = useForm<SignUpValues, typeof signUpSchema>({
    id: 'sign-up',
    fields: FIELDS,
    defaultValues: {
      email: '',
      password: '',
      privacyMode: '',
      displayName: '',
      stakeholderType: 'individual',
      locale: currentLocale(i18n),
    },
    schema: signUpSchema,
    toRequest: (values) => ({ ...values, privacyMode: values.privacyMode || undefined }),
    // The password policy (8–128 characters, not a common one) is the API's answer, not the request's shape.
    validate: (values) => ({
      password: checkNewPassword(values.password),
      privacyMode: values.privacyMode ? undefined : fieldMessage('choosePrivacyMode'),
    }),
    messages: { email: { required: 'emailRequired' }, displayName: { required: 'displayNameRequired' } },
    serverErrors: { password: 'password' },
  });

  const labels: Record<Field, string> = {
    email: t('auth.emailLabel'),
    password: t('auth.passwordLabel'),
    privacyMode: t('signUp.privacyLegend'),
    displayName: t('signUp.displayNameLabel'),
    stakeholderType: t('signUp.stakeholderTypeLabel'),
    locale: t('signUp.localeLabel'),
  };

  const submit = form.handleSubmit(async (request) => {
    await signUp.mutateAsync(request);
    onSignedUp(request.email);
  });

  return (
    <form noValidate className="form card" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <TextField
        form={form}
        name="email"
        type="email"
        label={labels.email}
        hint={t('signUp.emailHint')}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        dir="ltr"
        maxLength={EMAIL_MAX_LENGTH}
        required
      />
      <PasswordField
        form={form}
        name="password"
        label={labels.password}
        hint={t('auth.newPasswordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        autoComplete="new-password"
      />
      <RadioGroupField
        form={form}
        name="privacyMode"
        legend={labels.privacyMode}
        hint={t('signUp.privacyHint')}
        options={PRIVACY_MODES.map((mode) => ({ value: mode, label: t(`signUp.privacy.${mode}`), hint: t(`signUp.privacy.${mode}Hint`) }))}
      />
      <TextField
        form={form}
        name="displayName"
        label={labels.displayName}
        hint={form.values.privacyMode === 'protected' ? t('signUp.displayNameProtectedHint') : t('signUp.displayNameHint')}
        autoComplete="name"
        dir="auto"
        maxLength={DISPLAY_NAME_MAX_LENGTH}
        required
      />
      <SelectField form={form} name="stakeholderType" label={labels.stakeholderType} hint={t('signUp.stakeholderTypeHint')}>
        {PERSONAL_STAKEHOLDER_TYPES.map((code) => (
          <option key={code} value={code}>
            {t(`stakeholderTypes.${code}`)}
          </option>
        ))}
      </SelectField>
      <SelectField form={form} name="locale" label={labels.locale} hint={t('signUp.localeHint')}>
        {LOCALES.map((locale) => (
          <option key={locale.code} value={locale.code} lang={locale.code} dir={locale.dir}>
            {locale.name}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('signUp.submitting') : t('signUp.submit')}
        </button>
      </div>
    </form>
  );
}
