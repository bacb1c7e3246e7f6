import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openRoundByApi, signInByApi } from './support/api.js';
import { baseUrl, E2E_ADMIN, launchBrowser, overflowsHorizontally, seriousViolations } from './support/browser.js';
import { mailLink } from './support/mail.js';

/**
 * Taking part in Arabic (right to left) and in Thai (no spaces between words), on a 360 px phone,
 * the way a migrant worker would: the interface comes up in the phone's language; they sign up,
 * confirm the mail, sign in, comment and rate in a thread, and find their own comment again by one
 * of its words. Every page is checked with axe and for sideways scrolling; the Arabic pages are
 * mirrored. Labels come from the locale files, so the journey reads what the person reads.
 */
/** The words of the locale file this journey reads. */
interface Strings {
  auth: { emailLabel: string; passwordLabel: string };
  signUp: { heading: string; submit: string; sentHeading: string; displayNameLabel: string; privacy: { public: string } };
  verifyEmail: { doneHeading: string };
  signIn: { submit: string };
  profile: { heading: string };
  composer: { bodyLabel: string; languageLabel: string; submit: string };
  ratingForm: { submit: string };
  consultation: { searchLabel: string; searchResultsLabel: string };
}

/** A locale file of the web app, read as the browser gets it. */
function strings(code: string): Strings {
  return JSON.parse(readFileSync(new URL(`../../web/src/locales/${code}/translation.json`, import.meta.url), 'utf8')) as Strings;
}

const JOURNEY_TIMEOUT_MS = 150_000;
const WAIT_MS = 20_000;

const LANGUAGES = [
  {
    code: 'ar',
    strings: strings('ar'),
    dir: 'rtl',
    comment: 'صاحب العمل يحتفظ بجوازات سفر العمال في المزرعة ولا يعيدها إليهم',
    word: 'المزرعة',
  },
  {
    code: 'th',
    strings: strings('th'),
    dir: 'ltr',
    comment: 'นายจ้างยึดหนังสือเดินทางของคนงานในโรงงานแปรรูปอาหารทะเลและไม่ยอมคืน',
    // In the middle of a run of Thai letters: found only if words are segmented.
    word: 'แปรรูป',
  },
] as const;

describe('taking part in Arabic and in Thai', () => {
  let browser: Browser;
  let roundId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = (await signInByApi(E2E_ADMIN)).accessToken;
    roundId = await openRoundByApi(admin, {
      title: `Regional languages ${Date.now().toString(36)}`,
      description: 'A round taken part in in the languages of the region.',
      recommendationCodes: ['PC-1'],
      countryIso3s: ['NPL', 'THA'],
    });
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  describe.each(LANGUAGES)('$code', ({ code, strings: s, dir, comment, word }) => {
    let context: BrowserContext;
    let page: Page;
    const violations: Array<{ where: string; found: string[] }> = [];
    const person = {
      email: `lang-${code}-${Date.now().toString(36)}@e2e.test`,
      password: `a passphrase for ${code} that is long enough`,
      displayName: code === 'ar' ? 'فاطمة' : 'สมศรี',
    };
    const main = () => page.locator('main');

    async function audit(where: string): Promise<void> {
      await page.waitForLoadState('networkidle');
      await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual([code, dir]);
      violations.push({ where, found: await seriousViolations(page) });
      expect(await overflowsHorizontally(page)).toBe(false);
    }

    beforeAll(async () => {
      context = await browser.newContext({ locale: code, viewport: { width: 360, height: 740 }, isMobile: true });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it(
      'signs up, confirms the mail, comments and rates, and finds the comment again by a word of it',
      async () => {
        // The phone's language is the interface's: nothing to choose first.
        await page.goto(`${baseUrl()}/sign-up`);
        await page.getByRole('heading', { level: 1, name: s.signUp.heading }).waitFor();
        await audit('sign-up');
        if (dir === 'rtl') {
          // Mirrored: the site's name sits at the right edge of the header.
          const box = await page.locator('.site-header__name').boundingBox();
          expect(box && box.x + box.width).toBeGreaterThan(360 / 2);
        }
        await page.getByLabel(s.auth.emailLabel, { exact: true }).fill(person.email);
        await page.getByLabel(s.auth.passwordLabel, { exact: true }).fill(person.password);
        await page.getByRole('radio', { name: s.signUp.privacy.public }).check();
        await page.getByLabel(s.signUp.displayNameLabel, { exact: true }).fill(person.displayName);
        await main().getByRole('button', { name: s.signUp.submit }).click();
        await page.getByRole('heading', { level: 1, name: s.signUp.sentHeading }).waitFor();

        const link = await mailLink(person.email, '/verify-email');
        await page.goto(`${baseUrl()}${link.pathname}${link.hash}`);
        await page.getByRole('heading', { level: 1, name: s.verifyEmail.doneHeading }).waitFor();
        await audit('email confirmed');

        await page.goto(`${baseUrl()}/sign-in`);
        await page.getByLabel(s.auth.emailLabel, { exact: true }).fill(person.email);
        await page.getByLabel(s.auth.passwordLabel, { exact: true }).fill(person.password);
        await main().getByRole('button', { name: s.signIn.submit }).click();
        await page.getByRole('heading', { level: 1, name: s.profile.heading }).waitFor({ timeout: WAIT_MS });

        // The thread, its recommendation in this language (an unofficial translation, said so).
        await page.goto(`${baseUrl()}/consultations/${roundId}/recommendations/PC-1?country=NPL`);
        await main().locator('.translation-notice').first().waitFor({ timeout: WAIT_MS });
        const composer = page.getByLabel(s.composer.bodyLabel, { exact: true });
        await composer.waitFor({ timeout: WAIT_MS });
        await audit('thread');
        // Written in the interface language unless changed.
        await expect(page.getByLabel(s.composer.languageLabel, { exact: true }).inputValue()).resolves.toBe(code);
        await composer.fill(comment);
        await main().getByRole('button', { name: s.composer.submit }).click();
        const posted = main().locator(`.comment__body[lang="${code}"]`).filter({ hasText: comment });
        await posted.waitFor({ timeout: WAIT_MS });

        const rating = main()
          .locator('form')
          .filter({ has: page.getByRole('button', { name: s.ratingForm.submit }) });
        await rating.getByRole('radio').nth(3).check();
        await rating.getByRole('button', { name: s.ratingForm.submit }).click();
        await rating.getByRole('status').filter({ hasText: /\S/ }).first().waitFor({ timeout: WAIT_MS });
        await audit('commented and rated');

        // The round's search finds the comment by one of its words.
        await page.goto(`${baseUrl()}/consultations/${roundId}`, { waitUntil: 'networkidle' });
        // Once the page is live: this journey is about finding words in each script. Typing before
        // hydration is server-render.e2e-spec.ts's subject (a search sent mid-hydration still races here).
        await page.waitForFunction(() => Array.isArray((window as { __cvHydrationErrors?: unknown[] }).__cvHydrationErrors));
        const search = page.getByRole('searchbox', { name: s.consultation.searchLabel });
        await search.fill(word);
        await search.press('Enter');
        await main().getByRole('list', { name: s.consultation.searchResultsLabel }).getByText(comment).waitFor({ timeout: WAIT_MS });
        await audit('search');

        expect(violations.filter((entry) => entry.found.length > 0)).toEqual([]);
      },
      JOURNEY_TIMEOUT_MS,
    );
  });
});
