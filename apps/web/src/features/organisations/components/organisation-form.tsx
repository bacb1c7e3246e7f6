import {
  ErrorCode,
  INDIVIDUAL_STAKEHOLDER_TYPES,
  STAKEHOLDER_TYPE_CODES,
  type Country,
  type Organisation,
  type StakeholderTypeCode,
} from '@compact-voices/contracts';
import { createOrganisationSchema } from '@compact-voices/contracts/schemas';
import { useTranslation } from 'react-i18next';
import { CountryOptions } from '../../../components/country-options';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { maxLengthOf, useForm } from '../../../hooks/use-form';
import { useCreateOrganisation } from '../api/create-organisation';

interface OrganisationValues {
  name: string;
  /** '' before a choice. */
  stakeholderType: StakeholderTypeCode | '';
  /** '' before a choice. */
  countryIso3: string;
  website: string;
}
type Field = keyof OrganisationValues;

const FIELDS: readonly Field[] = ['name', 'stakeholderType', 'countryIso3', 'website'];

/** "Individual" and the migrant types are a person's own, not an organisation's (the form does not offer them). */
const ORGANISATION_TYPES = STAKEHOLDER_TYPE_CODES.filter((code) => !(INDIVIDUAL_STAKEHOLDER_TYPES as readonly string[]).includes(code));
const NAME_MAX_LENGTH = maxLengthOf(createOrganisationSchema.shape.name);

function toRequest(values: OrganisationValues) {
  const website = values.website.trim();
  return {
    name: values.name,
    stakeholderType: values.stakeholderType || undefined,
    countryIso3: values.countryIso3,
    ...(website ? { website } : {}),
  };
}

interface OrganisationFormProps {
  countries: readonly Country[];
  onCreated: (organisation: Organisation) => void;
}

export function OrganisationForm({ countries, onCreated }: OrganisationFormProps) {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const form = useForm<OrganisationValues, typeof createOrganisationSchema>({
    id: 'organisation',
    fields: FIELDS,
    defaultValues: { name: '', stakeholderType: '', countryIso3: '', website: '' },
    schema: createOrganisationSchema,
    toRequest,
    messages: {
      name: { required: 'organisationNameRequired' },
      stakeholderType: { required: 'chooseType' },
      countryIso3: { required: 'chooseCountry' },
    },
    serverErrors: {
      codes: { [ErrorCode.ORGANISATION_EXISTS]: 'name', [ErrorCode.COUNTRY_NOT_FOUND]: 'countryIso3' },
    },
  });
  const labels: Record<Field, string> = {
    name: t('organisationForm.nameLabel'),
    stakeholderType: t('organisationForm.typeLabel'),
    countryIso3: t('organisationForm.countryLabel'),
    website: t('organisationForm.websiteLabel'),
  };

  const submit = form.handleSubmit(async (request) => {
    const organisation = await create.mutateAsync(request);
    onCreated(organisation);
  });

  return (
    <form noValidate className="form card" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <TextField
        form={form}
        name="name"
        label={labels.name}
        hint={t('organisationForm.nameHint')}
        autoComplete="organization"
        dir="auto"
        maxLength={NAME_MAX_LENGTH}
        required
      />
      <SelectField form={form} name="stakeholderType" label={labels.stakeholderType} required>
        <option value="">{t('form.chooseOption')}</option>
        {ORGANISATION_TYPES.map((code) => (
          <option key={code} value={code}>
            {t(`stakeholderTypes.${code}`)}
          </option>
        ))}
      </SelectField>
      <SelectField form={form} name="countryIso3" label={labels.countryIso3} hint={t('organisationForm.countryHint')} required>
        <option value="">{t('form.chooseOption')}</option>
        <CountryOptions countries={countries} />
      </SelectField>
      <TextField
        form={form}
        name="website"
        type="url"
        label={labels.website}
        hint={t('organisationForm.websiteHint')}
        autoComplete="url"
        inputMode="url"
        spellCheck={false}
        autoCapitalize="none"
        dir="ltr"
      />
      <p className="hint">{t('organisationForm.afterwards')}</p>
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('organisationForm.submitting') : t('organisationForm.submit')}
        </button>
      </div>
    </form>
  );
}
