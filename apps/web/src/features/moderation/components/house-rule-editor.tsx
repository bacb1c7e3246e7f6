import { HOUSE_RULE_TEXT_MAX_LENGTH, LOCALES, type HouseRule, type LocaleCode, type PublishRuleRequest } from '@compact-voices/contracts';
import { publishRuleSchema } from '@compact-voices/contracts/schemas';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { useForm } from '../../../hooks/use-form';
import { fieldMessage, type FieldErrors } from '../../../lib/form-errors';
import { languageName } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { usePublishRule } from '../api/publish-rule';
import { HouseRuleList } from './house-rule-list';

const PARTS = ['title', 'text'] as const;
type Part = (typeof PARTS)[number];
type Field = `${Part}${Capitalize<LocaleCode>}`;
type RuleValues = Record<Field, string>;

function fieldName(part: Part, code: LocaleCode): Field {
  return `${part}${code.charAt(0).toUpperCase()}${code.slice(1)}` as Field;
}

/** In page order: each language's title, then its text. */
const FIELDS: readonly Field[] = LOCALES.flatMap(({ code }) => PARTS.map((part) => fieldName(part, code)));

/** The API reports `title.ur`; the form calls that field `titleUr`. */
const ALIASES: Readonly<Record<string, Field>> = Object.fromEntries(
  LOCALES.flatMap(({ code }) => PARTS.map((part) => [`${part}.${code}`, fieldName(part, code)] as const)),
);

/** A rule's title and text in one language; empty where that language has no translation. */
export type RuleTexts = Record<LocaleCode, { title: string; text: string }>;

/**
 * Beyond the request's rules (English title and text required, every one at most
 * HOUSE_RULE_TEXT_MAX_LENGTH): a translation has both its title and its text or neither, so a
 * reader never gets a title in one language over a text in another.
 */
function validate(values: RuleValues): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const { code } of LOCALES) {
    if (code === 'en') continue;
    const title = values[fieldName('title', code)].trim();
    const text = values[fieldName('text', code)].trim();
    for (const part of PARTS) {
      if (!(part === 'title' ? title : text) && (title || text)) errors[fieldName(part, code)] = fieldMessage('translationIncomplete');
    }
  }
  return errors;
}

/** What the API takes: English always, another language where it is given (the check above keeps title and text together). */
function toRequest(values: RuleValues): PublishRuleRequest {
  const request: PublishRuleRequest = { title: { en: values.titleEn.trim() }, text: { en: values.textEn.trim() } };
  for (const { code } of LOCALES) {
    if (code === 'en') continue;
    const title = values[fieldName('title', code)].trim();
    const text = values[fieldName('text', code)].trim();
    if (title) request.title[code] = title;
    if (text) request.text[code] = text;
  }
  return request;
}

/** The rule as a reader in `code` will see it once published (English where that language is not translated). */
function previewRule(code: string, version: number, values: RuleValues, locale: LocaleCode): HouseRule {
  const title = values[fieldName('title', locale)].trim();
  const text = values[fieldName('text', locale)].trim();
  const translated = locale === 'en' || Boolean(title && text);
  return {
    code,
    version,
    title: translated ? title : values.titleEn.trim(),
    text: translated ? text : values.textEn.trim(),
    language: translated ? locale : 'en',
    publishedAt: new Date().toISOString(),
  };
}

interface HouseRuleEditorProps {
  code: string;
  /** The version in force; publishing makes the next one. */
  version: number;
  initial: RuleTexts;
  onPublished: (rule: HouseRule) => void;
  onCancel: () => void;
}

/** The next version of a house rule: its title and text in every interface language, a preview, and publishing. */
export function HouseRuleEditor({ code, version, initial, onPublished, onCancel }: HouseRuleEditorProps) {
  const { t, i18n } = useTranslation();
  const uiLocale = currentLocale(i18n);
  const publish = usePublishRule();
  const [previewing, setPreviewing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const form = useForm<RuleValues, typeof publishRuleSchema>({
    id: `rule-${code}`,
    fields: FIELDS,
    defaultValues: Object.fromEntries(
      LOCALES.flatMap(({ code: locale }) => PARTS.map((part) => [fieldName(part, locale), initial[locale][part]])),
    ) as RuleValues,
    schema: publishRuleSchema,
    toRequest,
    validate,
    aliases: ALIASES,
    messages: { titleEn: { required: 'titleRequired' }, textEn: { required: 'ruleTextRequired' } },
  });

  useEffect(() => headingRef.current?.focus(), []);

  const labels = Object.fromEntries(
    LOCALES.flatMap(({ code: locale }) =>
      PARTS.map((part) => [fieldName(part, locale), t(`adminRules.${part}Label`, { language: languageName(locale, uiLocale) })]),
    ),
  ) as Record<Field, string>;

  const submit = form.handleSubmit(async (request) => {
    const published = await publish.mutateAsync({ code, request });
    onPublished(published);
  });

  return (
    <>
      <form noValidate className="form" onSubmit={submit} aria-labelledby={`${id}-heading`} aria-busy={form.submitting || undefined}>
        <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          {t('adminRules.editHeading', { code, version: version + 1 })}
        </h3>
        <p className="hint">{t('adminRules.editHint')}</p>
        <ErrorSummary form={form} labels={labels} />
        {LOCALES.map(({ code: locale, dir }) => (
          <div key={locale} className="stack">
            <TextField
              form={form}
              name={fieldName('title', locale)}
              label={labels[fieldName('title', locale)]}
              lang={locale}
              dir={dir}
              required={locale === 'en'}
            />
            <TextAreaField
              form={form}
              name={fieldName('text', locale)}
              label={labels[fieldName('text', locale)]}
              lang={locale}
              dir={dir}
              rows={6}
              maxCharacters={HOUSE_RULE_TEXT_MAX_LENGTH}
              required={locale === 'en'}
            />
          </div>
        ))}
        <div className="form-actions">
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={previewing}
            aria-controls={`${id}-preview`}
            onClick={() => setPreviewing(!previewing)}
          >
            {t('adminRules.preview')}
          </button>
          <button type="submit" className="button">
            {form.submitting ? t('adminRules.publishing') : t('adminRules.publish')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('adminRules.cancel')}
          </button>
        </div>
      </form>
      <section id={`${id}-preview`} aria-labelledby={previewing ? `${id}-preview-heading` : undefined} hidden={!previewing}>
        {previewing ? (
          <>
            <h4 id={`${id}-preview-heading`}>{t('adminRules.previewHeading')}</h4>
            {LOCALES.map(({ code: locale }) => {
              const label = t('adminRules.previewIn', { language: languageName(locale, uiLocale) });
              return (
                <div key={locale} className="stack page-section">
                  <p className="meta">{label}</p>
                  <HouseRuleList
                    rules={[previewRule(code, version + 1, form.values, locale)]}
                    headingLevel={5}
                    anchored={false}
                    label={label}
                  />
                </div>
              );
            })}
          </>
        ) : null}
      </section>
    </>
  );
}
