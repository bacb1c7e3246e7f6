import { afterEach, beforeAll, beforeEach } from '@jest/globals';
import { cleanup } from '@testing-library/react';
import { clear } from 'idb-keyval';
import { authSession } from '../lib/auth-session';
import { initI18n } from '../lib/i18n';
import { draftsStore, outboxStore } from '../lib/offline/offline-db';
import { participant } from './fixtures';
import type { MockApi } from './mock-api';

/**
 * The hooks of a suite whose component keeps drafts and an outbox (import './fake-indexeddb'
 * first): each test starts with both empty and `participant` signed in, and ends signed out, with
 * the mocked API that `currentApi` returns restored.
 */
export function setUpOfflineState(currentApi: () => MockApi | undefined): void {
  beforeAll(() => initI18n('en'));
  beforeEach(async () => {
    await clear(outboxStore());
    await clear(draftsStore());
    authSession.accept({ accessToken: 'test-access-token', expiresIn: 900, user: participant });
  });
  afterEach(() => {
    cleanup();
    currentApi()?.restore();
    authSession.clear();
  });
}
