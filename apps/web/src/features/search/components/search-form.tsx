import type { PrincipleCode } from '@compact-voices/contracts';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { useContentLang } from '../../../lib/use-content-lang';
import { MAX_QUERY_LENGTH, type SearchCriteria } from '../hooks/use-search-criteria';

export interface PrincipleOption {
  code: PrincipleCode;
  title: string;
}

export interface ObjectiveOption {
  number: number;
  title: string;
}

interface SearchFormProps {
  /** Current criteria; remount the form (key) to reset it when they change from outside. */
  criteria: SearchCriteria;
  principles: readonly PrincipleOption[];
  objectives: readonly ObjectiveOption[];
  onSearch: (criteria: SearchCriteria) => void;
}

/** Query and filters. Nothing happens until it is submitted, so choosing a filter never moves the page. */
export function SearchForm({ criteria, principles, objectives, onSearch }: SearchFormProps) {
  const { t } = useTranslation();
  const contentLang = useContentLang();
  const [query, setQuery] = useState(criteria.q);
  const [principle, setPrinciple] = useState<string>(criteria.principle ?? '');
  const [objective, setObjective] = useState<string>(criteria.objective ? String(criteria.objective) : '');

  const handleQueryChange = (event: ChangeEvent<HTMLInputElement>) => setQuery(event.target.value);
  const handlePrincipleChange = (event: ChangeEvent<HTMLSelectElement>) => setPrinciple(event.target.value);
  const handleObjectiveChange = (event: ChangeEvent<HTMLSelectElement>) => setObjective(event.target.value);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const selectedPrinciple = principles.find((option) => option.code === principle)?.code;
    const selectedObjective = objectives.find((option) => String(option.number) === objective)?.number;
    onSearch({
      q: query.trim(),
      ...(selectedPrinciple ? { principle: selectedPrinciple } : {}),
      ...(selectedObjective !== undefined ? { objective: selectedObjective } : {}),
    });
  };

  return (
    <form role="search" aria-label={t('search.formLabel')} className="search-form card" onSubmit={handleSubmit}>
      <div className="field field--wide">
        <label htmlFor="search-query">{t('search.queryLabel')}</label>
        <input
          id="search-query"
          name="q"
          type="search"
          dir="auto"
          value={query}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          aria-describedby="search-query-hint"
          onChange={handleQueryChange}
        />
        <p id="search-query-hint" className="hint">
          {t('search.queryHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="search-principle">{t('search.principleLabel')}</label>
        <select id="search-principle" name="principle" value={principle} onChange={handlePrincipleChange}>
          <option value="">{t('search.anyPrinciple')}</option>
          {principles.map((option) => (
            <option key={option.code} value={option.code} {...contentLang}>
              {option.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="search-objective">{t('search.objectiveLabel')}</label>
        <select id="search-objective" name="objective" value={objective} onChange={handleObjectiveChange}>
          <option value="">{t('search.anyObjective')}</option>
          {objectives.map((option) => (
            <option key={option.number} value={String(option.number)} {...contentLang}>
              {t('search.objectiveOption', { number: option.number, title: option.title })}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
        <Link to={paths.search()} className="form-actions__secondary">
          {t('search.clear')}
        </Link>
      </div>
    </form>
  );
}
