import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { AuthResponse, PersonalStakeholderType } from '@compact-voices/contracts';
import type { TestApp } from './test-app.js';

export const CSRF = { 'X-Requested-With': 'compact-voices' };
export const REFRESH_COOKIE = '__Host-cv_refresh';

export interface SignedIn extends AuthResponse {
  refreshToken: string;
  email: string;
  password: string;
  auth: { Authorization: string };
}

/** Mails written to the outbox for one address, oldest first, with quoted-printable undone. */
export function mailsTo(testApp: TestApp, address: string): Array<{ subject: string; text: string }> {
  let files: string[];
  try {
    files = readdirSync(join(testApp.dataDir, 'outbox')).sort();
  } catch {
    return [];
  }
  return files
    .map((file) => readFileSync(join(testApp.dataDir, 'outbox', file), 'utf8'))
    .filter((raw) => new RegExp(`^To: ${address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm').test(raw))
    .map((raw) => {
      const [head = '', ...body] = raw.split(/\r?\n\r?\n/);
      const decoded = body
        .join('\n\n')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      return { subject: /^Subject: (.*)$/m.exec(head)?.[1] ?? '', text: Buffer.from(decoded, 'latin1').toString('utf8') };
    });
}

/**
 * The mails to `address` once there are more than `already` of them: links that are mailed after the
 * answer (password reset, resent verification) arrive a moment later.
 */
export async function nextMailsTo(
  testApp: TestApp,
  address: string,
  already = 0,
  timeoutMs = 10_000,
): Promise<Array<{ subject: string; text: string }>> {
  const deadline = Date.now() + timeoutMs;
  let mails = mailsTo(testApp, address);
  while (mails.length <= already && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    mails = mailsTo(testApp, address);
  }
  if (mails.length <= already) throw new Error(`No new mail to ${address}`);
  return mails;
}

export function tokenFromMail(text: string): string {
  const match = /#token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`No token link in mail:\n${text}`);
  return match[1];
}

export function refreshTokenFrom(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((value) => value.startsWith(`${REFRESH_COOKIE}=`));
  if (!cookie) throw new Error('No refresh cookie set');
  return decodeURIComponent(cookie.split(';')[0]!.slice(REFRESH_COOKIE.length + 1));
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@test.example`;
}

/**
 * Signs up, verifies through the outbox and signs in: a ready participant. The account is made a
 * month old (`newcomer: true` keeps it new), as an established participant's would be, so that its
 * ratings count in published figures at once (RATER_MIN_ACCOUNT_AGE_HOURS).
 */
export async function signUpAndIn(
  testApp: TestApp,
  options: { displayName?: string; password?: string; email?: string; newcomer?: boolean; stakeholderType?: PersonalStakeholderType } = {},
): Promise<SignedIn> {
  const server: App = testApp.app.getHttpServer();
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? `passphrase ${randomUUID()}`;
  await request(server)
    .post('/api/v1/auth/sign-up')
    .send({
      email,
      password,
      displayName: options.displayName ?? 'Test Participant',
      ...(options.stakeholderType ? { stakeholderType: options.stakeholderType } : {}),
    })
    .expect(202);
  const [mail] = mailsTo(testApp, email);
  if (!mail) throw new Error(`No verification mail for ${email}`);
  await request(server)
    .post('/api/v1/auth/verify-email')
    .send({ token: tokenFromMail(mail.text) })
    .expect(200);
  if (!options.newcomer)
    await testApp.dataSource.query(`UPDATE app_user SET created_at = created_at - interval '30 days' WHERE email_normalized = lower($1)`, [
      email,
    ]);
  return signIn(testApp, email, password);
}

export async function signIn(testApp: TestApp, email: string, password: string): Promise<SignedIn> {
  const response = await request(testApp.app.getHttpServer()).post('/api/v1/auth/sign-in').send({ email, password }).expect(200);
  const body = response.body as AuthResponse;
  return { ...body, refreshToken: refreshTokenFrom(response), email, password, auth: { Authorization: `Bearer ${body.accessToken}` } };
}
