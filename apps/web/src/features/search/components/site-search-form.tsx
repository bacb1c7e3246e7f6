import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../../lib/paths';
import { MAX_QUERY_LENGTH } from '../hooks/use-search-criteria';

interface SiteSearchFormProps {
  /** The query to start with (the current one on the search page). */
  initialQuery?: string;
}

/** The header's search box: submits to /search?q=…, keeping the other filters off. */
export function SiteSearchForm({ initialQuery = '' }: SiteSearchFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inputId = useId();
  const [query, setQuery] = useState(initialQuery);

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => setQuery(event.target.value);
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void navigate(paths.search({ q: query.trim() }));
  };

  return (
    <form role="search" aria-label={t('siteSearch.landmark')} className="site-search" onSubmit={handleSubmit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('siteSearch.label')}
      </label>
      <input
        id={inputId}
        type="search"
        dir="auto"
        name="q"
        value={query}
        maxLength={MAX_QUERY_LENGTH}
        autoComplete="off"
        placeholder={t('siteSearch.label')}
        onChange={handleChange}
      />
      <button type="submit" className="button button--on-dark">
        {t('siteSearch.submit')}
      </button>
    </form>
  );
}
