import { LOCALES } from '@compact-voices/contracts';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { api, createAccount, openRoundByApi, signInByApi } from './support/api.js';
import { baseUrl, E2E_ADMIN, launchBrowser, overflowsHorizontally, seriousViolations } from './support/browser.js';

/**
 * The bytes a first visit really costs: a new visitor with an empty cache opens the home page, a
 * recommendation page and a thread, in every UI language, and Chromium counts what came over the
 * wire (headers and compressed bodies, as its network panel does). Each must stay within 170 KB,
 * the figure that keeps a first visit near three seconds on a 50 KB/s connection.
 */
const BUDGET_BYTES = 170 * 1024;
const JOURNEY_TIMEOUT_MS = 120_000;

interface Transfer {
  total: number;
  requests: Array<{ url: string; bytes: number }>;
}

/** Sums Chromium's encodedDataLength of every finished request (socket frames are not requests). */
async function countTransfer(page: Page): Promise<{ session: CDPSession; transfer: Transfer }> {
  const session = await page.context().newCDPSession(page);
  const urls = new Map<string, string>();
  const transfer: Transfer = { total: 0, requests: [] };
  session.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  session.on('Network.loadingFinished', (event) => {
    transfer.total += event.encodedDataLength;
    transfer.requests.push({ url: urls.get(event.requestId) ?? event.requestId, bytes: event.encodedDataLength });
  });
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { session, transfer };
}

describe('first visit budget', () => {
  let browser: Browser;
  let threadPath = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = (await signInByApi(E2E_ADMIN)).accessToken;
    const roundId = await openRoundByApi(admin, {
      title: `Budget round ${Date.now().toString(36)}`,
      description: 'A round whose thread a first visitor opens.',
      recommendationCodes: ['PC-1'],
      countryIso3s: ['NPL', 'PHL'],
    });
    threadPath = `/consultations/${roundId}/recommendations/PC-1`;
    const author = await createAccount({
      email: `budget-${Date.now().toString(36)}@e2e.test`,
      password: 'a budget passphrase of some length',
      displayName: 'Budget Author',
    });
    for (let index = 0; index < 5; index += 1) {
      await api(`${threadPath}/comments`, {
        method: 'POST',
        token: author.accessToken,
        body: { body: `Comment ${index + 1}: recruitment fees are still charged to workers leaving for the Gulf.`, stance: 'concern' },
      });
    }
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  const pages = [
    { name: 'home', path: () => '/', ready: 'main h1' },
    { name: 'recommendation', path: () => '/recommendations/PC-1', ready: 'main h1' },
    { name: 'thread', path: () => threadPath, ready: 'main article.comment' },
  ];

  it(
    'keeps the home page, a recommendation page and a thread within 170 KB in every language, cold cache, and accessible at 360 px',
    async () => {
      const results: string[] = [];
      const over: string[] = [];
      const inaccessible: string[] = [];
      // Each visit has a context of its own (an empty cache); two run at once, as much of a visit
      // is waiting for the network to fall quiet.
      const visits = LOCALES.flatMap(({ code }) => pages.map((target) => ({ code, target })));
      const lines = new Map<string, string>();
      async function visit({ code, target }: (typeof visits)[number]): Promise<void> {
        const context = await browser.newContext({ locale: code, viewport: { width: 360, height: 740 }, isMobile: true });
        try {
          const page = await context.newPage();
          const { transfer } = await countTransfer(page);
          await page.goto(`${baseUrl()}${target.path()}`, { waitUntil: 'load' });
          await page.locator(target.ready).first().waitFor();
          await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(code);
          await page.waitForLoadState('networkidle');
          // The same visit, read by a screen reader on the same phone: no serious axe finding, no sideways scroll.
          const violations = await seriousViolations(page);
          if (violations.length > 0) inaccessible.push(`${code} ${target.name}: ${violations.join('; ')}`);
          if (await overflowsHorizontally(page)) inaccessible.push(`${code} ${target.name}: scrolls sideways at 360 px`);
          const line = `${code} ${target.name}: ${(transfer.total / 1024).toFixed(1)} KB in ${transfer.requests.length} requests`;
          lines.set(`${code} ${target.name}`, line);
          if (transfer.total > BUDGET_BYTES) {
            const largest = [...transfer.requests]
              .sort((a, b) => b.bytes - a.bytes)
              .slice(0, Number(process.env.BUDGET_DETAIL ?? 8))
              .map((request) => `    ${(request.bytes / 1024).toFixed(1)} KB ${request.url.replace(baseUrl(), '')}`);
            over.push([line, ...largest].join('\n'));
          }
        } finally {
          await context.close();
        }
      }
      const queue = [...visits];
      await Promise.all(
        Array.from({ length: 2 }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await visit(next);
        }),
      );
      for (const { code, target } of visits) results.push(lines.get(`${code} ${target.name}`) ?? `${code} ${target.name}: not measured`);
      process.stdout.write(`first visit transfer (budget ${BUDGET_BYTES / 1024} KB):\n  ${results.join('\n  ')}\n`);
      expect(over).toEqual([]);
      expect(inaccessible).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS * 2,
  );
});
