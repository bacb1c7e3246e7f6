import type { HouseRule } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { currentLocale, isolate } from '../../../lib/i18n';

interface HouseRuleListProps {
  rules: readonly HouseRule[];
  /** The rule the address points at (`/rules#R3`), highlighted. */
  highlighted?: string;
}

/** The published house rules, each with its code as its id so `/rules#R3` (tombstones, notifications) lands on it. */
export function HouseRuleList({ rules, highlighted }: HouseRuleListProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <ol className="house-rules" aria-label={t('rules.listLabel')}>
      {rules.map((rule) => (
        <li
          key={rule.code}
          id={rule.code}
          tabIndex={-1}
          className={rule.code === highlighted ? 'card house-rules__item notice' : 'card house-rules__item'}
          lang={rule.language === locale ? undefined : rule.language}
        >
          <h2 className="item-list__heading">
            <span className="code-badge">{rule.code}</span> {rule.title}
          </h2>
          <p dir="auto">{rule.text}</p>
          <p className="meta" lang={locale}>
            {t('rules.version', { version: rule.version, date: isolate(formatDate(rule.publishedAt, locale)) })}
          </p>
        </li>
      ))}
    </ol>
  );
}
