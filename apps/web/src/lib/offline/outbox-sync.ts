import { ErrorCode } from '@compact-voices/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../api-client';
import { hasSessionHint, type SessionState } from '../auth-session';
import { IDEMPOTENCY_HEADER } from '../idempotency';
import { threadQueryKey } from '../query-keys';
import { markFailed, outboxItems, removeFromOutbox, setDeviceUser, subscribeOutbox, type OutboxItem } from './outbox';

/** What the sync needs of the session (lib/auth-session.ts), so tests can hand it a fake. */
export interface OutboxSession {
  getState(): SessionState;
  readonly accessToken: string | null;
  refresh(): Promise<string | null>;
  subscribe(listener: () => void): () => void;
}

export type SendResult = 'sent' | 'refused' | 'kept';

const LOCK_NAME = 'compact-voices.outbox';
const FIRST_RETRY_MS = 15_000;
const MAX_RETRY_MS = 5 * 60_000;

/**
 * Whether the API's refusal is the item's own fault (it will never go through: shown, not sent
 * again), or a state of the connection, the server or the session that may pass (kept).
 */
function isDefinitive(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status === 0 || error.status >= 500) return false;
  if (error.status === 401 || error.status === 408 || error.status === 429) return false;
  // The same key still being handled (a send from another tab, or the one before the connection dropped).
  return error.code !== ErrorCode.IDEMPOTENCY_IN_PROGRESS;
}

function sendWith(item: OutboxItem, token: string): Promise<unknown> {
  return apiRequest<unknown>(item.path, {
    method: item.method,
    body: item.body,
    // The token is passed here, not taken by the client at the moment of sending: a session that
    // changed hands meanwhile must not send this person's words under another's name.
    auth: false,
    headers: { [IDEMPOTENCY_HEADER]: item.idempotencyKey, Authorization: `Bearer ${token}` },
  });
}

/** Send one item as its writer: only while they are the one signed in here. */
export async function sendItem(item: OutboxItem, session: OutboxSession): Promise<SendResult> {
  const tokenFor = () => (session.getState().user?.id === item.userId ? session.accessToken : null);
  const token = tokenFor();
  if (!token) return 'kept';
  try {
    await sendWith(item, token);
    return 'sent';
  } catch (error) {
    if (isApiError(error) && error.status === 401 && error.code !== ErrorCode.INVALID_CREDENTIALS) {
      // The token expired on the way: once more with a fresh one, if the same person still holds the session.
      try {
        await session.refresh();
      } catch {
        return 'kept';
      }
      const renewed = tokenFor();
      if (!renewed) return 'kept';
      try {
        await sendWith(item, renewed);
        return 'sent';
      } catch (retryError) {
        return settleFailure(item, retryError);
      }
    }
    return settleFailure(item, error);
  }
}

async function settleFailure(item: OutboxItem, error: unknown): Promise<SendResult> {
  if (!isDefinitive(error) || !isApiError(error)) return 'kept';
  await markFailed(item, { status: error.status, code: error.code, message: error.message });
  return 'refused';
}

export interface FlushReport {
  sent: OutboxItem[];
  refused: OutboxItem[];
  /** Items still waiting for their writer's next chance (network, server, session). */
  waiting: number;
}

/**
 * Send the signed-in person's waiting items, oldest first, each with its own Idempotency-Key. The
 * first that cannot go yet stops the run, so nothing overtakes an earlier item. Items of other
 * people stay for them.
 */
export async function flushOutbox(
  session: OutboxSession,
  onSettled?: (item: OutboxItem, result: SendResult) => void,
): Promise<FlushReport> {
  const report: FlushReport = { sent: [], refused: [], waiting: 0 };
  const userId = session.getState().user?.id;
  if (!userId) return report;
  const mine = (await outboxItems()).filter((item) => item.userId === userId && !item.failure);
  for (const [index, item] of mine.entries()) {
    const result = await sendItem(item, session);
    if (result === 'sent') {
      await removeFromOutbox(item);
      report.sent.push(item);
    } else if (result === 'refused') {
      report.refused.push(item);
    } else {
      report.waiting = mine.length - index;
      break;
    }
    onSettled?.(item, result);
  }
  return report;
}

/** One run at a time, in this tab (a shared promise) and across tabs (a Web Lock). */
function singleFlight(task: () => Promise<FlushReport>): () => Promise<FlushReport> {
  let running: Promise<FlushReport> | null = null;
  return () => {
    running ??= (async () => {
      const locks = typeof navigator === 'undefined' ? undefined : (navigator.locks as LockManager | undefined);
      try {
        return await (locks && typeof locks.request === 'function' ? locks.request(LOCK_NAME, task) : task());
      } finally {
        running = null;
      }
    })();
    return running;
  };
}

/**
 * Keeps the outbox moving: at start, when the connection comes back (first restoring a session the
 * page could not confirm offline), after every sign-in or token refresh, and, while items wait on
 * a server that answered 5xx, again after a growing pause. Returns a stop function.
 */
export function startOutboxSync(session: OutboxSession, queryClient: QueryClient): () => void {
  let retryDelay = FIRST_RETRY_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const flush = singleFlight(() =>
    flushOutbox(session, (item) => {
      // The thread refetches what it shows: the new comment, my rating and the figures.
      void queryClient.invalidateQueries({ queryKey: threadQueryKey(item.thread.consultationId, item.thread.code) });
    }),
  );

  const run = async () => {
    if (stopped) return;
    let report: FlushReport;
    try {
      report = await flush();
    } catch {
      return;
    }
    // Several callers may share one run: one timer at most.
    clearTimeout(retryTimer);
    retryTimer = undefined;
    if (report.waiting > 0 && navigator.onLine !== false && !stopped) {
      retryTimer = setTimeout(() => void run(), retryDelay);
      retryDelay = Math.min(MAX_RETRY_MS, retryDelay * 2);
    } else {
      retryDelay = FIRST_RETRY_MS;
    }
  };

  const rememberDeviceUser = () => {
    const state = session.getState();
    if (state.status === 'signed-in' && state.user) void setDeviceUser(state.user.id).catch(() => undefined);
    // Signed out and no session cookie left: nobody's items are shown offline any more.
    else if (state.status === 'signed-out' && !hasSessionHint()) void setDeviceUser(null).catch(() => undefined);
  };

  const handleSession = () => {
    rememberDeviceUser();
    if (session.getState().status === 'signed-in') void run();
  };

  const handleOnline = () => {
    retryDelay = FIRST_RETRY_MS;
    // A page loaded offline could not confirm the session: try now, and the sign-in sends the queue.
    if (session.getState().status !== 'signed-in' && hasSessionHint()) void session.refresh().catch(() => undefined);
    else void run();
  };

  const unsubscribeSession = session.subscribe(handleSession);
  // Something new was queued in this tab or another: a connection that is back sends it.
  const unsubscribeOutbox = subscribeOutbox(() => {
    if (navigator.onLine !== false) void run();
  });
  window.addEventListener('online', handleOnline);
  handleSession();
  void run();

  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    unsubscribeSession();
    unsubscribeOutbox();
    window.removeEventListener('online', handleOnline);
  };
}
