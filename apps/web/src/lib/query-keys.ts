/**
 * Query keys shared by several features. The signed-in person's profile is one: joining or
 * registering an organisation changes its memberships.
 */
export const meQueryKey = ['me'] as const;

/**
 * Consultation rounds, their threads and ratings: drafts are listed for admins only, comments carry
 * "mine" and my reaction, and my ratings are mine.
 */
export const consultationsQueryRoot = ['consultations'] as const;

/** Everything cached about one thread (round × recommendation): comments, rating summaries, my ratings. */
export function threadQueryKey(consultationId: string, recommendationCode: string) {
  return [...consultationsQueryRoot, 'thread', consultationId, recommendationCode] as const;
}

/** Who holds a role in one round (admin pages): its moderators or its safeguarding officers. */
export function roundTeamQueryKey(consultationId: string, role: 'moderators' | 'safeguarding-officers') {
  return ['admin', 'round-team', consultationId, role] as const;
}

/** My notifications (the header's unread count and the notification centre). */
export const notificationsQueryRoot = ['notifications'] as const;

/** Queues, decisions, appeals and sanctions as a moderator (or the appellant) sees them. */
export const moderationQueryRoot = ['moderation'] as const;

/** Roots of every query whose answer depends on who is signed in; dropped when that changes. */
export const PERSONAL_QUERY_ROOTS = ['me', 'organisations', 'admin', 'consultations', 'notifications', 'moderation'] as const;
