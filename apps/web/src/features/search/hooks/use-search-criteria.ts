import { PRINCIPLE_CODES, type PrincipleCode } from '@compact-voices/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** What the search page shows, read from and written to its URL (`?q=&principle=&objective=`). */
export interface SearchCriteria {
  q: string;
  principle?: PrincipleCode;
  objective?: number;
}

/** Longest query we send; anything longer is almost certainly a paste accident. */
export const MAX_QUERY_LENGTH = 200;

function isPrincipleCode(value: string): value is PrincipleCode {
  return (PRINCIPLE_CODES as readonly string[]).includes(value);
}

/** Unknown filter values are dropped rather than sent, so a hand-edited URL still shows results. */
export function parseSearchCriteria(params: URLSearchParams): SearchCriteria {
  const criteria: SearchCriteria = { q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH) };
  const principle = (params.get('principle') ?? '').toUpperCase();
  if (isPrincipleCode(principle)) criteria.principle = principle;
  const objective = params.get('objective') ?? '';
  if (/^[1-9][0-9]?$/.test(objective)) criteria.objective = Number(objective);
  return criteria;
}

export function hasCriteria(criteria: SearchCriteria): boolean {
  return criteria.q.trim() !== '' || criteria.principle !== undefined || criteria.objective !== undefined;
}

export function criteriaToParams(criteria: SearchCriteria): URLSearchParams {
  const params = new URLSearchParams();
  const q = criteria.q.trim();
  if (q) params.set('q', q);
  if (criteria.principle) params.set('principle', criteria.principle);
  if (criteria.objective !== undefined) params.set('objective', String(criteria.objective));
  return params;
}

export function useSearchCriteria(): [SearchCriteria, (next: SearchCriteria) => void] {
  const [params, setParams] = useSearchParams();
  const criteria = useMemo(() => parseSearchCriteria(params), [params]);
  const setCriteria = useCallback((next: SearchCriteria) => setParams(criteriaToParams(next)), [setParams]);
  return [criteria, setCriteria];
}
