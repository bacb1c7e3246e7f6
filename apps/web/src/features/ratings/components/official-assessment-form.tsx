import type { OfficialAssessment } from '@compact-voices/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { RadioGroupField } from '../../../components/form/radio-group-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { StatusMessage } from '../../../components/status-message';
import { useForm, type FormValues } from '../../../hooks/use-form';
import { fieldMessage } from '../../../lib/form-errors';
import { characterCount, compactErrors } from '../../../lib/validation';
import { usePutOfficialAssessment } from '../api/put-official-assessment';
import { OFFICIAL_CHOICES, useScaleLabel } from '../../../lib/rating-scale';

const NARRATIVE_MAX_LENGTH = 5000;
const FIELDS = ['score', 'narrative'] as const;
type Field = (typeof FIELDS)[number];

function validate(values: FormValues<Field>) {
  return compactErrors<Field>({
    score: (OFFICIAL_CHOICES as readonly string[]).includes(values.score) ? undefined : fieldMessage('chooseRating'),
    narrative:
      characterCount(values.narrative) > NARRATIVE_MAX_LENGTH ? fieldMessage('tooLongMax', { max: NARRATIVE_MAX_LENGTH }) : undefined,
  });
}

interface OfficialAssessmentFormProps {
  consultationId: string;
  code: string;
  countryIso3: string;
  country: string;
  organisationName: string;
  current: OfficialAssessment | null;
}

/** For members of the country's verified government organisation: the official self-assessment. */
export function OfficialAssessmentForm({
  consultationId,
  code,
  countryIso3,
  country,
  organisationName,
  current,
}: OfficialAssessmentFormProps) {
  const { t } = useTranslation();
  const scaleLabel = useScaleLabel();
  const put = usePutOfficialAssessment();
  const [outcome, setOutcome] = useState('');
  const form = useForm<Field>({
    id: `official-${countryIso3}`,
    fields: FIELDS,
    initialValues: { score: current ? String(current.score) : '', narrative: current?.narrative ?? '' },
    validate,
  });
  const labels: Record<Field, string> = {
    score: t('officialForm.scoreLegend', { country }),
    narrative: t('officialForm.narrativeLabel'),
  };

  const submit = form.handleSubmit(async (values) => {
    setOutcome('');
    const narrative = values.narrative.trim();
    await put.mutateAsync({
      consultationId,
      code,
      countryIso3,
      request: { score: Number(values.score), ...(narrative ? { narrative } : {}) },
    });
    setOutcome(t('officialForm.saved', { country }));
  });

  return (
    <form noValidate className="form" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <p className="hint">{t('officialForm.intro', { organisation: organisationName })}</p>
      <ErrorSummary form={form} labels={labels} />
      <RadioGroupField
        form={form}
        name="score"
        legend={labels.score}
        options={OFFICIAL_CHOICES.map((choice) => ({
          value: choice,
          label: t('ratingForm.scoreOption', { value: choice, label: scaleLabel(choice) }),
        }))}
      />
      <TextAreaField
        form={form}
        name="narrative"
        label={labels.narrative}
        hint={t('officialForm.narrativeHint')}
        maxCharacters={NARRATIVE_MAX_LENGTH}
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('form.saving') : t('officialForm.submit')}
        </button>
      </div>
      <StatusMessage>{outcome}</StatusMessage>
    </form>
  );
}
