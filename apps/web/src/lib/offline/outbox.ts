import { del, entries, get, set } from 'idb-keyval';
import { hasOfflineStorage, outboxStore } from './offline-db';

export type OutboxKind = 'comment' | 'rating';

/**
 * A write made while the connection was down, kept until the API has answered it. The
 * Idempotency-Key is the one the first attempt carried: the API answers a repeat with the stored
 * answer, so an item that did reach the server before the connection dropped is not applied twice.
 */
export interface OutboxItem {
  method: 'POST' | 'PUT';
  /** Below /api/v1, as apiRequest takes it. */
  path: string;
  body: unknown;
  idempotencyKey: string;
  /** Who wrote it: only they send it, and only they (or the one session left open on this device) see it. */
  userId: string;
  createdAt: number;
  kind: OutboxKind;
  thread: { consultationId: string; code: string };
  /** The rated country (ratings). */
  countryIso3?: string;
  /** Set when the API refused it for good: shown with the reason until dismissed, never sent again. */
  failure?: { status: number; code: string; message: string };
}

type ItemKey = ['item', number, string];
const DEVICE_USER_KEY = ['meta', 'device-user'];
const CHANNEL_NAME = 'compact-voices.outbox';

const itemKey = (item: Pick<OutboxItem, 'createdAt' | 'idempotencyKey'>): ItemKey => ['item', item.createdAt, item.idempotencyKey];

const listeners = new Set<() => void>();
let channel: BroadcastChannel | null | undefined;

function otherTabs(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
    if (channel) channel.onmessage = () => notifyHere();
  }
  return channel;
}

function notifyHere(): void {
  for (const listener of [...listeners]) listener();
}

/** Tell this tab's views and the other tabs that the outbox changed. */
function changed(): void {
  notifyHere();
  otherTabs()?.postMessage('changed');
}

/** Called on every change of the outbox, in this tab or another. */
export function subscribeOutbox(listener: () => void): () => void {
  otherTabs();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Every item, oldest first (the order they are sent in). */
export async function outboxItems(): Promise<OutboxItem[]> {
  if (!hasOfflineStorage()) return [];
  const all = await entries<IDBValidKey, unknown>(outboxStore());
  return all.filter(([key]) => Array.isArray(key) && key[0] === 'item').map(([, value]) => value as OutboxItem);
}

/** Keep a write for later; it is sent after every item queued before it. */
export async function enqueue(write: Omit<OutboxItem, 'createdAt' | 'failure'>, now: number = Date.now()): Promise<OutboxItem> {
  const item: OutboxItem = { ...write, createdAt: now };
  await set(itemKey(item), item, outboxStore());
  changed();
  return item;
}

/** The API took it (2xx), or the person dismissed a refused one. */
export async function removeFromOutbox(item: OutboxItem): Promise<void> {
  await del(itemKey(item), outboxStore());
  changed();
}

export async function markFailed(item: OutboxItem, failure: NonNullable<OutboxItem['failure']>): Promise<void> {
  await set(itemKey(item), { ...item, failure }, outboxStore());
  changed();
}

/** Sign-out: nothing this person wrote stays on the device. */
export async function clearOutboxOf(userId: string): Promise<void> {
  if (!hasOfflineStorage()) return;
  for (const item of await outboxItems()) {
    if (item.userId === userId) await del(itemKey(item), outboxStore());
  }
  const deviceUser = await get<string>(DEVICE_USER_KEY, outboxStore());
  if (deviceUser === userId) await del(DEVICE_USER_KEY, outboxStore());
  changed();
}

/**
 * The person whose session this device last confirmed. After a reload without a connection the
 * session cannot be confirmed; while its cookie is still there, this is whose waiting items the
 * page shows (and nobody else's).
 */
export async function deviceUser(): Promise<string | null> {
  if (!hasOfflineStorage()) return null;
  return (await get<string>(DEVICE_USER_KEY, outboxStore())) ?? null;
}

export async function setDeviceUser(userId: string | null): Promise<void> {
  if (!hasOfflineStorage()) return;
  if ((await deviceUser()) === userId) return;
  if (userId) await set(DEVICE_USER_KEY, userId, outboxStore());
  else await del(DEVICE_USER_KEY, outboxStore());
  changed();
}
