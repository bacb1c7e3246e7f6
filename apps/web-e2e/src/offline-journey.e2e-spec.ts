import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { api, createAccount, openRoundByApi, signInByApi } from './support/api.js';
import { E2E_ADMIN, baseUrl, launchBrowser, seriousViolations } from './support/browser.js';
import { mailLink } from './support/mail.js';

/**
 * A migrant on a cheap phone and a flaky connection (360 px; 400 ms round trips, 50 KB/s, cold
 * cache). New to the platform, she lands on the home page, follows the open round into a thread,
 * creates an account in protected mode and confirms her mail. Once the service worker controls the
 * page the connection drops. She writes a comment and saves a rating: both wait on the phone,
 * marked as such. She reloads without a connection: the app and the thread come from the worker's
 * caches, and what waits is still shown. The connection comes back: each arrives exactly once
 * (checked through the API), under her pseudonym. Then she signs out, and the phone keeps nothing of
 * hers: no outbox, no drafts, no cached threads.
 */
const JOURNEY_TIMEOUT_MS = 240_000;
/** Chromium's network emulation, as bench/first-load.bench.mjs uses: a poor mobile connection. */
const SLOW_NETWORK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const WAIT_MS = 20_000;
const REAL_NAME = `Sita Night Bus ${Date.now().toString(36)}`;
const COMMENT = `Written on the night bus without a signal ${Date.now().toString(36)}.`;

interface CommentPage {
  items: Array<{ body: string; author: { displayName: string } | null }>;
}
interface RatingList {
  items: Array<{ countryIso3: string; score: number | null }>;
}

/** What the page's origin keeps in IndexedDB and the Cache API, read inside the page. */
function offlineStorage(page: Page) {
  return page.evaluate(async () => {
    const read = (name: string, store: string) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.result.createObjectStore(store);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve(0);
            return;
          }
          const request = db.transaction(store).objectStore(store).getAllKeys();
          request.onsuccess = () => {
            db.close();
            // Items (and drafts) only; the outbox's record of whose device it is goes with the items.
            resolve(request.result.filter((key) => !(Array.isArray(key) && key[0] === 'meta')).length);
          };
          request.onerror = () => reject(request.error);
        };
      });
    return {
      outbox: await read('compact-voices-outbox', 'items'),
      drafts: await read('compact-voices-drafts', 'drafts'),
      caches: await caches.keys(),
    };
  });
}

describe('offline journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let network: CDPSession;
  let threadPath = '';
  let roundTitle = '';
  let participant = { email: '', password: 'an offline passphrase of some length', token: '' };
  const violations: Array<{ where: string; found: string[] }> = [];
  const cspViolations: string[] = [];

  async function audit(where: string): Promise<void> {
    violations.push({ where, found: await seriousViolations(page) });
  }

  const main = () => page.locator('main');
  const composer = () => main().getByRole('textbox', { name: 'Your comment' });
  const ratingForm = () =>
    main()
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Save my rating' }) });
  const waiting = () => main().getByRole('region', { name: 'Waiting to be sent' });

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = (await signInByApi(E2E_ADMIN)).accessToken;
    const round = {
      title: `Offline round ${Date.now().toString(36)}`,
      description: 'A round discussed on a flaky connection.',
      recommendationCodes: ['PC-1'],
      countryIso3s: ['NPL', 'PHL'],
    };
    const roundId = await openRoundByApi(admin, round);
    threadPath = `/consultations/${roundId}/recommendations/PC-1`;
    roundTitle = round.title;
    const stamp = Date.now().toString(36);
    const earlier = await createAccount({
      email: `offline-earlier-${stamp}@e2e.test`,
      password: participant.password,
      displayName: 'Earlier Voice',
    });
    await api(`${threadPath}/comments`, {
      method: 'POST',
      token: earlier.accessToken,
      body: { body: 'Already here before the connection dropped.', stance: 'concern' },
    });
    participant = { ...participant, email: `offline-${stamp}@e2e.test` };

    context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    network = await context.newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.setCacheDisabled', { cacheDisabled: true });
    await network.send('Network.emulateNetworkConditions', SLOW_NETWORK);
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it(
    'keeps a comment and a rating written offline, through a reload, and sends each once when back online',
    async () => {
      // A new visitor on the home page: the open round is there, with the way into it.
      await page.goto(`${baseUrl()}/`);
      await main()
        .getByRole('link', { name: new RegExp(`^Join the discussion\\W+${roundTitle}$`) })
        .click();
      await page.getByRole('heading', { level: 1, name: new RegExp(roundTitle) }).waitFor({ timeout: WAIT_MS });
      await main().locator(`a[href="${threadPath}"]`).first().click();
      await main().getByText('Already here before the connection dropped.').waitFor({ timeout: WAIT_MS });
      await audit('thread, a first visit on a slow connection');

      // She creates an account from the header, under a pseudonym, and confirms her mail.
      await page.getByRole('link', { name: 'Create an account' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor({ timeout: WAIT_MS });
      await page.getByLabel('Email address').fill(participant.email);
      await page.getByLabel('Password', { exact: true }).fill(participant.password);
      await page.getByRole('radio', { name: 'Under a pseudonym (protected)' }).check();
      await page.getByLabel('Your name').fill(REAL_NAME);
      await audit('sign-up, protected');
      await main().getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor({ timeout: WAIT_MS });
      const link = await mailLink(participant.email, '/verify-email');
      await page.goto(`${baseUrl()}${link.pathname}${link.hash}`);
      await page.getByRole('heading', { level: 1, name: 'Your email address is confirmed' }).waitFor({ timeout: WAIT_MS });
      await main().getByRole('link', { name: 'Sign in' }).click();
      await page.getByLabel('Email address').fill(participant.email);
      await page.getByLabel('Password', { exact: true }).fill(participant.password);
      await main().getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor({ timeout: WAIT_MS });
      participant.token = (await signInByApi(participant)).accessToken;

      await page.goto(`${baseUrl()}${threadPath}?country=NPL`);
      await main().getByText('Already here before the connection dropped.').waitFor({ timeout: WAIT_MS });
      await composer().waitFor({ timeout: WAIT_MS });
      // The worker registers once the page is idle, then takes control of it.
      // Bounded, and saying where the worker got to: a worker that never takes control fails here, not at the test's timeout.
      const controlled = await page
        .waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 60_000, polling: 250 })
        .then(
          () => true,
          () => false,
        );
      if (!controlled) {
        const state = await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            registered: Boolean(registration),
            installing: registration?.installing?.state ?? null,
            waiting: registration?.waiting?.state ?? null,
            active: registration?.active?.state ?? null,
          };
        });
        throw new Error(`The service worker did not take control of the page within 60 s: ${JSON.stringify(state)}`);
      }
      // What the page loaded before the worker was there is handed to it: the thread's public copy among it.
      await page.waitForFunction(
        async (path) => {
          const cache = await caches.open('cv-threads-v1');
          return (await cache.keys()).some((request) => new URL(request.url).pathname === `/api/v1${path}/comments`);
        },
        threadPath,
        { timeout: WAIT_MS, polling: 250 },
      );

      // The worker and the manifest are revalidated on every use; the manifest is allowed under the page's CSP.
      const served = await page.evaluate(async () => {
        const worker = await fetch('/sw.js', { cache: 'no-store' });
        const manifest = await fetch((document.querySelector('link[rel="manifest"]') as HTMLLinkElement).href, { cache: 'no-store' });
        const body = (await manifest.json()) as {
          name: string;
          icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
        };
        // Android installs from PNG icons of 192 and 512 px, one of them maskable; each is served as what it says.
        const icons = await Promise.all(
          body.icons.map(async (icon) => {
            const response = await fetch(icon.src, { cache: 'no-store' });
            const bitmap = icon.type === 'image/png' ? await createImageBitmap(await response.blob()) : null;
            return `${icon.purpose} ${icon.type} ${icon.sizes} ${response.status} ${response.headers.get('Content-Type')}${bitmap ? ` ${bitmap.width}x${bitmap.height}` : ''}`;
          }),
        );
        return {
          worker: [worker.status, worker.headers.get('Cache-Control')],
          manifest: [manifest.status, manifest.headers.get('Cache-Control'), manifest.headers.get('Content-Type'), body.name],
          icons,
        };
      });
      expect(served.worker).toEqual([200, 'no-cache']);
      expect(served.manifest).toEqual([200, 'no-cache', expect.stringMatching(/^application\/manifest\+json/), 'Compact Voices']);
      expect(served.icons).toEqual(
        expect.arrayContaining([
          'any image/png 192x192 200 image/png 192x192',
          'any image/png 512x512 200 image/png 512x512',
          'maskable image/png 512x512 200 image/png 512x512',
        ]),
      );

      // The connection drops. Playwright's offline switch covers the service worker too; the page's own
      // slow-network emulation is lifted first, or the two would fight over the page's connection.
      await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await network.send('Network.setCacheDisabled', { cacheDisabled: false });
      await context.setOffline(true);
      await composer().fill(COMMENT);
      await main().getByRole('button', { name: 'Post comment' }).click();
      await main()
        .getByRole('status')
        .filter({ hasText: /your comment is kept on this device and will be sent when you are back online/i })
        .waitFor();
      await ratingForm().getByRole('radio', { name: '3 – Largely implemented' }).check();
      await ratingForm().getByRole('button', { name: 'Save my rating' }).click();
      await ratingForm()
        .getByRole('status')
        .filter({ hasText: /your rating for .*Nepal.* is kept on this device and will be sent when you are back online/i })
        .waitFor();
      await waiting().getByText(COMMENT).waitFor();
      await waiting()
        .getByText(/Your rating for .*Nepal.*: Largely implemented/)
        .waitFor();
      await audit('thread, offline, two items waiting');

      // A reload without a connection: the shell, the code and the thread come from the worker.
      await page.reload();
      await main().getByRole('heading', { level: 1 }).waitFor({ timeout: WAIT_MS });
      await main().getByText('Already here before the connection dropped.').waitFor({ timeout: WAIT_MS });
      await waiting().getByText(COMMENT).waitFor({ timeout: WAIT_MS });
      await waiting()
        .getByText(/Your rating for .*Nepal.*: Largely implemented/)
        .waitFor();
      // Both marked, each once (the second label may render a moment after the first).
      await waiting().getByText('Will be sent when you are back online.').nth(1).waitFor({ timeout: WAIT_MS });
      await expect(waiting().getByText('Will be sent when you are back online.').count()).resolves.toBe(2);
      await audit('thread, reloaded offline');

      await context.setOffline(false);
      // Published (not the waiting copy), and nothing waits any more.
      await main().locator('article.comment:not(.comment--pending)').filter({ hasText: COMMENT }).waitFor({ timeout: WAIT_MS });
      await waiting().waitFor({ state: 'detached', timeout: WAIT_MS });

      const thread = await api<CommentPage>(`${threadPath}/comments?limit=50`, { token: participant.token });
      expect(thread.items.filter((comment) => comment.body.includes(COMMENT))).toHaveLength(1);
      // Under her pseudonym, for readers: her name is nowhere in the thread.
      const read = await api<CommentPage>(`${threadPath}/comments?limit=50`);
      expect(JSON.stringify(read)).not.toContain(REAL_NAME);
      const mine = await api<RatingList>(`${threadPath}/ratings/mine`, { token: participant.token });
      expect(mine.items.map((rating) => [rating.countryIso3, rating.score])).toEqual([['NPL', 3]]);
      await audit('thread, back online');

      // Nothing is sent a second time by a later run of the outbox.
      await page.reload();
      await main().locator('article.comment').filter({ hasText: COMMENT }).waitFor({ timeout: WAIT_MS });
      const again = await api<CommentPage>(`${threadPath}/comments?limit=50`, { token: participant.token });
      expect(again.items.filter((comment) => comment.body.includes(COMMENT))).toHaveLength(1);

      expect(violations.filter((entry) => entry.found.length > 0)).toEqual([]);
      expect(cspViolations).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'leaves nothing of the person on the phone after they sign out',
    async () => {
      // A draft being typed, and a thread in the worker's cache.
      await composer().fill('Half a sentence I will not finish');
      await page.waitForTimeout(1_000);
      const before = await offlineStorage(page);
      expect(before.drafts).toBe(1);
      expect(before.caches).toContain('cv-threads-v1');

      // On a phone, signing out is behind the menu.
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign in' }).first().waitFor({ timeout: WAIT_MS });
      await expect(offlineStorage(page)).resolves.toEqual({
        outbox: 0,
        drafts: 0,
        caches: expect.not.arrayContaining(['cv-threads-v1']),
      });
      const left = await offlineStorage(page);
      // The app shell and the public catalogue stay: they hold nothing of anyone's.
      expect(left.caches.every((name) => !name.startsWith('cv-threads'))).toBe(true);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
