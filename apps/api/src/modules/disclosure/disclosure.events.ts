/** Emitted after a cell's new release is committed: cached public figures that include the cell are stale. */
export const RATINGS_RELEASED = 'disclosure.ratings_released';

export interface RatingsReleasedEvent {
  consultationId: string;
  recommendationCode: string;
  countryIso3: string;
}
