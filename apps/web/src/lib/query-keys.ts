/**
 * Query keys shared by several features. The signed-in person's profile is one: joining or
 * registering an organisation changes its memberships.
 */
export const meQueryKey = ['me'] as const;

/** Roots of every query whose answer depends on who is signed in; dropped when that changes. */
export const PERSONAL_QUERY_ROOTS = ['me', 'organisations', 'admin'] as const;
