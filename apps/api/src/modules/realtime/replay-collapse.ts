import type { LoggedThreadEvent } from '../threads/thread-log.service.js';

/**
 * Events that carry a state, not a change: a replay renders each as it reads *now*, so only the last
 * of each key matters — a rating summary per country, a reaction count per comment. Keeping the
 * last one alone (in its place in the order) makes a replay of 500 rating events cost one summary
 * per country instead of 500: a small request cannot buy a large answer. Comment events are kept: a
 * client needs the creation to place a comment before an update can change it.
 */
function stateKey(event: LoggedThreadEvent): string | null {
  if (event.type === 'ratings.summary') return `ratings:${event.countryIso3 ?? ''}`;
  if (event.type === 'reactions.updated') return `reactions:${event.commentId ?? ''}`;
  return null;
}

export function collapseStateEvents(events: LoggedThreadEvent[]): LoggedThreadEvent[] {
  const lastIndex = new Map<string, number>();
  events.forEach((event, index) => {
    const key = stateKey(event);
    if (key !== null) lastIndex.set(key, index);
  });
  return events.filter((event, index) => {
    const key = stateKey(event);
    return key === null || lastIndex.get(key) === index;
  });
}
