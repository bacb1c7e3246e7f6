import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { E2E_ADMIN as ADMIN, baseUrl, launchBrowser, overflowsHorizontally, seriousViolations } from './support/browser.js';
import { mailLink } from './support/mail.js';

/**
 * A consultation round from start to live discussion. The secretariat creates a round and opens
 * it; two participants (each signed up and confirmed from the mail, each in a browser of their
 * own) open the same thread; one comments and the other sees it arrive without reloading (and
 * announced in the live region), replies and agrees, which the first sees live too; the first rates
 * a country with evidence. axe-core runs on every page visited, and the thread once at 360 px.
 *
 * Mail is read from `<DATA_DIR>/outbox/*.eml`, where the API writes it when SMTP_URL is unset.
 */

/** How long a live update may take to show: generous for a busy CI machine; one that never comes still fails. */
const LIVE_WAIT_MS = 30_000;
/** Two sign-ups with password hashing, live round trips and axe on a dozen pages. */
const JOURNEY_TIMEOUT_MS = 180_000;

interface Person {
  email: string;
  password: string;
  displayName: string;
}

describe('consultation journey', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const visited: Array<{ url: string; violations: string[] }> = [];
  const stamp = Date.now().toString(36);
  const roundTitle = `Regional review ${stamp}`;
  let threadPath = '';

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  /** axe-core (serious and critical only), one h1, no sideways scrolling. */
  async function audit(page: Page, label = ''): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page
      .locator('[role="status"].loading-status')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    // After anything still loading: a keyboard navigation's URL changes before the new page has
    // rendered, so the heading seen first may be the page being left, and on a busy CI machine the
    // new page's chunk and data can take many seconds. One h1 once it has settled.
    await page
      .waitForFunction(() => document.querySelectorAll('h1').length === 1 && document.querySelector('main h1'), null, { timeout: 45_000 })
      .catch(() => undefined);
    expect(await page.locator('h1').count()).toBe(1);
    visited.push({ url: `${page.url()}${label ? ` (${label})` : ''}`, violations: await seriousViolations(page) });
    expect(await overflowsHorizontally(page)).toBe(false);
  }

  function main(page: Page) {
    return page.locator('main');
  }

  async function signIn(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await main(page).getByRole('button', { name: 'Sign in' }).click();
  }

  /** Sign up, confirm the address from the mail, sign in: the account journey's path, audited on the way. */
  async function joinPlatform(page: Page, person: Person): Promise<void> {
    await page.goto(`${baseUrl()}/sign-up`);
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await audit(page);
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await page.getByRole('radio', { name: 'Under my name' }).check();
    await page.getByLabel('Your name').fill(person.displayName);
    await main(page).getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();

    const link = await mailLink(person.email, '/verify-email');
    await page.goto(`${baseUrl()}${link.pathname}${link.hash}`);
    await page.getByRole('heading', { level: 1, name: 'Your email address is confirmed' }).waitFor();
    await main(page).getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signIn(page, person);
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
  }

  /** A thread page whose socket has joined the room. */
  async function waitUntilLive(page: Page): Promise<void> {
    await page.getByText('Live: new comments appear here as they are posted.').waitFor({ timeout: LIVE_WAIT_MS });
  }

  /**
   * Makes every document of the page count the socket.io connections it holds open (websocket
   * transport). Counted inside the page, not with page.on('websocket'): a document left by a full
   * navigation takes its sockets with it, but the browser never reports them closed.
   */
  async function countLiveSockets(page: Page): Promise<void> {
    await page.addInitScript({
      content: `(() => {
        const Native = window.WebSocket;
        const open = new Set();
        window.__openLiveSockets = () => open.size;
        window.WebSocket = class extends Native {
          constructor(url, protocols) {
            super(url, protocols);
            if (!String(url).includes('/socket.io/')) return;
            open.add(this);
            this.addEventListener('close', () => open.delete(this));
          }
        };
      })();`,
    });
  }

  /** The socket.io connections the page holds open now, once a reconnect under way has settled. */
  async function openLiveSockets(page: Page, expected: number): Promise<number> {
    const count = () => page.evaluate(() => (window as unknown as { __openLiveSockets: () => number }).__openLiveSockets());
    for (let i = 0; i < 50 && (await count()) !== expected; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    return count();
  }

  /** Where an element's top is, in CSS pixels from the top of the page (not of the viewport). */
  function topOnPage(locator: Locator): Promise<number> {
    return locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  }

  function commentArticle(page: Page, text: string) {
    return main(page).locator('article.comment').filter({ hasText: text });
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  it(
    'lets an administrator create a round and open it',
    async () => {
      const page = await newPage();
      await page.goto(`${baseUrl()}/admin/consultations`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await signIn(page, ADMIN);
      await page.getByRole('heading', { level: 1, name: 'Consultation rounds' }).waitFor();
      await audit(page);

      await main(page).getByRole('link', { name: 'Create a round' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create a consultation round' }).waitFor();
      await audit(page);

      // An empty title: the error summary takes focus and links to the field.
      await main(page).getByRole('button', { name: 'Create the round' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.waitFor();
      await expect(summary.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      visited.push({ url: `${page.url()} (errors shown)`, violations: await seriousViolations(page) });

      await page.getByLabel('Title').fill(roundTitle);
      await page.getByLabel('Description (optional)').fill('How far have the **recommendations** come since 2020?');
      // Opens now and closes in 30 days, as prefilled; published at once, moderated afterwards.
      await expect(page.getByLabel('Opens', { exact: true }).inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      await expect(page.getByRole('radio', { name: 'Publish at once, moderate afterwards' }).isChecked()).resolves.toBe(true);

      // Two recommendations and two countries instead of everything.
      const allRecommendations = page.locator('#consultation-recommendationCodes');
      await allRecommendations.uncheck();
      await page.locator('#consultation-recommendationCodes-PC-1').check();
      await page.locator('#consultation-recommendationCodes-HR-1').check();
      const allCountries = page.locator('#consultation-countryIso3s');
      await allCountries.check();
      await allCountries.uncheck();
      await page.locator('#consultation-countryIso3s-NPL').check();
      await page.locator('#consultation-countryIso3s-PHL').check();
      await main(page).getByRole('button', { name: 'Create the round' }).click();

      await page.getByRole('heading', { level: 1, name: 'Consultation rounds' }).waitFor();
      await main(page).getByText(`${roundTitle} has been created as a draft.`).waitFor();
      const row = main(page).locator('li').filter({ hasText: roundTitle });
      await row.getByText('Draft', { exact: true }).waitFor();
      await audit(page);

      await row.getByRole('button', { name: 'Open for contributions' }).click();
      await main(page).getByText(`${roundTitle} is now open.`).waitFor();
      await row.getByText('Open for contributions', { exact: true }).waitFor();
      await row.getByRole('button', { name: 'Close' }).waitFor();
      await audit(page, 'opened');

      const roundPath = await row.getByRole('link', { name: roundTitle }).getAttribute('href');
      expect(roundPath).toMatch(/^\/consultations\/[0-9a-f-]{36}$/);
      threadPath = `${roundPath}/recommendations/PC-1`;

      expect(visited.filter((entry) => entry.violations.length > 0)).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'leads a visitor on a phone into the open round from the home page, and into its thread from a recommendation',
    async () => {
      expect(threadPath).not.toBe('');
      const roundPath = threadPath.replace(/\/recommendations\/PC-1$/, '');
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      contexts.push(context);
      const page = await context.newPage();
      // Other journeys open rounds of their own at the same time: this one is found by its title.
      const joinName = new RegExp(`^Join the discussion\\W+${roundTitle}$`);

      await page.goto(baseUrl());
      const openRounds = main(page).getByRole('region', { name: 'Open for comment now' });
      const card = openRounds.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: roundTitle }) });
      await card.getByText(/\d+ comments? published/).waitFor();
      await audit(page, 'home, 360 px');
      await card.getByRole('link', { name: joinName }).click();
      await page.waitForURL(`${baseUrl()}${roundPath}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(roundTitle) }).waitFor();
      await audit(page, '360 px');

      // As if opened from a shared link: the way into the thread, right under the recommendation's text.
      await page.goto(`${baseUrl()}/recommendations/PC-1`);
      const discuss = main(page).getByRole('region', { name: 'Discuss this recommendation' });
      const join = discuss.getByRole('link', { name: joinName });
      await join.waitFor();
      await discuss
        .getByText(/^(\d+ people have|1 person has) rated it$/)
        .first()
        .waitFor();
      await expect(
        page.evaluate(() => document.querySelector('figure.recommendation-text')?.nextElementSibling?.matches('section.open-rounds')),
      ).resolves.toBe(true);
      // The text can fill the first screen: a line under the heading says at once that it is open for comment.
      const pointer = main(page).locator('p.open-rounds-pointer');
      await expect(pointer.textContent()).resolves.toMatch(/^Open for comment\W+Join the discussion/);
      await pointer.getByRole('link', { name: /^Join the discussion/ }).waitFor();
      await expect(topOnPage(pointer)).resolves.toBeLessThan(740);
      await audit(page, 'recommendation, 360 px');
      // By keyboard.
      await join.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${baseUrl()}${threadPath}`);
      await page.getByRole('heading', { level: 1, name: /Recommendation\W+PC-1/ }).waitFor();
      await audit(page, 'thread, signed out, 360 px');

      expect(visited.filter((entry) => entry.violations.length > 0)).toEqual([]);
      // The visitor leaves: the next test counts who is in this thread.
      await context.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'lets two participants discuss live, react and rate',
    async () => {
      expect(threadPath).not.toBe('');
      const amina: Person = { email: `amina-${stamp}@e2e.test`, password: 'lantern river morning', displayName: 'Amina Journey' };
      const bashir: Person = { email: `bashir-${stamp}@e2e.test`, password: 'harbour kite evening', displayName: 'Bashir Journey' };
      const first = await newPage();
      const second = await newPage();
      await countLiveSockets(first);
      await countLiveSockets(second);
      await joinPlatform(first, amina);
      await joinPlatform(second, bashir);

      // The first finds the thread through the pages; the second opens it directly.
      await first.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Consultations' }).click();
      await first.getByRole('heading', { level: 1, name: 'Consultations' }).waitFor();
      await audit(first);
      await main(first).getByRole('link', { name: roundTitle }).click();
      await first.getByRole('heading', { level: 1, name: new RegExp(roundTitle) }).waitFor();
      await main(first).getByText('Comments appear as soon as they are posted.').waitFor();
      await audit(first);
      await main(first).locator(`a[href="${threadPath}"]`).click();
      await first.waitForURL(`${baseUrl()}${threadPath}`);
      await first.getByRole('heading', { level: 1, name: /Recommendation\W+PC-1/ }).waitFor();
      await waitUntilLive(first);
      await audit(first);

      await second.goto(`${baseUrl()}${threadPath}`);
      await second.getByRole('heading', { level: 1, name: /Recommendation\W+PC-1/ }).waitFor();
      await waitUntilLive(second);
      await first.getByText('2 people are here now').waitFor({ timeout: LIVE_WAIT_MS });
      // Signed in on a thread page, each tab holds one live socket: the thread's room and the
      // header's notifications share it.
      await expect(openLiveSockets(first, 1)).resolves.toBe(1);
      await expect(openLiveSockets(second, 1)).resolves.toBe(1);

      // A comment from the first arrives on the second's page without a reload, and is announced.
      const text = `Recruitment fees are still charged in ${stamp}.`;
      await first.getByRole('textbox', { name: 'Your comment' }).fill(text);
      await first.getByLabel('Your stance (optional)').selectOption('concern');
      await first.getByLabel('About a country (optional)').selectOption('NPL');
      await main(first).getByRole('button', { name: 'Post comment' }).click();
      await main(first).getByText('Your comment has been posted.').waitFor();
      await commentArticle(first, text).waitFor();

      await commentArticle(second, text).waitFor({ timeout: LIVE_WAIT_MS });
      await expect(second.locator('.live-announcements').textContent()).resolves.toContain(`New comment from ${amina.displayName}`);
      await expect(commentArticle(second, text).textContent()).resolves.toMatch(/Concern/);
      await expect(main(second).locator('article.comment', { hasText: text }).count()).resolves.toBe(1);

      // The second replies and agrees; the first sees both without a reload.
      const reply = `Which agencies? (${stamp})`;
      await commentArticle(second, text).getByRole('button', { name: 'Reply' }).click();
      await second.getByRole('textbox', { name: 'Your reply' }).fill(reply);
      await main(second).getByRole('button', { name: 'Post reply' }).click();
      await main(second).getByText('Your reply has been posted.').waitFor();
      await commentArticle(second, reply).waitFor();
      const agree = commentArticle(second, text).getByRole('button', { name: /^Agree/ });
      await agree.click();
      await agree.and(second.locator('[aria-pressed="true"]')).waitFor();
      await expect(agree.textContent()).resolves.toContain('1');
      await audit(second, 'replied and agreed');

      await commentArticle(first, reply).waitFor({ timeout: LIVE_WAIT_MS });
      await expect(first.locator('.live-announcements').textContent()).resolves.toContain(`New reply from ${bashir.displayName}`);
      const firstAgree = commentArticle(first, text).getByRole('button', { name: /^Agree/ });
      await first.waitForFunction((element) => element?.textContent?.includes('1') ?? false, await firstAgree.elementHandle(), {
        timeout: LIVE_WAIT_MS,
      });
      await expect(firstAgree.getAttribute('aria-pressed')).resolves.toBe('false');

      // The first rates Nepal with evidence.
      await first.getByLabel('Country', { exact: true }).selectOption('NPL');
      const rating = main(first)
        .locator('form')
        .filter({ has: first.getByRole('button', { name: 'Save my rating' }) });
      await rating.getByRole('radio', { name: '3 – Largely implemented' }).check();
      await rating.getByLabel('Evidence (optional)').fill('The 2025 recruitment law caps fees, but enforcement is weak.');
      await rating.getByLabel('Link to a source (optional)').fill('https://example.org/recruitment-report');
      await rating.getByRole('button', { name: 'Save my rating' }).click();
      await rating.getByText(/Your rating for .*Nepal.* has been saved\./).waitFor();
      // One rater is fewer than 5: the public summary shows no numbers, and says why.
      await main(first)
        .getByText(/No figures for this country yet: they appear once at least 5 people have given a score/)
        .waitFor();
      await main(first).getByText('Why some numbers are missing or change only now and then').first().waitFor();
      await audit(first, 'commented and rated');

      // The thread on a 360 px phone: the discussion starts within the first two screens (740 px
      // each), above the ratings and the rating form, for the participant and for a reader.
      await first.setViewportSize({ width: 360, height: 740 });
      await audit(first, '360 px');
      await expect(topOnPage(main(first).locator('article.comment').first())).resolves.toBeLessThanOrEqual(1480);
      const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      contexts.push(phone);
      const reader = await phone.newPage();
      await reader.goto(`${baseUrl()}${threadPath}?country=NPL`);
      await main(reader)
        .getByRole('heading', { name: /What participants say about .*Nepal/ })
        .waitFor();
      await commentArticle(reader, text).waitFor();
      await audit(reader, 'signed out, 360 px');
      await expect(topOnPage(main(reader).locator('article.comment').first())).resolves.toBeLessThanOrEqual(1480);

      expect(visited.filter((entry) => entry.violations.length > 0)).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
