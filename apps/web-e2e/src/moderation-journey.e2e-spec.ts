import type { Browser, BrowserContext, Page } from 'playwright-core';
import { E2E_ADMIN as ADMIN, baseUrl, launchBrowser, overflowsHorizontally, seriousViolations } from './support/browser.js';
import { api, createAccount, signInByApi } from './support/api.js';

/**
 * Moderation with due process, end to end. Setup through the API (as the secretariat would have
 * done it): an open post-moderated round, four confirmed accounts, two of them moderators of the
 * round. Then, each in a browser of their own and through the pages: participant A comments;
 * participant B reports it; moderator M1 hides it under a rule with a reason; A sees the
 * notification with rule and reason, the tombstone in the thread, and appeals; M1 may not decide
 * that appeal (the original decider); M2 overturns it and the comment is back; the public
 * transparency page, signed out, counts both decisions. axe-core runs on every new page, and each
 * is checked for sideways scrolling (A uses a 360 px phone throughout).
 */

const JOURNEY_TIMEOUT_MS = 240_000;

interface Person {
  email: string;
  password: string;
  displayName: string;
  id?: string;
}

describe('moderation journey', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const visited: Array<{ url: string; violations: string[] }> = [];
  const stamp = Date.now().toString(36);
  const roundTitle = `Moderated review ${stamp}`;
  const commentText = `Agency Nine in Pokhara still charges recruitment fees (${stamp}).`;
  const hideReason = `Names a private agency worker and their town (${stamp}).`;
  const people: Record<'a' | 'b' | 'm1' | 'm2', Person> = {
    a: { email: `mod-a-${stamp}@e2e.test`, password: 'lantern river morning', displayName: 'Anjali Author' },
    b: { email: `mod-b-${stamp}@e2e.test`, password: 'harbour kite evening', displayName: 'Bilal Reporter' },
    m1: { email: `mod-m1-${stamp}@e2e.test`, password: 'granite orchard noon', displayName: 'Maya Moderator' },
    m2: { email: `mod-m2-${stamp}@e2e.test`, password: 'copper meadow dusk', displayName: 'Marco Moderator' },
  };
  let roundId = '';
  let threadPath = '';

  async function newPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: width < 400 ? 740 : 900 } });
    contexts.push(context);
    return context.newPage();
  }

  async function audit(page: Page, label = ''): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.locator('main h1').first().waitFor();
    await page
      .locator('[role="status"].loading-status')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    visited.push({ url: `${page.url()}${label ? ` (${label})` : ''}`, violations: await seriousViolations(page) });
    expect(await page.locator('h1').count()).toBe(1);
    expect(await overflowsHorizontally(page)).toBe(false);
  }

  function main(page: Page) {
    return page.locator('main');
  }

  async function signIn(page: Page, person: Person, path: string): Promise<void> {
    await page.goto(`${baseUrl()}/sign-in?next=${encodeURIComponent(path)}`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await main(page).getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl()}${path}`);
  }

  function commentArticle(page: Page, text: string) {
    return main(page).locator('article.comment').filter({ hasText: text });
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = (await signInByApi(ADMIN)).accessToken;
    const opensAt = new Date(Date.now() - 60_000).toISOString();
    const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const round = await api<{ id: string }>('/consultations', {
      method: 'POST',
      token: admin,
      body: {
        title: roundTitle,
        description: 'Moderated afterwards.',
        opensAt,
        closesAt,
        recommendationCodes: ['PC-1'],
        countryIso3s: ['NPL'],
        moderationMode: 'post',
      },
    });
    roundId = round.id;
    threadPath = `/consultations/${roundId}/recommendations/PC-1`;
    await api(`/consultations/${roundId}`, { method: 'PATCH', token: admin, body: { status: 'open' } });
    for (const person of Object.values(people)) person.id = (await createAccount(person)).user.id;
    for (const moderator of [people.m1, people.m2]) {
      await api(`/users/${moderator.id}/roles`, { method: 'PATCH', token: admin, body: { roles: ['participant', 'moderator'] } });
    }
    await api(`/consultations/${roundId}/moderators`, { method: 'PUT', token: admin, body: { userIds: [people.m1.id, people.m2.id] } });
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it(
    'takes a comment from report to removal, notification, appeal and restoration, and counts it in public',
    async () => {
      // A (on a phone) comments in the open, post-moderated round: published at once.
      const a = await newPage(360);
      await signIn(a, people.a, threadPath);
      await a.getByRole('heading', { level: 1, name: /Recommendation\W+PC-1/ }).waitFor();
      await a.getByRole('textbox', { name: 'Your comment' }).fill(commentText);
      await main(a).getByRole('button', { name: 'Post comment' }).click();
      await main(a).getByText('Your comment has been posted.').waitFor();
      await commentArticle(a, commentText).waitFor();
      // Nobody reports their own comment.
      await expect(commentArticle(a, commentText).getByRole('button', { name: 'Report' }).count()).resolves.toBe(0);

      // B reports it through the dialog.
      const b = await newPage();
      await signIn(b, people.b, threadPath);
      const theirs = commentArticle(b, commentText);
      await theirs.waitFor();
      await theirs.getByRole('button', { name: 'Report' }).click();
      const report = b.getByRole('dialog', { name: `Report the comment by ${people.a.displayName}` });
      await report.waitFor();
      await report.getByRole('radio', { name: 'Personal information' }).check();
      await report.getByRole('textbox', { name: /Anything the moderators should know/ }).fill('It names an agency worker.');
      visited.push({ url: `${b.url()} (report dialog)`, violations: await seriousViolations(b) });
      await report.getByRole('button', { name: 'Send report' }).click();
      await report.getByText('Thanks — moderators will review it.').waitFor();
      await report.getByRole('button', { name: 'Done' }).click();
      await report.waitFor({ state: 'detached' });

      // M1 finds the round in the console and hides the comment under R2, with a reason.
      const m1 = await newPage();
      await signIn(m1, people.m1, '/moderation');
      await m1.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
      await audit(m1);
      await main(m1).getByRole('link', { name: roundTitle }).click();
      await m1.getByRole('heading', { level: 1, name: new RegExp(roundTitle) }).waitFor();
      const item = main(m1).locator('li.card').filter({ hasText: commentText });
      await item.waitFor();
      await item.getByText('Reported 1 time').waitFor();
      await item.getByText('It names an agency worker.').waitFor();
      await audit(m1, 'queue');
      await item.getByRole('button', { name: 'Hide' }).click();
      const decide = m1.getByRole('dialog', { name: `Hide the comment by ${people.a.displayName}` });
      await decide.waitFor();
      await decide.getByRole('option', { name: /^R2 — / }).waitFor({ state: 'attached' });
      await decide.getByLabel('House rule').selectOption('R2');
      await decide.getByRole('textbox', { name: 'Reason' }).fill(hideReason);
      visited.push({ url: `${m1.url()} (decision dialog)`, violations: await seriousViolations(m1) });
      await decide.getByRole('button', { name: 'Hide' }).click();
      await main(m1)
        .getByText(new RegExp(`The comment by ${people.a.displayName} was hidden under rule .*R2`))
        .waitFor();

      // A is told, with the rule and the reason, and sees the tombstone in the thread.
      await a.reload();
      const bell = a.getByRole('banner').getByRole('link', { name: 'Notifications, 1 unread' });
      await bell.waitFor();
      await bell.click();
      await a.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      const notice = main(a).locator('li').filter({ hasText: hideReason });
      await notice.getByRole('heading', { name: /Your comment was hidden under rule .*R2/ }).waitFor();
      await audit(a, '360 px');
      await notice.getByRole('link', { name: 'Go to the discussion' }).click();
      await a.getByRole('heading', { level: 1, name: /Recommendation\W+PC-1/ }).waitFor();
      await main(a)
        .getByText(/Removed under rule .*R2.* on /)
        .waitFor();
      await expect(main(a).getByText(commentText).count()).resolves.toBe(0);
      await audit(a, 'tombstone, 360 px');

      // A appeals through the form linked from the notification.
      await a.goBack();
      await a.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await main(a)
        .getByRole('link', { name: /Appeal this decision/ })
        .click();
      await a.getByRole('heading', { level: 1, name: 'Appeal a moderation decision' }).waitFor();
      await main(a).getByText(hideReason).waitFor();
      await audit(a, '360 px');
      await a
        .getByRole('textbox', { name: 'Why should this decision be changed?' })
        .fill('The agency is a registered company; I named no person.');
      await main(a).getByRole('button', { name: 'Send appeal' }).click();
      await a.getByRole('heading', { level: 1, name: 'Your appeal' }).waitFor();
      await main(a)
        .getByText(/Status:\s*Pending/)
        .waitFor();
      const appealPath = new URL(a.url()).pathname;
      expect(appealPath).toMatch(/^\/appeals\/[0-9a-f-]{36}$/);
      await audit(a, '360 px');

      // M1 made the decision, so M1 may not decide the appeal.
      await m1.goto(`${baseUrl()}/moderation/${roundId}?tab=appeals`);
      const pendingM1 = main(m1).getByRole('list', { name: 'Pending appeals' }).locator('li.card').first();
      await pendingM1.waitFor();
      await pendingM1.getByRole('button', { name: 'Decide the appeal' }).click();
      const refused = m1.getByRole('dialog', { name: 'Decide the appeal' });
      await refused.getByRole('radio', { name: /^Overturn/ }).check();
      await refused.getByRole('textbox', { name: 'Reason' }).fill('Trying to decide my own case.');
      await refused.getByRole('button', { name: 'Decide' }).click();
      await refused.getByText('You made the original decision; another moderator must decide this appeal.').first().waitFor();
      await refused.getByRole('button', { name: 'Cancel' }).click();

      // M2 overturns it.
      const m2 = await newPage();
      await signIn(m2, people.m2, `/moderation/${roundId}?tab=appeals`);
      const pending = main(m2).getByRole('list', { name: 'Pending appeals' }).locator('li.card').first();
      await pending.waitFor();
      await pending.getByText('The agency is a registered company; I named no person.').waitFor();
      await audit(m2, 'appeals');
      await pending.getByRole('button', { name: 'Decide the appeal' }).click();
      const overturn = m2.getByRole('dialog', { name: 'Decide the appeal' });
      await overturn.getByRole('radio', { name: /^Overturn/ }).check();
      await overturn.getByRole('textbox', { name: 'Reason' }).fill('A registered company is not personal information.');
      await overturn.getByRole('button', { name: 'Decide' }).click();
      await main(m2)
        .getByText(/The appeal is decided: Overturned/)
        .waitFor();
      await main(m2).getByRole('link', { name: 'Decisions' }).click();
      await main(m2).getByRole('table', { name: 'Decisions in this round, newest first' }).waitFor();
      await audit(m2, 'decisions');
      await m2.setViewportSize({ width: 360, height: 740 });
      await audit(m2, 'decisions, 360 px');

      // The comment is back in the thread, and A's appeal page says so.
      await a.goto(`${baseUrl()}${threadPath}`);
      await commentArticle(a, commentText).waitFor();
      await a.goto(`${baseUrl()}${appealPath}`);
      await main(a).getByText('The decision was reversed: your comment has been restored.').waitFor();

      // Signed out, the public page counts both decisions of this round: one hide, one restore.
      const visitor = await newPage();
      await visitor.goto(`${baseUrl()}/transparency?round=${roundId}`);
      await visitor.getByRole('heading', { level: 1, name: 'Moderation in numbers' }).waitFor();
      const table = main(visitor).getByRole('table', { name: 'Moderation decisions per month, by rule and action' });
      await table.waitFor();
      const totals = await table.locator('tfoot td').allTextContents();
      // Approve, Hide, Restore, Reject, Total.
      expect(totals).toEqual(['0', '1', '1', '0', '2']);
      await main(visitor)
        .getByRole('table', { name: 'Appeals by outcome' })
        .getByRole('row', { name: /Overturned.*1/ })
        .waitFor();
      await audit(visitor);
      await visitor.goto(`${baseUrl()}/rules#R2`);
      await visitor.getByRole('heading', { level: 2, name: /R2/ }).waitFor();
      await audit(visitor, 'rules');
      await visitor.setViewportSize({ width: 360, height: 740 });
      await visitor.goto(`${baseUrl()}/transparency?round=${roundId}`);
      await main(visitor).getByRole('table', { name: 'Moderation decisions per month, by rule and action' }).waitFor();
      await audit(visitor, '360 px');

      expect(visited.filter((entry) => entry.violations.length > 0)).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
