import { createStore, type UseStore } from 'idb-keyval';

/**
 * The two IndexedDB databases this device keeps for a person: what waits to be sent, and what
 * they were typing. idb-keyval keeps one object store per database, hence two.
 */
const stores: { outbox?: UseStore; drafts?: UseStore } = {};

/** False in a browser without IndexedDB (or a private mode that refuses it): forms then work as before. */
export function hasOfflineStorage(): boolean {
  return typeof indexedDB !== 'undefined';
}

export function outboxStore(): UseStore {
  stores.outbox ??= createStore('compact-voices-outbox', 'items');
  return stores.outbox;
}

export function draftsStore(): UseStore {
  stores.drafts ??= createStore('compact-voices-drafts', 'drafts');
  return stores.drafts;
}
