import { CSRF_HEADER, CSRF_HEADER_VALUE, ErrorCode, type AuthResponse } from '@compact-voices/contracts';
import { participant } from '../test/fixtures';
import { errorReply, mockApi, type MockApi, type MockCall, type MockReply } from '../test/mock-api';
import { ApiError, apiGet, apiPost, setAccessTokenSource } from './api-client';
import { AuthSession, hasSessionHint, refreshDelayMs } from './auth-session';

const ME = '/api/v1/me';
const REFRESH = 'POST /api/v1/auth/refresh';

function authResponse(accessToken: string, expiresIn = 900): AuthResponse {
  return { accessToken, expiresIn, user: participant };
}

function bearer(call: MockCall): string | undefined {
  return call.headers.authorization;
}

/** A reply that waits until the test lets it go, to hold a refresh in flight. */
function deferred(): { promise: Promise<MockReply>; resolve: (reply: MockReply) => void } {
  let resolve!: (reply: MockReply) => void;
  const promise = new Promise<MockReply>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('auth session and API client', () => {
  let api: MockApi | undefined;
  let session: AuthSession;

  beforeEach(() => {
    session = new AuthSession().connect();
  });

  afterEach(() => {
    api?.restore();
    api = undefined;
    session.clear();
    setAccessTokenSource(null);
  });

  it('sends the access token as a Bearer header', async () => {
    session.accept(authResponse('token-1'));
    api = mockApi({ [ME]: { body: participant } });
    await apiGet(`/me`);
    expect(bearer(api.calls[0])).toBe('Bearer token-1');
  });

  it('on a 401 refreshes once (with the CSRF header and the cookie) and retries the call with the new token', async () => {
    session.accept(authResponse('expired'));
    api = mockApi({
      [ME]: (call) => (bearer(call) === 'Bearer fresh' ? { body: participant } : errorReply(401, ErrorCode.AUTHENTICATION_REQUIRED)),
      [REFRESH]: { body: authResponse('fresh') },
    });

    await expect(apiGet(`/me`)).resolves.toEqual(participant);

    expect(api.calls.map((call) => `${call.method} ${call.url} ${bearer(call) ?? '-'}`)).toEqual([
      'GET /api/v1/me Bearer expired',
      'POST /api/v1/auth/refresh -',
      'GET /api/v1/me Bearer fresh',
    ]);
    const refresh = api.calls[1];
    expect(refresh.headers[CSRF_HEADER]).toBe(CSRF_HEADER_VALUE);
    expect(refresh.credentials).toBe('same-origin');
    expect(session.accessToken).toBe('fresh');
  });

  it('retries only once: a second 401 is the caller’s error, with no further refresh', async () => {
    session.accept(authResponse('expired'));
    api = mockApi({
      [ME]: errorReply(401, ErrorCode.AUTHENTICATION_REQUIRED),
      [REFRESH]: { body: authResponse('fresh') },
    });

    const error = await rejection(apiGet(`/me`));
    expect(error.status).toBe(401);
    expect(api.calls.filter((call) => call.url === ME)).toHaveLength(2);
    expect(api.calls.filter((call) => call.url === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(session.getState().status).toBe('signed-in');
  });

  it('treats a failed refresh as signed out and rethrows the original 401', async () => {
    session.accept(authResponse('expired'));
    api = mockApi({
      [ME]: errorReply(401, ErrorCode.AUTHENTICATION_REQUIRED),
      [REFRESH]: errorReply(401, ErrorCode.INVALID_TOKEN),
    });

    const error = await rejection(apiGet(`/me`));
    expect(error.code).toBe(ErrorCode.AUTHENTICATION_REQUIRED);
    expect(session.getState()).toEqual({ status: 'signed-out', user: null });
    expect(session.accessToken).toBeNull();
    expect(api.calls.filter((call) => call.url === ME)).toHaveLength(1);
  });

  it('does not refresh for a wrong password (401 INVALID_CREDENTIALS) or on the auth endpoints', async () => {
    session.accept(authResponse('valid'));
    api = mockApi({
      'POST /api/v1/me/password': errorReply(401, ErrorCode.INVALID_CREDENTIALS),
      'POST /api/v1/auth/sign-in': errorReply(401, ErrorCode.INVALID_CREDENTIALS),
      [REFRESH]: { body: authResponse('fresh') },
    });

    expect((await rejection(apiPost('/me/password', { currentPassword: 'x', newPassword: 'y' }))).code).toBe('INVALID_CREDENTIALS');
    expect((await rejection(apiPost('/auth/sign-in', { email: 'a@b.org', password: 'x' }, { auth: false }))).status).toBe(401);
    expect(api.calls.map((call) => call.url)).toEqual(['/api/v1/me/password', '/api/v1/auth/sign-in']);
    expect(bearer(api.calls[1])).toBeUndefined();
  });

  it('serialises refreshes: calls failing together share one refresh, then all retry with its token', async () => {
    session.accept(authResponse('expired'));
    const refreshReply = deferred();
    api = mockApi({
      [ME]: (call) => (bearer(call) === 'Bearer fresh' ? { body: participant } : errorReply(401, ErrorCode.AUTHENTICATION_REQUIRED)),
      '/api/v1/me/sessions': (call) =>
        bearer(call) === 'Bearer fresh' ? { body: { items: [] } } : errorReply(401, ErrorCode.AUTHENTICATION_REQUIRED),
      [REFRESH]: () => refreshReply.promise,
    });

    const results = Promise.all([apiGet(`/me`), apiGet('/me/sessions'), apiGet(`/me`)]);
    // Let all three fail and queue up behind the one refresh.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.calls.filter((call) => call.url === '/api/v1/auth/refresh')).toHaveLength(1);
    refreshReply.resolve({ body: authResponse('fresh') });

    await expect(results).resolves.toEqual([participant, { items: [] }, participant]);
    expect(api.calls.filter((call) => call.url === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(api.calls.filter((call) => bearer(call) === 'Bearer fresh')).toHaveLength(3);
  });

  it('answers concurrent refresh() calls with one request, and a later one with a new request', async () => {
    let issued = 0;
    api = mockApi({ [REFRESH]: () => ({ body: authResponse(`token-${++issued}`) }) });

    const [first, second] = await Promise.all([session.refresh(), session.refresh()]);
    expect([first, second]).toEqual(['token-1', 'token-1']);
    await expect(session.refresh()).resolves.toBe('token-2');
    expect(issued).toBe(2);
  });

  it('restores a session from the refresh cookie at start, or settles on signed out after a 401', async () => {
    api = mockApi({ [REFRESH]: { body: authResponse('restored') } });
    expect(session.getState().status).toBe('unknown');
    await session.restore(true);
    expect(session.getState()).toEqual({ status: 'signed-in', user: participant });
    api.restore();

    const other = new AuthSession().connect();
    api = mockApi({ [REFRESH]: errorReply(401, ErrorCode.INVALID_TOKEN) });
    await other.restore(true);
    expect(other.getState()).toEqual({ status: 'signed-out', user: null });
  });

  it('tries the silent refresh at start only while the session hint cookie is there', async () => {
    api = mockApi({ [REFRESH]: { body: authResponse('restored') } });
    expect(hasSessionHint('theme=dark; cv_has_session=1')).toBe(true);
    expect(hasSessionHint('cv_has_session=0; other=1')).toBe(false);
    expect(hasSessionHint('')).toBe(false);

    // A signed-out visitor: no request at all, settled on signed out at once.
    expect(document.cookie).not.toContain('cv_has_session');
    await session.restore();
    expect(api.calls).toEqual([]);
    expect(session.getState()).toEqual({ status: 'signed-out', user: null });

    document.cookie = 'cv_has_session=1; path=/';
    try {
      const other = new AuthSession().connect();
      await other.restore();
      expect(api.calls.map((call) => `${call.method} ${call.url}`)).toEqual(['POST /api/v1/auth/refresh']);
      expect(other.getState().status).toBe('signed-in');
      other.clear();
    } finally {
      document.cookie = 'cv_has_session=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    }
  });

  it('never writes the access token to localStorage, sessionStorage or a cookie', async () => {
    const written: string[] = [];
    const originalSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(this: Storage, key: string, value: string) {
      written.push(`${key}=${value}`);
      originalSetItem.call(this, key, value);
    };
    try {
      api = mockApi({
        [REFRESH]: { body: authResponse('secret-refreshed-token') },
        [ME]: { body: participant },
      });
      session.accept(authResponse('secret-signed-in-token'));
      await session.refresh();
      await apiGet(`/me`);

      const stored = [...written, ...Object.entries(window.localStorage), ...Object.entries(window.sessionStorage), document.cookie].join(
        '\n',
      );
      expect(stored).not.toContain('secret-signed-in-token');
      expect(stored).not.toContain('secret-refreshed-token');
      expect(session.accessToken).toBe('secret-refreshed-token');
    } finally {
      Storage.prototype.setItem = originalSetItem;
    }
  });

  it('signs out with the CSRF header and the Bearer token, then forgets the session', async () => {
    session.accept(authResponse('token-1'));
    api = mockApi({ 'POST /api/v1/auth/sign-out': { status: 204 } });

    await expect(session.signOut()).resolves.toBe(true);
    const call = api.calls[0];
    expect(call.headers[CSRF_HEADER]).toBe(CSRF_HEADER_VALUE);
    expect(bearer(call)).toBe('Bearer token-1');
    expect(session.getState()).toEqual({ status: 'signed-out', user: null });
    expect(session.accessToken).toBeNull();
  });

  it('renews the token a minute before it expires (a fifth early for short-lived ones)', () => {
    expect(refreshDelayMs(900)).toBe(840_000);
    expect(refreshDelayMs(60)).toBe(48_000);
    expect(refreshDelayMs(1)).toBe(5_000);
  });
});
