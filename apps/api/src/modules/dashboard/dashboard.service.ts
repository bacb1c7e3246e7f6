import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { Dashboard, ExportFilters } from '@compact-voices/contracts';
import { RATINGS_RELEASED } from '../disclosure/disclosure.events.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';

const CACHE_MS = 30_000;
const CACHE_ENTRIES = 200;

/**
 * Public aggregates for the dashboard, with the export filters: medians per principle × country,
 * distributions and perception gaps per recommendation, and participation per week — every figure
 * a sum of published cell figures (DisclosureService), time filters in whole days. Results are
 * cached briefly per filter set, and dropped when a release changes published figures.
 */
@Injectable()
export class DashboardService {
  private readonly cache = new Map<string, { at: number; value: Dashboard }>();

  constructor(private readonly disclosure: DisclosureService) {}

  @OnEvent(RATINGS_RELEASED)
  forgetCachedFigures(): void {
    this.cache.clear();
  }

  async dashboard(filters: ExportFilters): Promise<Dashboard> {
    this.disclosure.assertPublicTimeFilters(filters);
    const key = dashboardCacheKey(filters);
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const [ratings, participation] = await Promise.all([this.disclosure.dashboardRatings(filters), this.disclosure.participation(filters)]);
    const value: Dashboard = { filters, ...ratings, participation };
    if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { at: Date.now(), value });
    return value;
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
    .map(([name, value]) => [name, (name === 'from' || name === 'to') && typeof value === 'string' ? new Date(value).toISOString().slice(0, 10) : value] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}
