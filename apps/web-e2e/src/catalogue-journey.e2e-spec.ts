import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, overflowsHorizontally, seriousViolations } from './support/browser.js';

/**
 * A reader's journey through the catalogue: home → principle → recommendation → objective → search,
 * with axe-core on every page, at desktop width and on a 360 px phone, and in a right-to-left language.
 */
describe('catalogue journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const visited: Array<{ url: string; violations: string[] }> = [];

  /**
   * Audits the page once it is the one asked for: `heading` is its h1 (a client-side navigation can
   * still show the previous page's h1, then the new page's loading state, after the URL changed).
   */
  async function audit(heading?: RegExp): Promise<void> {
    await page.waitForLoadState('networkidle');
    await (heading ? page.locator('main h1').filter({ hasText: heading }) : page.locator('main h1')).first().waitFor();
    await page
      .locator('[role="status"][aria-busy="true"]')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    visited.push({ url: page.url(), violations: await seriousViolations(page) });
    expect(await page.locator('h1').count()).toBe(1);
    expect(await overflowsHorizontally(page)).toBe(false);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it('walks home → principle → recommendation → objective → search with no serious accessibility violation', async () => {
    await page.goto(baseUrl());
    await expect(page.title()).resolves.toMatch(/Compact Voices/);
    await audit();
    // The 10 principles with their 32 recommendations.
    await expect(page.locator('.principle-section').count()).resolves.toBe(10);
    await expect(page.locator('.principle-section .recommendation-links__link').count()).resolves.toBe(32);

    await page.getByRole('link', { name: 'Human rights', exact: true }).click();
    await page.waitForURL(/\/principles\/HR$/);
    await audit(/Human rights/);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Human rights/);

    await page.locator('main a[href="/recommendations/HR-1"]').first().click();
    await page.waitForURL(/\/recommendations\/HR-1$/);
    await audit(/HR-1/);
    await expect(page.locator('main').textContent()).resolves.toMatch(/The core human rights treaties are as follows/);
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /consider ratifying or acceding to those to which they are not party\./,
    );

    const objectiveLink = page.locator('main a[href^="/objectives/"]').first();
    const objectiveHref = await objectiveLink.getAttribute('href');
    await objectiveLink.click();
    await page.waitForURL(new RegExp(`${objectiveHref}$`));
    await audit(/Objective \d+/);
    await expect(page.locator('main a[href="/recommendations/HR-1"]').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('searchbox', { name: /Search recommendations/ }).fill('detention of children');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=detention/);
    await audit(/Search/);
    await page.locator('main a[href="/recommendations/CS-3"]').first().waitFor();

    expect(visited.filter((entry) => entry.violations.length > 0)).toEqual([]);
    expect(visited).toHaveLength(5);
  });

  it('works by keyboard: the skip link comes first and lands on the main content', async () => {
    await page.goto(`${baseUrl()}/recommendations/PC-1`);
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused.textContent()).resolves.toMatch(/Skip to main content/);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.closest('main') !== null)).resolves.toBe(true);
  });

  it('shows a not-found page for an unknown recommendation', async () => {
    await page.goto(`${baseUrl()}/recommendations/ZZ-9`);
    await page.getByRole('heading', { level: 1, name: /Recommendation not found/ }).waitFor();
    await audit();
  });

  it('is readable on a 360 px phone and in a right-to-left language', async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    await page.goto(baseUrl());
    await audit();
    // The header is one line on a phone; the language is chosen from its menu.
    await page.getByRole('banner').getByRole('button', { name: 'Menu' }).click();
    await audit();
    await page.getByLabel('Language').selectOption('ur');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ur');
    await audit();
    // The recommendations in Urdu (an unofficial translation, and the page says so), in the page's own language.
    await page
      .locator('.recommendation-links__text')
      .first()
      .filter({ hasText: /[\u0600-\u06FF]/ })
      .waitFor();
    await expect(page.locator('.recommendation-links__text:not([lang])').count()).resolves.toBe(32);
    await page.locator('.translation-notice').first().waitFor();

    await page.goto(`${baseUrl()}/recommendations/WS-2`);
    await audit();
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    // One click to the English original, which is then marked as English, left to right, for screen readers.
    await page.getByRole('button', { name: 'انگریزی اصل متن دکھائیں' }).click();
    const original = page.locator('main .recommendation-text blockquote p[lang="en"]').first();
    await original.waitFor();
    await expect(original.getAttribute('dir')).resolves.toBe('ltr');
    await audit();

    await page.getByRole('banner').getByRole('button', { name: 'مینو' }).click();
    await page.getByLabel(/زبان|Language/).selectOption('id');
    await page.waitForFunction(() => document.documentElement.lang === 'id' && document.documentElement.dir === 'ltr');
    await audit();
    expect(visited.filter((entry) => entry.violations.length > 0)).toEqual([]);
  });
});
