import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * "This browser has signed in to this account before": a random device id and an HMAC binding it to
 * the account, in an httpOnly cookie. The owner signing in from such a browser is never held back by
 * failures someone else caused. It is no credential:
 * the password is still checked, and the cookie proves nothing for any other account.
 */
export const KNOWN_DEVICE_COOKIE = '__Host-cv_device';
const MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;
/** One browser may remember a few accounts (a shared family phone). */
const MAX_ACCOUNTS = 4;

function mac(key: Buffer, userId: string, deviceId: string): string {
  return createHmac('sha256', key).update(`${userId}\u0000${deviceId}`).digest('base64url');
}

function entries(request: Request): string[] {
  const raw = (request.cookies as Record<string, unknown> | undefined)?.[KNOWN_DEVICE_COOKIE];
  return typeof raw === 'string' && raw.length <= 1_024
    ? raw.split('~').filter((entry) => /^[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{43}$/.test(entry))
    : [];
}

/** The id of this browser as a device known to the account, or null. */
export function knownDeviceId(request: Request, key: Buffer, userId: string): string | null {
  for (const entry of entries(request)) {
    const [deviceId, given] = entry.split('.') as [string, string];
    const expected = Buffer.from(mac(key, userId, deviceId));
    const actual = Buffer.from(given);
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return deviceId;
  }
  return null;
}

/** After a successful sign-in: this browser is known to the account from now on (newest first, a few accounts). */
export function rememberDevice(request: Request, response: Response, key: Buffer, userId: string): void {
  const kept = entries(request).filter(
    (entry) => knownDeviceId({ cookies: { [KNOWN_DEVICE_COOKIE]: entry } } as unknown as Request, key, userId) === null,
  );
  const deviceId = randomBytes(16).toString('base64url');
  const value = [`${deviceId}.${mac(key, userId, deviceId)}`, ...kept].slice(0, MAX_ACCOUNTS).join('~');
  response.cookie(KNOWN_DEVICE_COOKIE, value, { httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: MAX_AGE_MS });
}
