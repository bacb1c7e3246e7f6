import {
  DISPLAY_NAME_MAX_LENGTH,
  LOCALES,
  PERSONAL_STAKEHOLDER_TYPES,
  type Country,
  type LocaleCode,
  type Me,
  type PersonalStakeholderType,
  type StakeholderTypeCode,
} from '@compact-voices/contracts';
import { updateMeSchema } from '@compact-voices/contracts/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CountryOptions } from '../../../components/country-options';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { StatusMessage } from '../../../components/status-message';
import { useForm } from '../../../hooks/use-form';
import { changeLocale } from '../../../lib/i18n';
import { paths } from '../../../lib/paths';
import { useUpdateMe } from '../api/update-me';

interface ProfileValues {
  displayName: string;
  locale: LocaleCode;
  /** An organisation's type (which one cannot choose here) stays as it is until a personal one is chosen. */
  stakeholderType: StakeholderTypeCode;
  /** '' for none. */
  countryIso3: string;
  /** '' for one's own name. */
  actingOrganisationId: string;
}
type Field = keyof ProfileValues;

const FIELDS: readonly Field[] = ['displayName', 'locale', 'stakeholderType', 'countryIso3', 'actingOrganisationId'];

function isPersonalType(value: string): value is PersonalStakeholderType {
  return (PERSONAL_STAKEHOLDER_TYPES as readonly string[]).includes(value);
}

function valuesOf(me: Me): ProfileValues {
  return {
    displayName: me.displayName,
    locale: me.locale,
    stakeholderType: me.stakeholderType,
    countryIso3: me.countryIso3 ?? '',
    actingOrganisationId: me.actingOrganisationId ?? '',
  };
}

interface ProfileFormProps {
  me: Me;
  countries: readonly Country[];
}

/** Name, language, the stakeholder type and country one speaks as, and the organisation one acts for. */
export function ProfileForm({ me, countries }: ProfileFormProps) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [saved, setSaved] = useState('');
  const form = useForm<ProfileValues, typeof updateMeSchema>({
    id: 'profile',
    fields: FIELDS,
    defaultValues: valuesOf(me),
    schema: updateMeSchema,
    toRequest: (values) => ({
      displayName: values.displayName,
      locale: values.locale,
      ...(isPersonalType(values.stakeholderType) ? { stakeholderType: values.stakeholderType } : {}),
      countryIso3: values.countryIso3 || null,
      actingOrganisationId: values.actingOrganisationId || null,
    }),
    messages: { displayName: { required: 'displayNameRequired' } },
  });
  const organisations = me.memberships.filter((membership) => membership.status === 'active');

  const labels: Record<Field, string> = {
    displayName: t('profile.displayNameLabel'),
    locale: t('profile.localeLabel'),
    stakeholderType: t('profile.stakeholderTypeLabel'),
    countryIso3: t('profile.countryLabel'),
    actingOrganisationId: t('profile.actingOrganisationLabel'),
  };

  const submit = form.handleSubmit(async (request, values) => {
    setSaved('');
    const updated = await update.mutateAsync(request);
    form.reset(valuesOf(updated));
    await changeLocale(values.locale).catch(() => undefined);
    setSaved(t('profile.saved'));
  });

  return (
    <form noValidate className="form card" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <TextField
        form={form}
        name="displayName"
        label={labels.displayName}
        hint={me.privacyMode === 'protected' ? t('profile.displayNameHintProtected') : t('profile.displayNameHint')}
        autoComplete="name"
        dir="auto"
        maxLength={DISPLAY_NAME_MAX_LENGTH}
        required
      />
      <SelectField form={form} name="locale" label={labels.locale} hint={t('profile.localeHint')}>
        {LOCALES.map((locale) => (
          <option key={locale.code} value={locale.code} lang={locale.code} dir={locale.dir}>
            {locale.name}
          </option>
        ))}
      </SelectField>
      <SelectField form={form} name="stakeholderType" label={labels.stakeholderType} hint={t('profile.stakeholderTypeHint')}>
        {isPersonalType(me.stakeholderType) ? null : (
          <option value={me.stakeholderType}>{t(`stakeholderTypes.${me.stakeholderType}`)}</option>
        )}
        {PERSONAL_STAKEHOLDER_TYPES.map((code) => (
          <option key={code} value={code}>
            {t(`stakeholderTypes.${code}`)}
          </option>
        ))}
      </SelectField>
      <SelectField form={form} name="countryIso3" label={labels.countryIso3} hint={t('profile.countryHint')}>
        <option value="">{t('profile.noCountry')}</option>
        <CountryOptions countries={countries} />
      </SelectField>
      <SelectField
        form={form}
        name="actingOrganisationId"
        label={labels.actingOrganisationId}
        hint={organisations.length === 0 ? t('profile.actingOrganisationNone') : t('profile.actingOrganisationHint')}
      >
        <option value="">{t('profile.ownName')}</option>
        {organisations.map((membership) => (
          <option key={membership.organisationId} value={membership.organisationId} dir="auto">
            {membership.organisationName}
          </option>
        ))}
      </SelectField>
      {organisations.length === 0 ? (
        <p className="form__aside">
          <Link to={paths.organisations()}>{t('profile.findOrganisation')}</Link>
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('form.saving') : t('profile.submit')}
        </button>
      </div>
      <StatusMessage>{saved}</StatusMessage>
    </form>
  );
}
