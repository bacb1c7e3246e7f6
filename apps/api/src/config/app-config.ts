import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env. Every variable is documented in
 * docs/configuration.md; a bad value stops the process at boot with one line naming it.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: postgresUrl.optional(),
    // The schema's owner, for migrations and the grants that keep DATABASE_URL's role to INSERT and SELECT on the audit log.
    DATABASE_OWNER_URL: postgresUrl.optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    DATA_DIR: z.string().min(1).default('./data'),
    EXPORT_DIR: z.string().min(1).optional(),
    EXPORTS_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(1),
    METRICS_TOKEN: z.string().min(16).optional(),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(25_000),
    LIVE_BUFFER_LIMIT_BYTES: z.coerce.number().int().min(16_384).max(268_435_456).default(1_048_576),
    // Signed-out live connections per client address on one instance (a dormitory reads together; sixty sockets joining twenty rooms each is an attack).
    LIVE_ANONYMOUS_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(40),
    // Dashboard questions not already cached that one client address may ask a minute (each costs up to a second of database time).
    DASHBOARD_MISSES_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
    // Replay pages not already cached that one signed-out client address may ask a minute (a reconnect needs a few).
    REPLAY_MISSES_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    XLSX_ROW_CAP: z.coerce.number().int().min(1).max(1_048_575).default(250_000),
    REPORT_FONT: z.string().min(1).optional(),
    REDIS_URL: z
      .string()
      .url()
      .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL')
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().url())),
    // No proxy is trusted unless one is named: with 'loopback' by default, anything on the same host could
    // set X-Forwarded-For and rotate past every per-address limit. docker-compose.yml and the fleet set it.
    TRUST_PROXY: z.string().default('false'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
      .default('100kb'),
    WEB_DIST_DIR: z.string().optional(),
    PUBLIC_URL: z.string().url().optional(),
    APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SMTP_URL: z
      .string()
      .url()
      .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Compact Voices <no-reply@compact-voices.invalid>'),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(128).optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(600),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    AUTH_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
    AUTH_ACCOUNT_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(5),
    // Sign-ups are what burst-created accounts cost: a household behind one address, or one
    // person retrying, fits well inside these.
    SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
    SIGNUPS_PER_MAILBOX_PER_DAY: z.coerce.number().int().min(1).max(100_000).default(3),
    // One core fewer than the machine has, so a login flood always leaves a core for everything else.
    COMMENTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(6),
    // Reports hide a comment before review only when this many independent reporters agree, one of
    // them a member of a verified organisation; for a safeguarding concern, SAFEGUARDING_HIDE_REPORTERS.
    // Full exports (names, account ids) are deleted from disk this many days after they finished.
    EXPORT_FULL_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    FLAG_HIDE_THRESHOLD: z.coerce.number().int().min(1).max(100).default(3),
    SAFEGUARDING_HIDE_REPORTERS: z.coerce.number().int().min(1).max(100).default(3),
    // A report counts towards hiding only from an account this old: a burst of fresh accounts cannot blank a thread.
    REPORTER_MIN_ACCOUNT_AGE_HOURS: z.coerce.number().int().min(0).max(8_760).default(24),
    FLAGS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
    NEW_ACCOUNT_HELD_COMMENTS: z.coerce.number().int().min(0).max(100).default(1),
    // A rating counts towards published figures once its account is verified and this old:
    // padding a cell then takes accounts made a day before. 0 turns the rule off (demonstrations, black-box tests).
    RATER_MIN_ACCOUNT_AGE_HOURS: z.coerce.number().int().min(0).max(8_760).default(24),
    PASSWORD_HASH_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .default(Math.max(1, availableParallelism() - 1)),
    SERVE_WEB: booleanFlag.default(true),
    // Reader pages (the catalogue, rounds, a thread) rendered on the server in the reader's language,
    // for phones on slow connections; a render slower than the timeout serves the app shell instead.
    SERVER_RENDER: booleanFlag.default(true),
    SERVER_RENDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
    API_DOCS: booleanFlag.default(true),
  })
  .superRefine((env, context) => {
    if (env.DATABASE_OWNER_URL && !env.DATABASE_URL) {
      context.addIssue({
        code: 'custom',
        path: ['DATABASE_OWNER_URL'],
        message: 'needs DATABASE_URL (the embedded database has a single role)',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class AppConfig {
  readonly nodeEnv: Env['NODE_ENV'];
  readonly port: number;
  readonly host: string;
  readonly database:
    /** `ownerUrl`: migrations and grants run as this role, the app as `url`'s (see database-roles.ts). */
    | { kind: 'postgres'; url: string; ownerUrl?: string; poolSize: number; statementTimeoutMs: number }
    | { kind: 'embedded'; dataDir: string; statementTimeoutMs: number };
  readonly dataDir: string;
  /** Finished export files; shared by every instance of a fleet (a common volume). */
  readonly exportDir: string;
  /** On SIGTERM: how long in-flight requests, sockets and jobs get before the process exits anyway. */
  readonly shutdownTimeoutMs: number;
  /** A live socket whose unsent events pass this many bytes (a client that stopped reading) is disconnected. */
  readonly liveBufferLimitBytes: number;
  readonly liveAnonymousSocketsPerAddress: number;
  /** Uncached dashboard questions per client address (IPv6: /64) a minute. */
  readonly dashboardMissesPerAddressPerMinute: number;
  /** Uncached replay pages per signed-out client address (IPv6: /64) a minute. */
  readonly replayMissesPerAddressPerMinute: number;
  /** Token for GET /metrics (HTTP Basic, user `metrics`); unset, metrics are off. */
  readonly metricsToken: string | undefined;
  /** Exports one instance runs at once; a TrueType font for PDF reports (DejaVu Sans when installed). */
  /** `fullRetentionDays`: full exports are deleted from disk this long after they finished. */
  readonly exports: { concurrency: number; reportFont: string | undefined; xlsxRowCap: number; fullRetentionDays: number };
  readonly redisUrl: string | undefined;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly corsOrigins: string[];
  readonly trustProxy: string;
  readonly bodyLimit: string;
  readonly webDistDir: string | undefined;
  readonly serveWeb: boolean;
  readonly serverRender: { enabled: boolean; timeoutMs: number };
  readonly apiDocs: boolean;
  /** Origin of the web app as people reach it; links in mail point here. */
  readonly publicUrl: string;
  readonly appSecret: string | undefined;
  readonly mail: { smtpUrl: string | undefined; from: string };
  readonly admin: { email: string; password: string } | undefined;
  readonly contributions: { commentsPerMinute: number };
  /** Ratings count in published figures only from accounts at least this old (hours; 0: any verified account). */
  readonly disclosure: { raterMinAccountAgeHours: number };
  /**
   * Reports from this many independent established reporters (one of them in a verified organisation)
   * hide a comment pending review; accounts outside a verified organisation have their first N comments held.
   */
  readonly moderation: {
    flagHideThreshold: number;
    safeguardingHideReporters: number;
    reporterMinAccountAgeHours: number;
    flagsPerAddressPerHour: number;
    newAccountHeldComments: number;
  };
  readonly auth: {
    accessTokenTtlSeconds: number;
    sessionTtlDays: number;
    ipLimitPerMinute: number;
    accountFailuresPerMinute: number;
    passwordHashConcurrency: number;
    /** Sign-up attempts per client address (IPv6: per /64) an hour, and per canonical mailbox a day. */
    signUpsPerAddressPerHour: number;
    signUpsPerMailboxPerDay: number;
  };

  constructor(env: Env) {
    this.nodeEnv = env.NODE_ENV;
    this.port = env.PORT;
    this.host = env.HOST;
    this.dataDir = resolve(env.DATA_DIR);
    this.shutdownTimeoutMs = env.SHUTDOWN_TIMEOUT_MS;
    this.metricsToken = env.METRICS_TOKEN;
    this.liveBufferLimitBytes = env.LIVE_BUFFER_LIMIT_BYTES;
    this.liveAnonymousSocketsPerAddress = env.LIVE_ANONYMOUS_SOCKETS_PER_ADDRESS;
    this.dashboardMissesPerAddressPerMinute = env.DASHBOARD_MISSES_PER_ADDRESS_PER_MINUTE;
    this.replayMissesPerAddressPerMinute = env.REPLAY_MISSES_PER_ADDRESS_PER_MINUTE;
    this.exportDir = resolve(env.EXPORT_DIR ?? resolve(this.dataDir, 'exports'));
    this.exports = {
      concurrency: env.EXPORTS_CONCURRENCY,
      reportFont: env.REPORT_FONT,
      xlsxRowCap: env.XLSX_ROW_CAP,
      fullRetentionDays: env.EXPORT_FULL_RETENTION_DAYS,
    };
    this.database = env.DATABASE_URL
      ? {
          kind: 'postgres',
          url: env.DATABASE_URL,
          ...(env.DATABASE_OWNER_URL ? { ownerUrl: env.DATABASE_OWNER_URL } : {}),
          poolSize: env.DATABASE_POOL_SIZE,
          statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
        }
      : { kind: 'embedded', dataDir: resolve(this.dataDir, 'pglite'), statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS };
    this.redisUrl = env.REDIS_URL;
    this.logLevel = env.LOG_LEVEL;
    this.corsOrigins = env.CORS_ORIGINS;
    this.trustProxy = env.TRUST_PROXY;
    this.bodyLimit = env.BODY_LIMIT;
    this.webDistDir = env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : undefined;
    this.serveWeb = env.SERVE_WEB;
    this.serverRender = { enabled: env.SERVER_RENDER, timeoutMs: env.SERVER_RENDER_TIMEOUT_MS };
    this.apiDocs = env.API_DOCS;
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    this.appSecret = env.APP_SECRET;
    this.mail = { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
    this.admin = env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined;
    this.contributions = { commentsPerMinute: env.COMMENTS_PER_MINUTE };
    this.disclosure = { raterMinAccountAgeHours: env.RATER_MIN_ACCOUNT_AGE_HOURS };
    this.moderation = {
      flagHideThreshold: env.FLAG_HIDE_THRESHOLD,
      safeguardingHideReporters: env.SAFEGUARDING_HIDE_REPORTERS,
      reporterMinAccountAgeHours: env.REPORTER_MIN_ACCOUNT_AGE_HOURS,
      flagsPerAddressPerHour: env.FLAGS_PER_ADDRESS_PER_HOUR,
      newAccountHeldComments: env.NEW_ACCOUNT_HELD_COMMENTS,
    };
    this.auth = {
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      sessionTtlDays: env.SESSION_TTL_DAYS,
      ipLimitPerMinute: env.AUTH_IP_LIMIT_PER_MINUTE,
      accountFailuresPerMinute: env.AUTH_ACCOUNT_FAILURES_PER_MINUTE,
      passwordHashConcurrency: env.PASSWORD_HASH_CONCURRENCY,
      signUpsPerAddressPerHour: env.SIGNUPS_PER_ADDRESS_PER_HOUR,
      signUpsPerMailboxPerDay: env.SIGNUPS_PER_MAILBOX_PER_DAY,
    };
  }

  /** A copy on another database (tests give each suite its own). */
  withDatabase(database: AppConfig['database']): AppConfig {
    return Object.assign(Object.create(AppConfig.prototype) as AppConfig, this, { database });
  }
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "unset" so that `FOO= npm start` behaves like leaving FOO out.
  const env = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  return new AppConfig(parsed.data);
}
