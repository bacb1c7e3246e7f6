import {
  ErrorCode,
  MODERATION_MODES,
  SUBREGIONS,
  type Consultation,
  type Country,
  type ModerationMode,
  type PrincipleSummary,
  type RecommendationSummary,
} from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { CheckboxSetField, splitValues, type CheckboxGroup } from '../../../components/form/checkbox-set-field';
import { ErrorSummary } from '../../../components/form/error-summary';
import { RadioGroupField } from '../../../components/form/radio-group-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { useForm, type FormValues } from '../../../hooks/use-form';
import { fromDateTimeLocal, toDateTimeLocal } from '../../../lib/format';
import { fieldMessage } from '../../../lib/form-errors';
import { useContentLang } from '../../../lib/use-content-lang';
import { characterCount, compactErrors } from '../../../lib/validation';
import { excerpt } from '../../../lib/excerpt';
import { useCreateConsultation } from '../api/create-consultation';
import { useUpdateConsultation } from '../api/update-consultation';

const FIELDS = ['title', 'description', 'opensAt', 'closesAt', 'moderationMode', 'recommendationCodes', 'countryIso3s'] as const;
type Field = (typeof FIELDS)[number];

const TITLE_MAX_LENGTH = 200;
const DESCRIPTION_MAX_LENGTH = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;

function isModerationMode(value: string): value is ModerationMode {
  return (MODERATION_MODES as readonly string[]).includes(value);
}

function validate(values: FormValues<Field>) {
  const title = values.title.trim();
  const opensAt = fromDateTimeLocal(values.opensAt);
  const closesAt = fromDateTimeLocal(values.closesAt);
  return compactErrors<Field>({
    title: !title
      ? fieldMessage('titleRequired')
      : characterCount(title) < 3
        ? fieldMessage('tooShort')
        : characterCount(title) > TITLE_MAX_LENGTH
          ? fieldMessage('tooLongMax', { max: TITLE_MAX_LENGTH })
          : undefined,
    description:
      characterCount(values.description) > DESCRIPTION_MAX_LENGTH ? fieldMessage('tooLongMax', { max: DESCRIPTION_MAX_LENGTH }) : undefined,
    opensAt: opensAt ? undefined : fieldMessage('dateRequired'),
    closesAt: !closesAt ? fieldMessage('dateRequired') : opensAt && closesAt <= opensAt ? fieldMessage('closesBeforeOpens') : undefined,
    moderationMode: isModerationMode(values.moderationMode) ? undefined : fieldMessage('chooseModeration'),
    recommendationCodes: splitValues(values.recommendationCodes).length === 0 ? fieldMessage('chooseRecommendations') : undefined,
    countryIso3s: splitValues(values.countryIso3s).length === 0 ? fieldMessage('chooseCountries') : undefined,
  });
}

/** Opens now (to the minute, so it accepts contributions as soon as it is opened), closes in 30 days. */
function newRoundValues(recommendations: readonly RecommendationSummary[], countries: readonly Country[]): FormValues<Field> {
  const now = new Date();
  now.setSeconds(0, 0);
  return {
    title: '',
    description: '',
    opensAt: toDateTimeLocal(now.toISOString()),
    closesAt: toDateTimeLocal(new Date(now.getTime() + 30 * DAY_MS).toISOString()),
    moderationMode: 'post',
    recommendationCodes: recommendations.map((item) => item.code).join(','),
    countryIso3s: countries
      .filter((country) => country.inRegion)
      .map((country) => country.iso3)
      .join(','),
  };
}

function existingValues(consultation: Consultation): FormValues<Field> {
  return {
    title: consultation.title,
    description: consultation.description,
    opensAt: toDateTimeLocal(consultation.opensAt),
    closesAt: toDateTimeLocal(consultation.closesAt),
    moderationMode: consultation.moderationMode,
    recommendationCodes: consultation.recommendationCodes.join(','),
    countryIso3s: consultation.countryIso3s.join(','),
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
  const { t } = useTranslation();
  const contentLang = useContentLang();
  const create = useCreateConsultation();
  const update = useUpdateConsultation();
  const form = useForm<Field>({
    id: 'consultation',
    fields: FIELDS,
    initialValues: existing ? existingValues(existing) : newRoundValues(recommendations, countries),
    validate,
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

  const sortedCountries = [...countries].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const countryGroups: CheckboxGroup[] = [
    ...SUBREGIONS.map((subregion) => ({
      key: subregion,
      label: <span {...contentLang}>{subregion}</span>,
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
      options: group.options.map((country) => ({ value: country.iso3, label: <span {...contentLang}>{country.name}</span> })),
    }));

  const submit = form.handleSubmit(async (values) => {
    const request = {
      title: values.title.trim(),
      description: values.description,
      opensAt: fromDateTimeLocal(values.opensAt)!,
      closesAt: fromDateTimeLocal(values.closesAt)!,
      moderationMode: values.moderationMode as ModerationMode,
      recommendationCodes: splitValues(values.recommendationCodes),
      countryIso3s: splitValues(values.countryIso3s),
    };
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
