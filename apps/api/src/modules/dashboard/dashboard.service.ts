import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { Dashboard, ExportFilters } from '@compact-voices/contracts';
import { AggregateCache } from '../../core/cache/aggregate-cache.js';
import { addressLimitKey } from '../../core/security/client-address.js';
import { RateLimitService } from '../../core/security/rate-limit.service.js';
import { RATINGS_RELEASED } from '../disclosure/disclosure.events.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';

const CACHE_MS = 30_000;
const CACHE_ENTRIES = 200;

/**
 * Public aggregates for the dashboard, with the export filters: medians per principle × country,
 * distributions and perception gaps per recommendation, and participation per week — every figure
 * a sum of published cell figures (DisclosureService), time filters in whole days. Results are
 * cached briefly per filter set (concurrent askers share one computation), and dropped when a
 * release changes published figures; a question not in the cache counts against the client
 * address's budget (DASHBOARD_MISSES_PER_ADDRESS_PER_MINUTE), so no one can keep the database busy
 * by asking ever new questions.
 */
@Injectable()
export class DashboardService {
  private readonly cache = new AggregateCache<Dashboard>(CACHE_MS, CACHE_ENTRIES);

  constructor(
    private readonly disclosure: DisclosureService,
    private readonly rateLimits: RateLimitService,
  ) {}

  @OnEvent(RATINGS_RELEASED)
  forgetCachedFigures(): void {
    this.cache.clear();
  }

  async dashboard(filters: ExportFilters, clientAddress: string): Promise<Dashboard> {
    this.disclosure.assertPublicTimeFilters(filters);
    return this.cache.get(
      dashboardCacheKey(filters),
      async () => {
        const [ratings, participation] = await Promise.all([
          this.disclosure.dashboardRatings(filters),
          this.disclosure.participation(filters),
        ]);
        return { filters, ...ratings, participation };
      },
      () => this.rateLimits.consume('dashboardMissesPerAddress', addressLimitKey(clientAddress)),
    );
  }
}

/**
 * One key per distinct question: absent and empty filters drop out, and a time filter (always a UTC
 * midnight, assertPublicTimeFilters) is its day — `2027-01-08`, `2027-01-08T00:00:00Z` and
 * `2027-01-08T02:00:00+02:00` ask the same and share one entry, so spelling a date another way is no
 * way round the cache.
 */
export function dashboardCacheKey(filters: ExportFilters): string {
  const entries = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(
      ([name, value]) =>
        [
          name,
          (name === 'from' || name === 'to') && typeof value === 'string' ? new Date(value).toISOString().slice(0, 10) : value,
        ] as const,
    )
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}
