import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { AppSecrets } from '../../core/security/app-secrets.js';
import { ThreadLogService, type ThreadDomainEvent } from '../threads/thread-log.service.js';
import { RATINGS_RELEASED, type RatingsReleasedEvent } from './disclosure.events.js';
import { planRelease, snapshotAt } from './release-audit.js';
import { RatingReleasesRepository, type CellKey } from './rating-releases.repository.js';
import { perceptionGap } from './statistics.js';

const SWEEP_MS = 60_000;
const SWEEP_BATCH = 50;

/**
 * Makes a cell's next release when the rules allow (release-audit.ts): after every rating write,
 * and from a sweep once a minute for cells whose ratings start counting because an account came of
 * age. A release appends a `ratings.summary` event to the thread, so live readers and replays get
 * the new figures — per release, never per rating.
 */
@Injectable()
export class RatingReleasesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Disclosure');
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  /** Ratings from before releases existed are looked for once per process: the app makes a cell's row with every rating it writes. */
  private lookedForUnreleased = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: RatingReleasesRepository,
    private readonly threads: ThreadLogService,
    private readonly config: AppConfig,
    private readonly secrets: AppSecrets,
    private readonly emitter: EventEmitter2,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
    // Ratings from before releases existed: give their cells a first release, in the background.
    setTimeout(() => void this.sweep(), 0).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Releases the cell if its pending changes can be published now. True when a release was made. */
  async release(cell: CellKey): Promise<boolean> {
    const events: ThreadDomainEvent[] = [];
    const released = await this.dataSource.transaction(async (manager) => {
      const last = await this.repository.lockCell(manager, cell);
      const history = await this.repository.history(manager, cell);
      const { snapshot, checkAt, accounts } = await this.repository.current(manager, cell, this.config.disclosure.raterMinAccountAgeHours);
      await this.repository.setCheckAt(manager, cell, checkAt);
      const plan = planRelease(history, snapshot);
      if (!plan) return false;
      const no = last + 1;
      const sidesPublished = plan.predicates.includes('side:G') && plan.predicates.includes('side:C');
      const gap = sidesPublished
        ? perceptionGap(
            [...plan.snapshot.values()].filter((s) => s.leaf.kind === 's' && s.leaf.side === 'G').map((s) => s.score!),
            [...plan.snapshot.values()].filter((s) => s.leaf.kind === 's' && s.leaf.side === 'C').map((s) => s.score!),
            this.secrets.statisticsSeed(`gap/${cell.consultationId}/${cell.recommendationCode}/${cell.countryIso3}/${no}`),
          )
        : null;
      await this.repository.write(manager, cell, no, snapshotAt(history, last), plan, gap, accounts);
      events.push(await this.threads.append(manager, { ...cell, type: 'ratings.summary', countryIso3: cell.countryIso3 }));
      return true;
    });
    this.threads.announce(events);
    if (released) this.emitter.emit(RATINGS_RELEASED, { ...cell } satisfies RatingsReleasedEvent);
    return released;
  }

  /** Release whatever can be released; errors are logged, never thrown (a rating write already succeeded). */
  async releaseQuietly(cell: CellKey): Promise<void> {
    try {
      await this.release(cell);
    } catch (error) {
      this.logger.warn(
        { event: 'disclosure.release_failed', err: (error as Error).message },
        'rating release failed; the sweep will retry',
      );
      await this.repository.markDue(this.dataSource.manager, cell).catch(() => undefined);
    }
  }

  /** Cells due a look (an account came of age; a release failed), then cells never looked at. */
  sweep(): Promise<void> {
    this.sweeping ??= (async () => {
      try {
        const seen = new Set<string>();
        const finders = [(limit: number) => this.repository.dueCells(this.dataSource.manager, limit)];
        if (!this.lookedForUnreleased) finders.push((limit: number) => this.repository.unreleasedCells(this.dataSource.manager, limit));
        for (const find of finders) {
          for (;;) {
            const cells = (await find(SWEEP_BATCH)).filter(
              (cell) => !seen.has(`${cell.consultationId}/${cell.recommendationCode}/${cell.countryIso3}`),
            );
            for (const cell of cells) {
              seen.add(`${cell.consultationId}/${cell.recommendationCode}/${cell.countryIso3}`);
              await this.releaseQuietly(cell);
            }
            // A cell that failed again comes back due at once: leave it to the next sweep.
            if (cells.length === 0) break;
          }
        }
        this.lookedForUnreleased = true;
      } catch (error) {
        this.logger.warn({ event: 'disclosure.sweep_failed', err: (error as Error).message }, 'release sweep failed');
      } finally {
        this.sweeping = undefined;
      }
    })();
    return this.sweeping;
  }
}
