import type { HouseRule } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { currentLocale, isolate, localeDirection } from '../../../lib/i18n';

interface HouseRuleListProps {
  rules: readonly HouseRule[];
  /** The rule the address points at (`/rules#R3`), highlighted. */
  highlighted?: string;
  /** 2 on the rules page; deeper where the list sits under a heading of its own (an admin's preview). */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Whether each rule takes its code as its id (false where the same rule is shown more than once, as in a preview). */
  anchored?: boolean;
  /** The list's accessible name; "House rules" when absent. */
  label?: string;
}

/** The published house rules, each with its code as its id so `/rules#R3` (tombstones, notifications) lands on it. */
export function HouseRuleList({ rules, highlighted, headingLevel = 2, anchored = true, label }: HouseRuleListProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="house-rules" aria-label={label ?? t('rules.listLabel')}>
      {rules.map((rule) => (
        <li
          key={rule.code}
          id={anchored ? rule.code : undefined}
          tabIndex={anchored ? -1 : undefined}
          className={rule.code === highlighted ? 'card house-rules__item notice' : 'card house-rules__item'}
          lang={rule.language === locale ? undefined : rule.language}
          dir={rule.language === locale ? undefined : localeDirection(rule.language)}
        >
          <Heading className="item-list__heading">
            <span className="code-badge">{rule.code}</span> {rule.title}
          </Heading>
          <p dir="auto">{rule.text}</p>
          <p className="meta" lang={locale} dir={localeDirection(locale)}>
            {t('rules.version', { version: rule.version, date: isolate(formatDate(rule.publishedAt, locale)) })}
          </p>
        </li>
      ))}
    </ol>
  );
}
