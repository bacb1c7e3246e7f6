import {
  ErrorCode,
  SUBREGIONS,
  type Consultation,
  type Country,
  type ModerationMode,
  type PrincipleSummary,
  type RecommendationSummary,
} from '@compact-voices/contracts';
import { createConsultationSchema } from '@compact-voices/contracts/schemas';
import { useTranslation } from 'react-i18next';
import { CheckboxSetField, type CheckboxGroup } from '../../../components/form/checkbox-set-field';
import { ErrorSummary } from '../../../components/form/error-summary';
import { RadioGroupField } from '../../../components/form/radio-group-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { maxLengthOf, useForm } from '../../../hooks/use-form';
import { fromDateTimeLocal, toDateTimeLocal } from '../../../lib/format';
import { fieldMessage } from '../../../lib/form-errors';
import { useContentLang, useEnglishLang } from '../../../lib/use-content-lang';
import { excerpt } from '../../../lib/excerpt';
import { useCreateConsultation } from '../api/create-consultation';
import { useUpdateConsultation } from '../api/update-consultation';

interface ConsultationValues {
  title: string;
  description: string;
  /** `<input type="datetime-local">` values, in the admin's time zone. */
  opensAt: string;
  closesAt: string;
  moderationMode: ModerationMode | '';
  recommendationCodes: string[];
  countryIso3s: string[];
}
type Field = keyof ConsultationValues;

const FIELDS: readonly Field[] = ['title', 'description', 'opensAt', 'closesAt', 'moderationMode', 'recommendationCodes', 'countryIso3s'];

const DESCRIPTION_MAX_LENGTH = maxLengthOf(createConsultationSchema.shape.description);
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The request, with the times in UTC. Creating and editing both send every field, so both are
 * checked by the create schema (the edit schema has the same rules, each optional).
 */
function toRequest(values: ConsultationValues) {
  return {
    title: values.title,
    description: values.description,
    opensAt: fromDateTimeLocal(values.opensAt) ?? undefined,
    closesAt: fromDateTimeLocal(values.closesAt) ?? undefined,
    moderationMode: values.moderationMode || undefined,
    recommendationCodes: values.recommendationCodes,
    countryIso3s: values.countryIso3s,
  };
}

/** Beyond each field's shape: a round closes after it opens. */
function validate(values: ConsultationValues) {
  const opensAt = fromDateTimeLocal(values.opensAt);
  const closesAt = fromDateTimeLocal(values.closesAt);
  return { closesAt: opensAt && closesAt && closesAt <= opensAt ? fieldMessage('closesBeforeOpens') : undefined };
}

/** Opens now (to the minute, so it accepts contributions as soon as it is opened), closes in 30 days. */
function newRoundValues(recommendations: readonly RecommendationSummary[], countries: readonly Country[]): ConsultationValues {
  const now = new Date();
  now.setSeconds(0, 0);
  return {
    title: '',
    description: '',
    opensAt: toDateTimeLocal(now.toISOString()),
    closesAt: toDateTimeLocal(new Date(now.getTime() + 30 * DAY_MS).toISOString()),
    moderationMode: 'post',
    recommendationCodes: recommendations.map((item) => item.code),
    countryIso3s: countries.filter((country) => country.inRegion).map((country) => country.iso3),
  };
}

function existingValues(consultation: Consultation): ConsultationValues {
  return {
    title: consultation.title,
    description: consultation.description,
    opensAt: toDateTimeLocal(consultation.opensAt),
    closesAt: toDateTimeLocal(consultation.closesAt),
    moderationMode: consultation.moderationMode,
    recommendationCodes: [...consultation.recommendationCodes],
    countryIso3s: [...consultation.countryIso3s],
  };
}

interface ConsultationFormProps {
  principles: readonly PrincipleSummary[];
  recommendations: readonly RecommendationSummary[];
  countries: readonly Country[];
  /** Editing this round; absent to create one. */
  existing?: Consultation;
  onSaved: (consultation: Consultation) => void;
}

/**
 * Create or edit a consultation round: title, description (Markdown), when it opens and closes
 * (in the admin's local time, sent as UTC), how comments are moderated, and which recommendations
 * and countries it covers.
 */
export function ConsultationForm({ principles, recommendations, countries, existing, onSaved }: ConsultationFormProps) {
  const { t, i18n } = useTranslation();
  const contentLang = useContentLang();
  const englishLang = useEnglishLang();
  const create = useCreateConsultation();
  const update = useUpdateConsultation();
  const form = useForm<ConsultationValues, typeof createConsultationSchema>({
    id: 'consultation',
    fields: FIELDS,
    defaultValues: existing ? existingValues(existing) : newRoundValues(recommendations, countries),
    schema: createConsultationSchema,
    toRequest,
    validate,
    messages: {
      title: { required: 'titleRequired' },
      opensAt: { required: 'dateRequired' },
      closesAt: { required: 'dateRequired' },
      moderationMode: { required: 'chooseModeration' },
      recommendationCodes: { required: 'chooseRecommendations' },
      countryIso3s: { required: 'chooseCountries' },
    },
    serverErrors: {
      codes: { [ErrorCode.RECOMMENDATION_NOT_FOUND]: 'recommendationCodes', [ErrorCode.COUNTRY_NOT_FOUND]: 'countryIso3s' },
    },
  });
  const labels: Record<Field, string> = {
    title: t('consultationForm.titleLabel'),
    description: t('consultationForm.descriptionLabel'),
    opensAt: t('consultationForm.opensAtLabel'),
    closesAt: t('consultationForm.closesAtLabel'),
    moderationMode: t('consultationForm.moderationLegend'),
    recommendationCodes: t('consultationForm.recommendationsLegend'),
    countryIso3s: t('consultationForm.countriesLegend'),
  };

  const recommendationGroups: CheckboxGroup[] = principles.map((principle) => ({
    key: principle.code,
    label: (
      <>
        <span dir="ltr">{principle.code}</span> <span {...contentLang}>{principle.title}</span>
      </>
    ),
    options: recommendations
      .filter((item) => item.principleCode === principle.code)
      .sort((a, b) => a.order - b.order)
      .map((item) => ({
        value: item.code,
        label: (
          <>
            <span className="code-badge" dir="ltr">
              {item.code}
            </span>{' '}
            <span {...contentLang}>{excerpt(item.text, 12)}</span>
          </>
        ),
      })),
  }));

  const sortedCountries = [...countries].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const countryGroups: CheckboxGroup[] = [
    ...SUBREGIONS.map((subregion) => ({
      key: subregion,
      label: <span {...englishLang}>{subregion}</span>,
      options: sortedCountries.filter((country) => country.inRegion && country.subregion === subregion),
    })),
    {
      key: 'outside',
      label: t('consultationForm.outsideRegion'),
      options: sortedCountries.filter((country) => !country.inRegion || !country.subregion),
    },
  ]
    .filter((group) => group.options.length > 0)
    .map((group) => ({
      key: group.key,
      label: group.label,
      options: group.options.map((country) => ({ value: country.iso3, label: country.name })),
    }));

  const submit = form.handleSubmit(async (request) => {
    const saved = existing ? await update.mutateAsync({ id: existing.id, changes: request }) : await create.mutateAsync(request);
    onSaved(saved);
  });

  return (
    <form noValidate className="form consultation-form" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <TextField form={form} name="title" label={labels.title} hint={t('consultationForm.titleHint')} dir="auto" required />
      <TextAreaField
        form={form}
        name="description"
        label={labels.description}
        hint={t('consultationForm.descriptionHint')}
        maxCharacters={DESCRIPTION_MAX_LENGTH}
        rows={6}
      />
      <div className="form-row">
        <TextField form={form} name="opensAt" type="datetime-local" label={labels.opensAt} hint={t('consultationForm.timeHint')} required />
        <TextField
          form={form}
          name="closesAt"
          type="datetime-local"
          label={labels.closesAt}
          hint={t('consultationForm.timeHint')}
          required
        />
      </div>
      <RadioGroupField
        form={form}
        name="moderationMode"
        legend={labels.moderationMode}
        options={[
          { value: 'post', label: t('consultationForm.postModeration'), hint: t('consultation.moderation.post') },
          { value: 'pre', label: t('consultationForm.preModeration'), hint: t('consultation.moderation.pre') },
        ]}
      />
      <CheckboxSetField
        form={form}
        name="recommendationCodes"
        legend={labels.recommendationCodes}
        allLabel={t('consultationForm.allRecommendations', { count: recommendations.length })}
        groups={recommendationGroups}
      />
      <CheckboxSetField
        form={form}
        name="countryIso3s"
        legend={labels.countryIso3s}
        hint={t('consultationForm.countriesHint')}
        allLabel={t('consultationForm.allCountries', { count: countries.length })}
        groups={countryGroups}
      />
      {existing ? null : <p className="hint">{t('consultationForm.startsAsDraft')}</p>}
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('form.saving') : existing ? t('consultationForm.saveChanges') : t('consultationForm.create')}
        </button>
      </div>
    </form>
  );
}
