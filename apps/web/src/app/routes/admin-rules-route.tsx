import { LOCALES, type HouseRule, type LocaleCode } from '@compact-voices/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useRulesInEveryLanguage } from '../../features/moderation/api/get-rules';
import { HouseRuleEditor, type RuleTexts } from '../../features/moderation/components/house-rule-editor';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { formatDate } from '../../lib/format';
import { currentLocale, isolate, localeDirection } from '../../lib/i18n';

/** Each language's title and text of a rule; empty where the API fell back to English (not translated). */
function textsOf(code: string, byLocale: Record<LocaleCode, HouseRule[]>): RuleTexts {
  return Object.fromEntries(
    LOCALES.map(({ code: locale }) => {
      const rule = byLocale[locale].find((candidate) => candidate.code === code);
      const translated = rule && rule.language === locale;
      return [locale, { title: translated ? rule.title : '', text: translated ? rule.text : '' }];
    }),
  ) as RuleTexts;
}

const editButtonId = (code: string) => `edit-rule-${code}`;

/** The house rules as published, and the next version of each: every language, a preview, then publish. */
export function AdminRulesRoute() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const rules = useRulesInEveryLanguage();
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ code: string; text: string } | null>(null);
  const returnFocusTo = useRef<string | null>(null);
  useDocumentTitle(t('adminRules.heading'));

  // Back to the rule's "Edit" once its form has closed (the button pressed inside it is gone).
  useEffect(() => {
    if (!returnFocusTo.current || editing) return;
    document.getElementById(editButtonId(returnFocusTo.current))?.focus();
    returnFocusTo.current = null;
  }, [editing]);

  const close = (code: string) => {
    returnFocusTo.current = code;
    setEditing(null);
  };

  const handlePublished = (rule: HouseRule) => {
    setOutcome({ code: rule.code, text: t('adminRules.published', { code: rule.code, version: rule.version }) });
    close(rule.code);
  };

  const shown = rules.data?.[locale] ?? [];

  return (
    <>
      <PageHeading>{t('adminRules.heading')}</PageHeading>
      <p className="lead">{t('adminRules.intro')}</p>
      {rules.error ? <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} /> : null}
      {rules.isPending && !rules.error ? <LoadingStatus /> : null}
      {rules.data ? (
        <ol className="item-list" aria-label={t('rules.listLabel')}>
          {shown.map((rule) => {
            const headingId = `rule-${rule.code}-heading`;
            // Shown in the interface language, or in English where it is not translated yet.
            const contentLang = rule.language === locale ? {} : { lang: rule.language, dir: localeDirection(rule.language) };
            return (
              <li key={rule.code} className="card item-list__item">
                <h2 id={headingId} className="item-list__heading">
                  <span className="code-badge">{rule.code}</span> <span {...contentLang}>{rule.title}</span>
                </h2>
                <p className="meta">{t('rules.version', { version: rule.version, date: isolate(formatDate(rule.publishedAt, locale)) })}</p>
                <p dir="auto" {...contentLang}>
                  {rule.text}
                </p>
                <StatusMessage>{outcome?.code === rule.code ? outcome.text : ''}</StatusMessage>
                {editing === rule.code && rules.data ? (
                  <HouseRuleEditor
                    code={rule.code}
                    version={rule.version}
                    initial={textsOf(rule.code, rules.data)}
                    onPublished={handlePublished}
                    onCancel={() => close(rule.code)}
                  />
                ) : (
                  <div className="form-actions">
                    <button
                      id={editButtonId(rule.code)}
                      type="button"
                      className="button button--secondary"
                      aria-describedby={headingId}
                      onClick={() => {
                        setOutcome(null);
                        setEditing(rule.code);
                      }}
                    >
                      {t('adminRules.edit')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
    </>
  );
}
