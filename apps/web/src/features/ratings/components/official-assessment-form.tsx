import { type OfficialAssessment } from '@compact-voices/contracts';
import { putOfficialAssessmentSchema } from '@compact-voices/contracts/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { RadioGroupField } from '../../../components/form/radio-group-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { StatusMessage } from '../../../components/status-message';
import { maxLengthOf, useForm } from '../../../hooks/use-form';
import { usePutOfficialAssessment } from '../api/put-official-assessment';
import { OFFICIAL_CHOICES, useScaleLabel } from '../../../lib/rating-scale';

const NARRATIVE_MAX_LENGTH = maxLengthOf(putOfficialAssessmentSchema.shape.narrative);

interface OfficialValues {
  /** A radio's value, '0'–'4'; '' before a choice. */
  score: string;
  narrative: string;
}
type Field = keyof OfficialValues;

function toRequest(values: OfficialValues) {
  const narrative = values.narrative.trim();
  return { score: values.score === '' ? undefined : Number(values.score), ...(narrative ? { narrative } : {}) };
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
  const form = useForm<OfficialValues, typeof putOfficialAssessmentSchema>({
    id: `official-${countryIso3}`,
    fields: ['score', 'narrative'],
    defaultValues: { score: current ? String(current.score) : '', narrative: current?.narrative ?? '' },
    schema: putOfficialAssessmentSchema,
    toRequest,
    messages: { score: { required: 'chooseRating' } },
  });
  const labels: Record<Field, string> = {
    score: t('officialForm.scoreLegend', { country }),
    narrative: t('officialForm.narrativeLabel'),
  };

  const submit = form.handleSubmit(async (request) => {
    setOutcome('');
    await put.mutateAsync({ consultationId, code, countryIso3, request });
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
