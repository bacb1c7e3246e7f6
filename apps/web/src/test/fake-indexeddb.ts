// IndexedDB for the offline outbox's and drafts' tests: fake-indexeddb, in memory. jsdom leaves out
// structuredClone, which it copies values with; Node's own serialiser does the same job.
import 'fake-indexeddb/auto';
import { deserialize, serialize } from 'node:v8';

if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = <T>(value: T): T => deserialize(serialize(value)) as T;
}
