import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../lib/i18n';
import { useRules } from '../api/get-rules';

/** The house rules as <option>s ("R2 — Protect personal information"), in the interface language. */
export function RuleOptions() {
  const { t, i18n } = useTranslation();
  const rules = useRules(currentLocale(i18n));
  return (
    <>
      <option value="">{rules.isPending ? t('status.loading') : t('form.chooseOption')}</option>
      {rules.data?.items.map((rule) => (
        <option key={rule.code} value={rule.code}>
          {rule.code} — {rule.title}
        </option>
      ))}
    </>
  );
}
