import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchBoxProps {
  label: string;
  /** The API's limit for this search. */
  maxLength?: number;
  initialQuery: string;
  onSearch: (query: string) => void;
}

/** A labelled search form for a list page (people, organisations). */
export function SearchBox({ label, maxLength = 100, initialQuery, onSearch }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // What the field holds, also when it was typed into before the page came alive (a page the
    // server rendered, on a slow connection); without script, the form is sent as ?q= instead.
    const value = new FormData(event.currentTarget).get('q');
    onSearch((typeof value === 'string' ? value : query).trim());
  };
  return (
    <form role="search" aria-label={label} className="search-box" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="search-box__row">
        <input
          id={id}
          type="search"
          dir="auto"
          name="q"
          value={query}
          maxLength={maxLength}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}
