import { useId, type FormEvent } from 'react';
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
  // Uncontrolled: on a page the server rendered, someone may type before the page has hydrated, and
  // hydration must not put the field back to its first value. Without script, the form is sent as ?q=.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('q');
    onSearch(typeof value === 'string' ? value.trim() : '');
  };
  return (
    <form role="search" aria-label={label} className="search-box" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="search-box__row">
        <input id={id} type="search" dir="auto" name="q" defaultValue={initialQuery} maxLength={maxLength} autoComplete="off" />
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}
