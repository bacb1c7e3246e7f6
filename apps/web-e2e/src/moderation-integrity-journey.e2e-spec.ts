import type { Browser, BrowserContext, Page } from 'playwright-core';
import { E2E_ADMIN as ADMIN, baseUrl, launchBrowser, overflowsHorizontally, seriousViolations } from './support/browser.js';
import { api, createAccount, signInByApi } from './support/api.js';

/**
 * Moderation that cannot be turned against critics, end to end. Setup through the API: an open
 * round about Nepal, a verified government organisation of Nepal whose official is an active
 * member, a second moderator, an author, a replier, a reporter and a safeguarding officer of the
 * round. Then, each in a browser of their own: the admin makes the official a moderator of the
 * round on its edit page; the author comments about Nepal and the replier answers; the official
 * hides the reply from the thread and is told it waits for a co-signature (a government tie to
 * Nepal); the second moderator co-signs from the thread and the reply becomes a tombstone naming
 * the rule; the replier reads the notification with rule and reason and appeals; the reporter
 * reports the top-level comment for safeguarding, which signed-out readers can still read until
 * the round's safeguarding officer hides it from the thread. axe-core runs on every new page; the
 * author and the replier use a 360 px phone, and none of their pages scrolls sideways.
 */

const JOURNEY_TIMEOUT_MS = 300_000;

interface Person {
  email: string;
  password: string;
  displayName: string;
  id?: string;
  token?: string;
}

describe('moderation integrity journey', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const visited: Array<{ url: string; violations: string[] }> = [];
  const stamp = Date.now().toString(36);
  const roundTitle = `Integrity review ${stamp}`;
  const organisationName = `Ministry of Labour of Nepal ${stamp}`;
  const topText = `Recruitment agencies in Kathmandu still charge workers fees (${stamp}).`;
  const replyText = `The ministry official Hari at the Kathmandu desk took a bribe from me (${stamp}).`;
  const hideReason = `Accuses a named person without evidence (${stamp}).`;
  const safeguardingReason = `The comment exposes a worker who may be at risk (${stamp}).`;
  const people: Record<'official' | 'm2' | 'author' | 'replier' | 'reporter' | 'officer', Person> = {
    official: { email: `int-official-${stamp}@e2e.test`, password: 'mountain ledger dawn', displayName: `Oja Official ${stamp}` },
    m2: { email: `int-m2-${stamp}@e2e.test`, password: 'copper meadow dusk', displayName: `Mira Moderator ${stamp}` },
    author: { email: `int-author-${stamp}@e2e.test`, password: 'lantern river morning', displayName: `Asha Author ${stamp}` },
    replier: { email: `int-replier-${stamp}@e2e.test`, password: 'harbour kite evening', displayName: `Ravi Replier ${stamp}` },
    reporter: { email: `int-reporter-${stamp}@e2e.test`, password: 'willow candle night', displayName: `Rita Reporter ${stamp}` },
    officer: { email: `int-officer-${stamp}@e2e.test`, password: 'beacon harbour noon', displayName: `Sana Safeguarding ${stamp}` },
  };
  let adminToken = '';
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

  /** axe-core while a dialog is open (the page behind it is inert). */
  async function auditDialog(page: Page, label: string): Promise<void> {
    visited.push({ url: `${page.url()} (${label})`, violations: await seriousViolations(page) });
    expect(await overflowsHorizontally(page)).toBe(false);
  }

  function main(page: Page) {
    return page.locator('main');
  }

  /** Waits (up to 10 s) until `check` holds: what the page saved, read back through the API. */
  async function eventually(check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('Not saved within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function signIn(page: Page, person: Pick<Person, 'email' | 'password'>, path: string): Promise<void> {
    await page.goto(`${baseUrl()}/sign-in?next=${encodeURIComponent(path)}`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await main(page).getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl()}${path}`);
  }

  function commentArticle(page: Page, text: string | RegExp) {
    return main(page).locator('article.comment').filter({ hasText: text });
  }

  async function openThread(page: Page): Promise<void> {
    await page.getByRole('heading', { level: 1, name: /Recommendation\W+PC-1/ }).waitFor();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    adminToken = (await signInByApi(ADMIN)).accessToken;
    const opensAt = new Date(Date.now() - 60_000).toISOString();
    const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const round = await api<{ id: string }>('/consultations', {
      method: 'POST',
      token: adminToken,
      body: {
        title: roundTitle,
        description: 'Moderated afterwards, with co-signing.',
        opensAt,
        closesAt,
        recommendationCodes: ['PC-1'],
        countryIso3s: ['NPL'],
        moderationMode: 'post',
      },
    });
    roundId = round.id;
    threadPath = `/consultations/${roundId}/recommendations/PC-1`;
    await api(`/consultations/${roundId}`, { method: 'PATCH', token: adminToken, body: { status: 'open' } });
    for (const person of Object.values(people)) {
      const session = await createAccount(person);
      person.id = session.user.id;
      person.token = session.accessToken;
    }
    // The official registers their ministry (an active member from the start); the secretariat verifies it.
    const organisation = await api<{ id: string }>('/organisations', {
      method: 'POST',
      token: people.official.token,
      body: { name: organisationName, stakeholderType: 'government', countryIso3: 'NPL' },
    });
    await api(`/organisations/${organisation.id}/verify`, { method: 'POST', token: adminToken });
    for (const moderator of [people.official, people.m2]) {
      await api(`/users/${moderator.id}/roles`, { method: 'PATCH', token: adminToken, body: { roles: ['participant', 'moderator'] } });
    }
    // The second moderator is on the round already; the official is added through the admin page below.
    await api(`/consultations/${roundId}/moderators`, { method: 'PUT', token: adminToken, body: { userIds: [people.m2.id] } });
    await api(`/consultations/${roundId}/safeguarding-officers`, {
      method: 'PUT',
      token: adminToken,
      body: { userIds: [people.officer.id] },
    });
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it(
    'co-signs a conflicted decision from the thread, notifies and lets the author appeal, and hides a safeguarding concern',
    async () => {
      // (a) The admin makes the official a moderator of the round on its edit page.
      const admin = await newPage();
      const editPath = `/admin/consultations/${roundId}/edit`;
      await signIn(admin, ADMIN, editPath);
      await main(admin).getByRole('heading', { name: 'Moderators', exact: true }).waitFor();
      // The innermost section under that heading (the page's own sections hold it too).
      const team = main(admin)
        .locator('section')
        .filter({ has: admin.getByRole('heading', { name: 'Moderators', exact: true }) })
        .last();
      await team
        .getByLabel(/^Find a person/)
        .first()
        .fill(people.official.displayName);
      await team.getByRole('button', { name: `Add ${people.official.displayName} as moderator` }).click();
      await eventually(async () =>
        (await api<{ userIds: string[] }>(`/consultations/${roundId}/moderators`, { token: adminToken })).userIds.includes(
          people.official.id!,
        ),
      );
      expect((await api<{ userIds: string[] }>(`/consultations/${roundId}/moderators`, { token: adminToken })).userIds.sort()).toEqual(
        [people.official.id!, people.m2.id!].sort(),
      );
      await audit(admin, 'moderators');

      // (b) The author (on a phone) comments about Nepal; the replier answers in that thread.
      const author = await newPage(360);
      await signIn(author, people.author, threadPath);
      await openThread(author);
      await author.getByRole('textbox', { name: 'Your comment' }).fill(topText);
      await main(author).getByLabel('About a country (optional)').first().selectOption('NPL');
      await main(author).getByRole('button', { name: 'Post comment' }).click();
      await main(author).getByText('Your comment has been posted.').waitFor();
      await commentArticle(author, topText).waitFor();
      await audit(author, '360 px');

      const replier = await newPage(360);
      await signIn(replier, people.replier, threadPath);
      await openThread(replier);
      const top = commentArticle(replier, topText);
      await top.waitFor();
      await top.getByRole('button', { name: 'Reply' }).click();
      await top.getByRole('textbox', { name: 'Your reply' }).fill(replyText);
      await top.getByRole('button', { name: 'Post reply' }).click();
      await main(replier).getByText('Your reply has been posted.').waitFor();
      await commentArticle(replier, replyText).waitFor();
      await audit(replier, '360 px');

      // (c) The official hides the reply from the thread: their tie to Nepal makes it a proposal.
      const official = await newPage();
      await signIn(official, people.official, threadPath);
      await openThread(official);
      const reply = commentArticle(official, replyText);
      await reply.waitFor();
      await reply.getByRole('button', { name: 'Moderate' }).click();
      const menu = official.getByRole('dialog', { name: `Moderate the comment by ${people.replier.displayName}` });
      await menu.waitFor();
      await auditDialog(official, 'moderate menu');
      await menu.getByRole('button', { name: 'Hide' }).click();
      const decide = official.getByRole('dialog', { name: `Hide the comment by ${people.replier.displayName}` });
      await decide.waitFor();
      await decide.getByRole('option', { name: /^R1 — / }).waitFor({ state: 'attached' });
      await decide.getByLabel('House rule').selectOption('R1');
      await decide.getByRole('textbox', { name: 'Reason' }).fill(hideReason);
      await auditDialog(official, 'decision dialog');
      await decide.getByRole('button', { name: 'Hide' }).click();
      await decide.getByText('Waiting for a second moderator to co-sign').waitFor();
      await decide.getByRole('button', { name: 'Done' }).click();
      await decide.waitFor({ state: 'detached' });
      await reply.getByText('Waiting for a second moderator to co-sign').first().waitFor();
      // Still published: nothing changes before the co-signature, and the proposer cannot co-sign.
      await expect(reply.getByRole('button', { name: 'Co-sign' }).count()).resolves.toBe(0);
      await audit(official, 'proposal');

      // (d) The second moderator sees the proposal in the thread and co-signs it: the reply is a tombstone under R1.
      const m2 = await newPage();
      await signIn(m2, people.m2, threadPath);
      await openThread(m2);
      const proposed = commentArticle(m2, replyText);
      await proposed.getByText('Waiting for a second moderator to co-sign').first().waitFor();
      await audit(m2, 'co-sign');
      await proposed.getByRole('button', { name: 'Co-sign' }).click();
      await main(m2)
        .getByText(/You co-signed: the decision under rule .*R1.* now applies/)
        .waitFor();
      await main(m2)
        .locator('article.comment')
        .filter({ hasText: /Removed under rule .*R1/ })
        .waitFor();
      await expect(main(m2).getByText(replyText).count()).resolves.toBe(0);
      await audit(m2, 'tombstone');

      // (e) The replier is told the rule and the reason, and appeals.
      await replier.reload();
      const bell = replier.getByRole('banner').getByRole('link', { name: 'Notifications, 1 unread' });
      await bell.waitFor();
      await bell.click();
      await replier.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      const notice = main(replier).locator('li').filter({ hasText: hideReason });
      await notice.getByRole('heading', { name: /Your comment was hidden under rule .*R1/ }).waitFor();
      await audit(replier, 'notifications, 360 px');
      await notice.getByRole('link', { name: /Appeal this decision/ }).click();
      await replier.getByRole('heading', { level: 1, name: 'Appeal a moderation decision' }).waitFor();
      await main(replier).getByText(hideReason).waitFor();
      await audit(replier, 'appeal form, 360 px');
      await replier
        .getByRole('textbox', { name: 'Why should this decision be changed?' })
        .fill('I reported what happened to me; I can give the receipt to the moderators.');
      await main(replier).getByRole('button', { name: 'Send appeal' }).click();
      await replier.getByRole('heading', { level: 1, name: 'Your appeal' }).waitFor();
      await main(replier)
        .getByText(/Status:\s*Pending/)
        .waitFor();
      await audit(replier, 'appeal, 360 px');

      // (f) A fresh account reports the top-level comment for safeguarding: signed out, it still reads.
      const reporter = await newPage();
      await signIn(reporter, people.reporter, threadPath);
      await openThread(reporter);
      const reported = commentArticle(reporter, topText);
      await reported.getByRole('button', { name: 'Report' }).click();
      const report = reporter.getByRole('dialog', { name: `Report the comment by ${people.author.displayName}` });
      await report.waitFor();
      await report.getByRole('radio', { name: 'Someone may be at risk' }).check();
      await report
        .getByRole('textbox', { name: /Anything the moderators should know/ })
        .fill('The worker it describes could be found by the agency.');
      await report.getByRole('button', { name: 'Send report' }).click();
      await report.getByText('Thanks — moderators will review it.').waitFor();
      await report.getByRole('button', { name: 'Done' }).click();

      const visitor = await newPage();
      await visitor.goto(`${baseUrl()}${threadPath}`);
      await openThread(visitor);
      await commentArticle(visitor, topText).waitFor();

      // The round's safeguarding officer finds the report on the comment and hides it.
      const officer = await newPage();
      await signIn(officer, people.officer, threadPath);
      await openThread(officer);
      const concern = commentArticle(officer, topText);
      await concern.getByRole('button', { name: 'Moderate' }).click();
      const officerMenu = officer.getByRole('dialog', { name: `Moderate the comment by ${people.author.displayName}` });
      await officerMenu.getByRole('button', { name: 'History' }).click();
      const history = officer.getByRole('dialog', { name: `History of the comment by ${people.author.displayName}` });
      await history.getByText('Someone may be at risk: 1').waitFor();
      await history.getByText('The worker it describes could be found by the agency.').waitFor();
      await auditDialog(officer, 'history dialog');
      await history.getByRole('button', { name: 'Close' }).click();
      await concern.getByRole('button', { name: 'Moderate' }).click();
      await officerMenu.getByRole('button', { name: 'Hide' }).click();
      const hide = officer.getByRole('dialog', { name: `Hide the comment by ${people.author.displayName}` });
      await hide.getByRole('option', { name: /^R3 — / }).waitFor({ state: 'attached' });
      await hide.getByLabel('House rule').selectOption('R3');
      await hide.getByRole('textbox', { name: 'Reason' }).fill(safeguardingReason);
      await hide.getByRole('button', { name: 'Hide' }).click();
      await main(officer)
        .getByText(new RegExp(`The comment by ${people.author.displayName} was hidden under rule .*R3`))
        .waitFor();
      await audit(officer, 'safeguarding');

      // Now signed-out readers see the tombstone, with the replies kept under it.
      await visitor.reload();
      await openThread(visitor);
      await main(visitor)
        .locator('article.comment')
        .filter({ hasText: /Removed under rule .*R3/ })
        .waitFor();
      await expect(main(visitor).getByText(topText).count()).resolves.toBe(0);
      await audit(visitor);
      await visitor.setViewportSize({ width: 360, height: 740 });
      await audit(visitor, '360 px');

      // The author, on the phone, sees their comment removed too.
      await author.reload();
      await openThread(author);
      await main(author)
        .locator('article.comment')
        .filter({ hasText: /Removed under rule .*R3/ })
        .waitFor();
      await audit(author, 'tombstone, 360 px');

      expect(visited.filter((entry) => entry.violations.length > 0)).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
