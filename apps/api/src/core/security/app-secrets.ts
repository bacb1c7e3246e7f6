import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import { type AppConfig, ConfigError } from '../../config/app-config.js';

/**
 * Keys derived from one APP_SECRET (HKDF, one label per purpose) so that rotating the secret
 * rotates everything. Without APP_SECRET a random one is generated once and kept in
 * <DATA_DIR>/app-secret (mode 0600): fine for one machine, but several instances must share APP_SECRET.
 */
export class AppSecrets {
  readonly accessTokenKey: string;
  readonly refreshTokenKey: Buffer;
  readonly mailTokenKey: Buffer;
  /** Keys the audit chain's MACs (audit-chain.ts); never stored in the database, so whoever rewrites the log there cannot re-key it. */
  readonly auditChainKey: Buffer;
  /** Signs the known-device cookie (known-device.ts). */
  readonly deviceKey: Buffer;
  private readonly ipKey: Buffer;
  private readonly statisticsKey: Buffer;

  constructor(secret: string) {
    const derive = (label: string) => Buffer.from(hkdfSync('sha256', secret, 'compact-voices', label, 32));
    this.accessTokenKey = derive('access-token').toString('base64');
    this.refreshTokenKey = derive('refresh-token');
    this.mailTokenKey = derive('mail-token');
    this.auditChainKey = derive('audit-chain');
    this.deviceKey = derive('known-device');
    this.ipKey = derive('client-address');
    this.statisticsKey = derive('statistics-seed');
  }

  /**
   * A seed for a published statistic's resampling (the gap's bootstrap interval), keyed so that
   * nobody outside can replay the resampling and read the sides' histograms back from the interval.
   */
  statisticsSeed(label: string): number {
    return createHmac('sha256', this.statisticsKey).update(label).digest().readUInt32BE(0);
  }

  /**
   * Keyed hash of a client address within one scope (say, the reports on one comment): equal within
   * the scope, unrelated across scopes, never reversible. Pass the address through addressLimitKey first.
   */
  scopedClientKey(scope: string, address: string): string {
    return createHmac('sha256', this.ipKey).update(`${scope}\u0000${address}`).digest('base64url');
  }

  /**
   * Keyed hash of a client address with a salt that changes every UTC day: equal addresses can be
   * told apart from unequal ones within a day (for abuse handling) but never recovered or linked across days.
   */
  hashClientAddress(address: string, now = new Date()): string {
    const day = now.toISOString().slice(0, 10);
    const salt = createHmac('sha256', this.ipKey).update(day).digest();
    return createHmac('sha256', salt).update(address).digest('base64url');
  }
}

/**
 * `create: false` (audit:verify) refuses to invent a secret: a fresh one would check the audit chain
 * against a key it was never written with and report every entry as forged.
 */
export function loadAppSecrets(config: AppConfig, { create = true }: { create?: boolean } = {}): AppSecrets {
  if (config.appSecret) return new AppSecrets(config.appSecret);
  const file = join(config.dataDir, 'app-secret');
  if (!existsSync(file) && !create) {
    throw new ConfigError(`APP_SECRET is not set and ${file} does not exist: run with the app's APP_SECRET (or its DATA_DIR).`);
  }
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    new Logger('AppSecrets').warn(`APP_SECRET is not set: generated one in ${file}. Set APP_SECRET when running more than one instance.`);
  }
  chmodSync(file, 0o600);
  return new AppSecrets(readFileSync(file, 'utf8').trim());
}
