import type { RecommendationDetail } from '@compact-voices/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, createAccount, openRoundByApi, signInByApi } from './support/api.js';
import { baseUrl, E2E_ADMIN, launchBrowser } from './support/browser.js';

/**
 * Reader pages come from the server already rendered, in the reader's language, with their data:
 * a phone shows the recommendation and the first comments before any script has arrived (here,
 * with scripts off altogether). The browser then hydrates the same markup without asking the API
 * again, and nothing anyone wrote can break out of the page's data.
 */
const JOURNEY_TIMEOUT_MS = 90_000;
const PHONE = { width: 360, height: 740 };

describe('pages rendered on the server', () => {
  let browser: Browser;
  let threadPath = '';
  let roundPath = '';
  const stamp = Date.now().toString(36);
  const firstComment = `Recruitment agencies in ${stamp} still hold workers' passports.`;
  const hostile = `Closing tag ${stamp} </script><script>window.__injected = true</script> and <img src=x onerror="window.__injected = true">`;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = (await signInByApi(E2E_ADMIN)).accessToken;
    const roundId = await openRoundByApi(admin, {
      title: `Rendered round ${stamp}`,
      description: 'A round whose pages the server renders.',
      recommendationCodes: ['PC-1'],
      countryIso3s: ['NPL', 'THA'],
    });
    roundPath = `/consultations/${roundId}`;
    threadPath = `${roundPath}/recommendations/PC-1`;
    const author = await createAccount({
      email: `rendered-${stamp}@e2e.test`,
      password: 'a rendered passphrase of some length',
      displayName: 'Rendered Author',
    });
    for (const body of [firstComment, hostile]) {
      await api(`${threadPath}/comments`, { method: 'POST', token: author.accessToken, body: { body, stance: 'concern' } });
    }
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  async function withContext<T>(options: Parameters<Browser['newContext']>[0], run: (context: BrowserContext) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, ...options });
    try {
      return await run(context);
    } finally {
      await context.close();
    }
  }

  /** Once the page has started hydrating: the mismatches React reported (main.tsx counts them). */
  async function hydrationErrors(page: Page): Promise<unknown[] | undefined> {
    await page.waitForFunction(() => Array.isArray((window as { __cvHydrationErrors?: unknown[] }).__cvHydrationErrors));
    return page.evaluate(() => (window as { __cvHydrationErrors?: unknown[] }).__cvHydrationErrors);
  }

  it(
    'shows the recommendation, the round and the first comments in the reader’s language with scripts off',
    async () => {
      const thai = await api<RecommendationDetail>('/recommendations/PC-1?locale=th');
      await withContext({ locale: 'th', javaScriptEnabled: false }, async (context) => {
        const page = await context.newPage();

        await page.goto(`${baseUrl()}/recommendations/PC-1`);
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['th', 'ltr']);
        await expect(page.locator('main h1').textContent()).resolves.toContain('PC-1');
        await expect(page.locator('main blockquote').textContent()).resolves.toContain(thai.text.slice(0, 40));
        // The open round that includes it, with the way into its thread, is already there.
        await expect(
          page
            .locator('main')
            .getByRole('link', { name: new RegExp(`Rendered round ${stamp}`) })
            .count(),
        ).resolves.toBeGreaterThan(0);

        await page.goto(`${baseUrl()}${threadPath}`);
        await expect(page.locator('main article.comment').first().textContent()).resolves.toBeTruthy();
        await expect(page.locator('main').textContent()).resolves.toContain(firstComment);
        // Text that looks like markup is shown as text, never run.
        await expect(page.locator('main').textContent()).resolves.toContain('</script><script>window.__injected = true</script>');

        await page.goto(`${baseUrl()}/`);
        await expect(page.locator('main h1').textContent()).resolves.toMatch(/[\u0E00-\u0E7F]/);
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'hydrates without a mismatch and without reading the API again, right to left in Arabic from the first byte',
    async () => {
      await withContext({ locale: 'ar' }, async (context) => {
        const page = await context.newPage();
        const apiReads: string[] = [];
        page.on('request', (request) => {
          const path = new URL(request.url()).pathname;
          if (path.startsWith('/api/')) apiReads.push(path);
        });
        const response = await page.goto(`${baseUrl()}${threadPath}`, { waitUntil: 'networkidle' });
        const html = (await response?.text()) ?? '';
        expect(html).toMatch(/<html lang="ar" dir="rtl">/);
        expect(html).toContain('id="cv-ssr-state"');
        // Hydrated onto the server's markup, not rendered over it, and nothing anyone wrote ran.
        await expect(hydrationErrors(page)).resolves.toEqual([]);
        expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
        // The recommendation, the round and the comments came with the page.
        expect(apiReads.filter((path) => /\/recommendations\/PC-1$|\/consultations\/[^/]+$|\/comments$/.test(path))).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'writes dates in UTC, named, until the browser has told its zone, then in the reader’s zone, hydrating without a mismatch either way',
    async () => {
      await withContext({ locale: 'en', timezoneId: 'Asia/Kathmandu' }, async (context) => {
        const page = await context.newPage();
        const closes = () => page.locator('main time').first().textContent();
        await page.goto(`${baseUrl()}${roundPath}`, { waitUntil: 'networkidle' });
        await expect(closes()).resolves.toMatch(/UTC/);
        await expect(hydrationErrors(page)).resolves.toEqual([]);
        expect((await context.cookies()).find((cookie) => cookie.name === 'cv_tz')?.value).toMatch(/^Asia\/Kath?mandu$/);

        await page.reload({ waitUntil: 'networkidle' });
        await expect(closes()).resolves.not.toMatch(/UTC/);
        await expect(hydrationErrors(page)).resolves.toEqual([]);
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'renders the next page in the language the reader chose, and searches a round before its script has run',
    async () => {
      await withContext({ locale: 'en' }, async (context) => {
        const page = await context.newPage();
        await page.goto(`${baseUrl()}/`, { waitUntil: 'networkidle' });
        // On a phone the language is behind the menu.
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByLabel('Language').selectOption('vi');
        await page.waitForFunction(() => document.documentElement.lang === 'vi');
        const response = await page.goto(`${baseUrl()}/recommendations/PC-1`);
        expect((await response?.text()) ?? '').toMatch(/<html lang="vi" dir="ltr">/);
      });
      // Typed while the script is still on its way, sent once the page has hydrated: hydration must
      // not put the field back to empty.
      await withContext({ locale: 'en' }, async (context) => {
        const page = await context.newPage();
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(`${baseUrl()}${roundPath}`, { waitUntil: 'commit' });
        const search = page.getByRole('searchbox', { name: /^Search the comments/ });
        await search.fill(stamp);
        release();
        await expect(hydrationErrors(page)).resolves.toEqual([]);
        await page.waitForLoadState('networkidle');
        await expect(search.inputValue()).resolves.toBe(stamp);
        await search.press('Enter');
        await page.locator('main').getByText(firstComment).first().waitFor();
      });
      // A search typed and sent before the page has hydrated (here: never) is a plain ?q= request,
      // which the server answers with the results.
      await withContext({ locale: 'en', javaScriptEnabled: false }, async (context) => {
        const page = await context.newPage();
        await page.goto(`${baseUrl()}${roundPath}`);
        const search = page.getByRole('searchbox', { name: /^Search the comments/ });
        await search.fill(stamp);
        await search.press('Enter');
        await page.waitForURL(/\?q=/);
        await expect(page.locator('main').textContent()).resolves.toContain(firstComment);
      });
    },
    JOURNEY_TIMEOUT_MS,
  );
});
