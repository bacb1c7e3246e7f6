import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_HINT_COOKIE, type AuthResponse, type Me } from '@compact-voices/contracts';
import { apiPost, apiRequest, isUnauthorizedError, setAccessTokenSource } from './api-client';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

export interface SessionState {
  /** `unknown` until the silent refresh at start has answered. */
  readonly status: SessionStatus;
  readonly user: Me | null;
}

const REFRESH_LOCK_NAME = 'compact-voices.auth-refresh';
const CHANNEL_NAME = 'compact-voices.auth';
/** After a refresh failed for a reason other than "no session" (offline, 503), try again this much later. */
const RETRY_AFTER_FAILURE_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

const CSRF_HEADERS = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

type ChannelMessage = 'signed-in' | 'signed-out';

/** When to renew a token that lives `expiresInSeconds`: a minute early (a fifth early for short ones), not before 5 s. */
export function refreshDelayMs(expiresInSeconds: number): number {
  const margin = Math.min(60, expiresInSeconds / 5);
  return Math.min(MAX_TIMER_MS, Math.max(5, expiresInSeconds - margin) * 1000);
}

/**
 * Whether the API's readable hint cookie (`cv_has_session=1`) says a refresh cookie may exist. It
 * holds no secret; without it there is nothing to refresh, so a signed-out visitor never asks (and
 * never gets a 401 in the console).
 */
export function hasSessionHint(cookies: string = typeof document === 'undefined' ? '' : document.cookie): boolean {
  return cookies.split(';').some((cookie) => cookie.trim() === `${SESSION_HINT_COOKIE}=1`);
}

/**
 * Refreshes of all tabs take turns (Web Locks), so a second tab sends the cookie the first one
 * just rotated rather than the old one, which the API would treat as a stolen token.
 */
function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator.locks as LockManager | undefined);
  return locks && typeof locks.request === 'function' ? locks.request(REFRESH_LOCK_NAME, task) : task();
}

/**
 * The signed-in person, as far as this tab knows. The access token lives only in this object's
 * memory: never in localStorage, sessionStorage or a readable cookie, so a script injected into
 * the page cannot carry it away after the tab is closed. The refresh token is an httpOnly cookie
 * the page never sees.
 */
export class AuthSession {
  #token: string | null = null;
  #state: SessionState = { status: 'unknown', user: null };
  readonly #listeners = new Set<() => void>();
  #refreshing: Promise<string | null> | null = null;
  #restoring: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every sign-in and sign-out, so a refresh already in flight cannot undo them. */
  #epoch = 0;
  #channel: BroadcastChannel | null = null;

  /** Make API calls use this session's token (and its refresh on a 401). */
  connect(): this {
    setAccessTokenSource({ current: () => this.#token, renew: (rejected) => this.renew(rejected) });
    return this;
  }

  /** Tell other tabs of this browser about sign-in and sign-out. */
  listenToOtherTabs(): this {
    if (this.#channel || typeof BroadcastChannel !== 'function') return this;
    this.#channel = new BroadcastChannel(CHANNEL_NAME);
    this.#channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
      if (event.data === 'signed-out') {
        this.#epoch += 1;
        this.#setSignedOut();
      } else if (event.data === 'signed-in' && this.#state.status !== 'signed-in') {
        void this.refresh().catch(() => undefined);
      }
    };
    return this;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  readonly getState = (): SessionState => this.#state;

  /** The access token, for the rare request made outside apiRequest. */
  get accessToken(): string | null {
    return this.#token;
  }

  /**
   * Once per page load: restore a session from the refresh cookie, silently. Only when the hint
   * cookie says there may be one; a 401 then just means signed out.
   */
  restore(hint: boolean = hasSessionHint()): Promise<void> {
    if (!hint && !this.#restoring) {
      if (this.#state.status === 'unknown') this.#setSignedOut();
      this.#restoring = Promise.resolve();
    }
    this.#restoring ??= this.refresh().then(
      () => undefined,
      () => {
        if (this.#state.status === 'unknown') this.#setSignedOut();
      },
    );
    return this.#restoring;
  }

  /**
   * Exchange the refresh cookie for a new access token. One refresh at a time: callers that come
   * while one is in flight share it. Resolves with the token, or null when there is no session
   * (the person is then signed out); rejects when the API could not be reached.
   */
  refresh(): Promise<string | null> {
    this.#refreshing ??= this.#refreshOnce().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** For the API client, after `rejected` was answered 401. */
  async renew(rejected: string | null): Promise<string | null> {
    if (this.#refreshing) await this.#refreshing.catch(() => null);
    // Another call may already have refreshed while this one was on its way.
    if (this.#token && this.#token !== rejected) return this.#token;
    if (rejected === null) return null;
    return this.refresh();
  }

  /** After a successful sign-in. */
  accept(response: AuthResponse): void {
    this.#epoch += 1;
    this.#apply(response);
    this.#broadcast('signed-in');
  }

  /** After the profile changed (PATCH /me), so the header shows the new name or pseudonym. */
  setUser(user: Me): void {
    if (this.#state.status !== 'signed-in') return;
    this.#setState({ status: 'signed-in', user });
  }

  /** Forget the session on this tab without asking the API (it is already gone, e.g. after erasure). */
  clear(): void {
    this.#epoch += 1;
    this.#setSignedOut();
    this.#broadcast('signed-out');
  }

  /**
   * Revoke the session on the server, then forget it here (in every tab). Resolves false when the
   * server could not be told: the person is signed out on this screen, but the session lives on
   * until it expires.
   */
  async signOut(): Promise<boolean> {
    // A refresh in flight would otherwise set a fresh cookie after the session is revoked.
    if (this.#refreshing) await this.#refreshing.catch(() => null);
    const token = this.#token;
    let confirmed = true;
    try {
      await apiPost<void>('/auth/sign-out', undefined, {
        auth: false,
        headers: token ? { ...CSRF_HEADERS, Authorization: `Bearer ${token}` } : CSRF_HEADERS,
      });
    } catch (error) {
      // 401: the session had already ended, which is what we wanted.
      confirmed = isUnauthorizedError(error);
    }
    this.clear();
    return confirmed;
  }

  async #refreshOnce(): Promise<string | null> {
    const epoch = this.#epoch;
    const response = await withRefreshLock(() => this.#requestRefresh());
    // Signed in or out while the refresh was on its way: that outcome wins.
    if (epoch !== this.#epoch) return this.#token;
    if (!response) {
      this.#setSignedOut();
      return null;
    }
    this.#apply(response);
    return this.#token;
  }

  async #requestRefresh(): Promise<AuthResponse | null> {
    let response: AuthResponse;
    try {
      response = await apiPost<AuthResponse>('/auth/refresh', undefined, { auth: false, headers: CSRF_HEADERS });
    } catch (error) {
      if (isUnauthorizedError(error)) return null;
      throw error;
    }
    // The public contract promises only `{ accessToken }` here; fetch the profile if it is missing.
    if (!response.user) {
      const user = await apiRequest<Me>('/me', {
        auth: false,
        headers: { Authorization: `Bearer ${response.accessToken}` },
      });
      response = { ...response, user };
    }
    return response;
  }

  #apply(response: AuthResponse): void {
    this.#token = response.accessToken;
    this.#schedule(refreshDelayMs(response.expiresIn > 0 ? response.expiresIn : 300));
    this.#setState({ status: 'signed-in', user: response.user });
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.refresh().catch(() => {
        if (this.#state.status === 'signed-in') this.#schedule(RETRY_AFTER_FAILURE_MS);
      });
    }, delayMs);
  }

  #setSignedOut(): void {
    this.#token = null;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#state.status !== 'signed-out') this.#setState({ status: 'signed-out', user: null });
  }

  #setState(state: SessionState): void {
    this.#state = state;
    for (const listener of [...this.#listeners]) listener();
  }

  #broadcast(message: ChannelMessage): void {
    this.#channel?.postMessage(message);
  }
}

/** The app's one session. */
export const authSession = new AuthSession().connect();
