import type { AdminUser, Country } from '@compact-voices/contracts';
import { useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../components/country-options';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { StatusMessage } from '../../../components/status-message';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { PERSON_SEARCH_MIN_LENGTH, usePersonSearch, useRoundTeam, useSetRoundTeam, type RoundTeamRole } from '../api/round-team';

/** Where each role's strings live under `roundTeam`. */
const ROLE_KEYS = { moderators: 'moderators', 'safeguarding-officers': 'safeguardingOfficers' } as const;

const SEARCH_DELAY_MS = 300;

interface RoundTeamPanelProps {
  consultationId: string;
  /** To name the countries of people's government ties. */
  countries: readonly Country[];
}

/**
 * Who moderates a round and who handles its safeguarding concerns. Each person's government ties
 * are shown, in the list and in the search, so a conflict of interest is seen before assigning.
 */
export function RoundTeamPanel({ consultationId, countries }: RoundTeamPanelProps) {
  return (
    <>
      <RoundTeamSection consultationId={consultationId} role="moderators" countries={countries} />
      <RoundTeamSection consultationId={consultationId} role="safeguarding-officers" countries={countries} />
    </>
  );
}

function GovernmentTies({ ties, countries }: { ties: readonly string[]; countries: readonly Country[] }) {
  const { t } = useTranslation();
  if (ties.length === 0) return null;
  return (
    <p className="meta warning-text">
      {t('roundTeam.governmentTie', { count: ties.length })} <span>{ties.map((iso3) => countryName(countries, iso3)).join(', ')}</span>
    </p>
  );
}

interface RoundTeamSectionProps extends RoundTeamPanelProps {
  role: RoundTeamRole;
}

function RoundTeamSection({ consultationId, role, countries }: RoundTeamSectionProps) {
  const { t } = useTranslation();
  const key = ROLE_KEYS[role];
  const team = useRoundTeam(consultationId, role);
  const save = useSetRoundTeam();
  const [outcome, setOutcome] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const people = team.data?.people ?? [];
  const assigned = new Set(team.data?.userIds ?? []);

  const update = (userIds: string[], done: () => void) => {
    if (save.isPending) return;
    setOutcome('');
    save.mutate({ consultationId, role, userIds }, { onSuccess: done });
  };

  const handleAdd = (person: AdminUser) =>
    update([...assigned, person.id], () => {
      setOutcome(t(`roundTeam.${key}.added`, { name: person.displayName }));
      searchRef.current?.focus();
    });

  const handleRemove = (userId: string, name: string) =>
    update(
      [...assigned].filter((id) => id !== userId),
      () => {
        setOutcome(t(`roundTeam.${key}.removed`, { name }));
        // The button pressed is gone; keep keyboard users in this section.
        headingRef.current?.focus();
      },
    );

  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t(`roundTeam.${key}.heading`)}
      </h2>
      <p>{t(`roundTeam.${key}.intro`)}</p>
      <p className="hint">{t('roundTeam.tiesHint')}</p>
      {team.isError ? <ErrorAlert error={team.error} onRetry={() => void team.refetch()} /> : null}
      {team.isPending ? <LoadingStatus /> : null}
      {team.data && people.length === 0 ? <p>{t(`roundTeam.${key}.none`)}</p> : null}
      {people.length > 0 ? (
        <ul className="item-list" aria-labelledby={headingId}>
          {people.map((person) => (
            <li key={person.userId} className="card item-list__item">
              <p className="item-list__title overflow-anywhere">
                <bdi>{person.displayName}</bdi>
              </p>
              <GovernmentTies ties={person.governmentTies} countries={countries} />
              <div className="form-actions">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t(`roundTeam.${key}.removeLabel`, { name: person.displayName })}
                  onClick={() => handleRemove(person.userId, person.displayName)}
                >
                  {t('roundTeam.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <StatusMessage>{outcome}</StatusMessage>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {team.data ? <PersonSearch role={role} countries={countries} assigned={assigned} inputRef={searchRef} onAdd={handleAdd} /> : null}
    </section>
  );
}

interface PersonSearchProps {
  role: RoundTeamRole;
  countries: readonly Country[];
  assigned: ReadonlySet<string>;
  inputRef: RefObject<HTMLInputElement | null>;
  onAdd: (person: AdminUser) => void;
}

/** "Find a person": searches as one types (after a pause, from two characters) and offers each match to add. */
function PersonSearch({ role, countries, assigned, inputRef, onAdd }: PersonSearchProps) {
  const { t } = useTranslation();
  const key = ROLE_KEYS[role];
  const id = useId();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const active = q.length >= PERSON_SEARCH_MIN_LENGTH;
  const search = usePersonSearch(q);
  // Erased accounts cannot be assigned (the API refuses them).
  const matches = active ? (search.data?.items ?? []).filter((user) => user.status === 'active') : [];
  const loading = active && (search.isPending || search.isPlaceholderData);

  let statusText = '';
  if (loading) statusText = t('status.loading');
  else if (active && search.isSuccess)
    statusText = matches.length === 0 ? t('roundTeam.noMatches') : t('roundTeam.matches', { count: matches.length });

  return (
    <div>
      <div className="search-box">
        <label htmlFor={`${id}-input`}>{t(`roundTeam.${key}.searchLabel`)}</label>
        <p id={`${id}-hint`} className="hint">
          {t('roundTeam.searchHint', { min: PERSON_SEARCH_MIN_LENGTH })}
        </p>
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="search"
          dir="auto"
          maxLength={100}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p role="status" className="search-results__status">
        {statusText}
      </p>
      {search.isError && active ? <ErrorAlert error={search.error} onRetry={() => void search.refetch()} /> : null}
      {matches.length > 0 ? (
        <ul className="item-list" aria-busy={loading || undefined} aria-label={t(`roundTeam.${key}.matchesLabel`)}>
          {matches.map((user) => (
            <li key={user.id} className="card item-list__item">
              <p className="item-list__title overflow-anywhere">
                <bdi>{user.displayName}</bdi>
              </p>
              <GovernmentTies ties={user.governmentTies} countries={countries} />
              {assigned.has(user.id) ? (
                <p className="meta">{t(`roundTeam.${key}.already`)}</p>
              ) : (
                <div className="form-actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t(`roundTeam.${key}.addLabel`, { name: user.displayName })}
                    onClick={() => onAdd(user)}
                  >
                    {t('roundTeam.add')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
