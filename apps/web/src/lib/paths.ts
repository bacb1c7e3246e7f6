/** Every in-app URL is built here, so routes and links cannot drift apart. */
export const paths = {
  home: () => '/',
  principle: (code: string) => `/principles/${encodeURIComponent(code)}`,
  recommendation: (code: string) => `/recommendations/${encodeURIComponent(code)}`,
  objective: (number: number) => `/objectives/${number}`,
  search: (params: { q?: string; principle?: string; objective?: number } = {}) => {
    const search = new URLSearchParams();
    if (params.q) search.set('q', params.q);
    if (params.principle) search.set('principle', params.principle);
    if (params.objective !== undefined) search.set('objective', String(params.objective));
    const query = search.toString();
    return query ? `/search?${query}` : '/search';
  },
} as const;
