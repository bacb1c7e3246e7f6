import { HttpStatus, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { ErrorCode } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { ApiException } from '../errors/api.exception.js';

export type LimitName =
  | 'authPerIp'
  | 'signUpsPerAddress'
  | 'signUpsPerMailbox'
  | 'signInFailuresPerMinute'
  | 'signInFailuresPerHour'
  | 'signInFailuresPerAccount'
  | 'signInCeilingAlerts'
  | 'mailPerAddress'
  | 'commentsPerUser'
  | 'ratingsPerUser'
  | 'flagsPerUser'
  | 'flagsPerUserPerDay'
  | 'flagsPerAddress'
  | 'appealsPerUser'
  | 'dashboardMissesPerAddress'
  | 'replayMissesPerAddress';

interface LimitSpec {
  points: number;
  duration: number;
}

/**
 * Named rate limits on rate-limiter-flexible. With REDIS_URL the counters live in Redis so limits
 * hold across instances; if Redis is unreachable each instance falls back to its own in-memory
 * counters (the "insurance" limiter) — stricter per instance, never unlimited.
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimitService.name);
  private readonly limiters = new Map<LimitName, RateLimiterAbstract>();
  private readonly redis: ReturnType<typeof createClient> | undefined;

  constructor(config: AppConfig) {
    const specs: Record<LimitName, LimitSpec> = {
      authPerIp: { points: config.auth.ipLimitPerMinute, duration: 60 },
      // Accounts made in bulk cost addresses and mailboxes, not just a loop.
      signUpsPerAddress: { points: config.auth.signUpsPerAddressPerHour, duration: 3_600 },
      signUpsPerMailbox: { points: config.auth.signUpsPerMailboxPerDay, duration: 86_400 },
      // Failures count per (account, client address): five a minute, then twenty an hour —
      // the wait grows for that client only, so nobody elsewhere can lock the owner out.
      signInFailuresPerMinute: { points: config.auth.accountFailuresPerMinute, duration: 60 },
      signInFailuresPerHour: { points: 20, duration: 3_600 },
      // Across every client, an account's failures past this in an hour raise an alert, never a lock.
      signInFailuresPerAccount: { points: 100, duration: 3_600 },
      signInCeilingAlerts: { points: 1, duration: 3_600 },
      // Mail to one address (verification, reset, notices): no mail bombing through our server.
      mailPerAddress: { points: 5, duration: 3_600 },
      // Comments: enough for a lively discussion, too few for a flood.
      commentsPerUser: { points: config.contributions.commentsPerMinute, duration: 60 },
      ratingsPerUser: { points: 120, duration: 60 },
      // Reports and appeals are deliberate acts: a handful a minute is plenty; more is a campaign.
      // Reports are a lever on what others read, so their budget is tight per account and per
      // address (its /64 for IPv6) whatever the accounts behind it.
      flagsPerUser: { points: 10, duration: 60 },
      flagsPerUserPerDay: { points: 40, duration: 86_400 },
      flagsPerAddress: { points: config.moderation.flagsPerAddressPerHour, duration: 3_600 },
      appealsPerUser: { points: 5, duration: 60 },
      // A dashboard question nobody asked in the last 30 s costs up to a second of database time:
      // cached answers are free, new questions are budgeted per client address.
      dashboardMissesPerAddress: { points: config.dashboardMissesPerAddressPerMinute, duration: 60 },
      // Likewise a replay page of a thread that moved since it was last asked, for signed-out callers.
      replayMissesPerAddress: { points: config.replayMissesPerAddressPerMinute, duration: 60 },
    };
    if (config.redisUrl) {
      this.redis = createClient({ url: config.redisUrl, socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 5_000) } });
      this.redis.on('error', (error: Error) =>
        this.logger.warn({ event: 'redis.unavailable', use: 'rate-limits', err: error.message }, 'redis unavailable for rate limits'),
      );
      this.redis.connect().catch(() => undefined);
    }
    for (const [name, spec] of Object.entries(specs) as Array<[LimitName, LimitSpec]>) {
      const memory = new RateLimiterMemory({ keyPrefix: name, ...spec });
      this.limiters.set(
        name,
        this.redis
          ? // Not ready → the memory limiter at once: node-redis would otherwise queue the command
            // until Redis returns, and every rate-limited request would wait with it (fault suite).
            new RateLimiterRedis({
              storeClient: this.redis,
              useRedisPackage: true,
              rejectIfRedisNotReady: true,
              keyPrefix: `cv:rl:${name}`,
              insuranceLimiter: memory,
              ...spec,
            })
          : memory,
      );
    }
  }

  /** Counts one event; throws 429 with Retry-After when the limit is exhausted. */
  /** The shared Redis as this instance sees it (readiness reports it). */
  redisStatus(): 'up' | 'down' | 'not-configured' {
    if (!this.redis) return 'not-configured';
    return this.redis.isReady ? 'up' : 'down';
  }

  async consume(name: LimitName, key: string, points = 1): Promise<void> {
    try {
      await this.limiter(name).consume(key, points);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyRequests(error.msBeforeNext);
      throw error;
    }
  }

  /** Throws 429 if the key has already used up the limit, without counting. */
  async assertAvailable(name: LimitName, key: string): Promise<void> {
    const state = await this.limiter(name).get(key);
    const spec = this.limiter(name).points;
    if (state && state.consumedPoints >= spec) throw tooManyRequests(state.msBeforeNext);
  }

  async reset(name: LimitName, key: string): Promise<void> {
    await this.limiter(name).delete(key);
  }

  async onModuleDestroy(): Promise<void> {
    // As for live events: close politely when connected, drop a reconnection attempt otherwise.
    if (this.redis?.isReady) await this.redis.close().catch(() => undefined);
    else if (this.redis?.isOpen) this.redis.destroy();
  }

  private limiter(name: LimitName): RateLimiterAbstract {
    const limiter = this.limiters.get(name);
    if (!limiter) throw new Error(`Unknown rate limit ${name}`);
    return limiter;
  }
}

export class TooManyRequestsException extends ApiException {
  constructor(readonly retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS, `Too many attempts; try again in ${retryAfterSeconds} s`, undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}

function tooManyRequests(msBeforeNext: number): TooManyRequestsException {
  return new TooManyRequestsException(Math.max(1, Math.ceil(msBeforeNext / 1000)));
}
