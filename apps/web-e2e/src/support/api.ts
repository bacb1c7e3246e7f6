import { baseUrl } from './browser.js';
import { mailLink } from './mail.js';

/**
 * Setup through the API, as the secretariat would have done it before a person opens a page: the
 * journeys' own steps go through the UI.
 */
export async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface SignedInByApi {
  accessToken: string;
  user: { id: string };
}

export function signInByApi(person: { email: string; password: string }): Promise<SignedInByApi> {
  return api<SignedInByApi>('/auth/sign-in', { method: 'POST', body: { email: person.email, password: person.password } });
}

/** A confirmed account, as the account journey makes one: sign up, follow the mail's link, sign in. */
export async function createAccount(person: { email: string; password: string; displayName: string }): Promise<SignedInByApi> {
  await api('/auth/sign-up', { method: 'POST', body: { email: person.email, password: person.password, displayName: person.displayName } });
  const link = await mailLink(person.email, '/verify-email');
  const token = new URLSearchParams(link.hash.slice(1)).get('token');
  await api('/auth/verify-email', { method: 'POST', body: { token } });
  return signInByApi(person);
}

/** An open round (it opened a minute ago and closes in 30 days), as the secretariat would set one up. */
export async function openRoundByApi(
  adminToken: string,
  round: { title: string; description: string; recommendationCodes: string[]; countryIso3s: string[]; moderationMode?: 'pre' | 'post' },
): Promise<string> {
  const created = await api<{ id: string }>('/consultations', {
    method: 'POST',
    token: adminToken,
    body: {
      moderationMode: 'post',
      ...round,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  });
  await api(`/consultations/${created.id}`, { method: 'PATCH', token: adminToken, body: { status: 'open' } });
  return created.id;
}
