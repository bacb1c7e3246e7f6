import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { E2E_ADMIN as ADMIN, baseUrl, launchBrowser, overflowsHorizontally, seriousViolations } from './support/browser.js';
import { api, createAccount, signInByApi } from './support/api.js';

/**
 * Exports, reports and dashboards, end to end. Setup through the API: a round on PC-1 and HR-1 in
 * Nepal, six participants who each rate PC-1 (enough for public numbers), one comment; the round
 * is then closed and its public pack published (so the open-data page has something to list).
 * Through the pages: the administrator signs in, opens the exports page, exports the round as a
 * pack (ZIP) and as a report (PDF), watches the progress bar, and downloads both with the
 * single-use links (ZIP starts with "PK", PDF with "%PDF"). Signed out, the dashboard shows the
 * round's numbers and the open-data page its pack. axe-core runs on every new page, also at 360 px.
 */

const JOURNEY_TIMEOUT_MS = 300_000;
const EXPORT_WAIT_MS = 60_000;

/** Waits until an export of mine has finished, by API (for the published pack). */
async function waitForExport(id: string, token: string): Promise<{ status: string }> {
  const deadline = Date.now() + EXPORT_WAIT_MS;
  for (;;) {
    const job = await api<{ status: string }>(`/exports/${id}`, { token });
    if (job.status !== 'queued' && job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`export ${id} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('exports journey', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const visited: Array<{ url: string; violations: string[] }> = [];
  const stamp = Date.now().toString(36);
  const roundTitle = `Export review ${stamp}`;
  let roundId = '';

  async function newPage(width = 1280, acceptDownloads = false): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: width < 400 ? 740 : 900 }, acceptDownloads });
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
    expect({ label, h1: await page.locator('h1').count() }).toEqual({ label, h1: 1 });
    const overflows = await overflowsHorizontally(page);
    // On failure, name the elements that stick out, so the message says what to fix.
    const culprits = overflows ? await widerThanViewport(page) : [];
    expect({ label, overflows, culprits }).toEqual({ label, overflows: false, culprits: [] });
  }

  function widerThanViewport(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node && found.length < 8; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('.table-scroll')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const right = range.getBoundingClientRect().right;
        if (right > limit + 1)
          found.push(
            `${parent.tagName.toLowerCase()}.${parent.getAttribute('class') ?? ''} "${(node.textContent ?? '').slice(0, 40)}" → ${Math.round(right)}px`,
          );
      }
      for (const element of Array.from(document.querySelectorAll('body *'))) {
        if (found.length >= 12) break;
        if (element.parentElement?.closest('.table-scroll')) continue;
        const right = element.getBoundingClientRect().right;
        if (right > limit + 1)
          found.push(`${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''} → ${Math.round(right)}px`);
      }
      found.push(`scrollWidth ${document.documentElement.scrollWidth} / clientWidth ${limit}`);
      return found;
    });
  }

  function main(page: Page) {
    return page.locator('main');
  }

  /** The first bytes and the size of a finished download. */
  async function downloaded(download: Download): Promise<{ name: string; head: string; size: number }> {
    const path = await download.path();
    const bytes = await readFile(path);
    return { name: download.suggestedFilename(), head: bytes.subarray(0, 4).toString('latin1'), size: bytes.length };
  }

  /** Start an export from the form and wait for its Download link in the list (the progress bar shown on the way). */
  async function exportFromForm(page: Page, dataset: string, format: string) {
    const form = main(page).locator('form.export-form');
    await form.getByRole('radio', { name: dataset, exact: true }).check();
    const formats = await form.getByRole('group', { name: 'Format' }).getByRole('radio').count();
    expect(formats).toBe(1);
    await expect(form.getByRole('radio', { name: format, exact: true }).isChecked()).resolves.toBe(true);
    await form.getByLabel('Consultation round').selectOption(roundId);
    await form.getByRole('button', { name: 'Start the export' }).click();
    const name = `${dataset}, ${format}`;
    await form.getByText(`Export started: ${name}.`, { exact: false }).waitFor();
    const item = main(page)
      .locator('li.export-job')
      .filter({ has: page.getByRole('heading', { level: 3, name }) })
      .first();
    await item.getByRole('progressbar').waitFor();
    const link = item.getByRole('link', { name: /^Download / });
    await link.waitFor({ timeout: EXPORT_WAIT_MS });
    return { item, link };
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
        description: 'Exported at the end.',
        opensAt,
        closesAt,
        recommendationCodes: ['PC-1', 'HR-1'],
        countryIso3s: ['NPL'],
        moderationMode: 'post',
      },
    });
    roundId = round.id;
    await api(`/consultations/${roundId}`, { method: 'PATCH', token: admin, body: { status: 'open' } });

    // Six raters: enough (≥ 5) for the public to see PC-1's numbers for Nepal.
    for (let index = 0; index < 6; index += 1) {
      const person = { email: `exp-${index}-${stamp}@e2e.test`, password: `harbour kite evening ${index}`, displayName: `Rater ${index}` };
      const token = (await createAccount(person)).accessToken;
      await api(`/consultations/${roundId}/recommendations/PC-1/ratings/NPL`, { method: 'PUT', token, body: { score: index % 5 } });
      if (index === 0) {
        await api(`/consultations/${roundId}/recommendations/PC-1/comments`, {
          method: 'POST',
          token,
          body: { body: `Recruitment fees are still charged in Kathmandu (${stamp}).`, countryIso3: 'NPL' },
        });
      }
    }

    // Closed, and its public pack published on the open-data page.
    await api(`/consultations/${roundId}`, { method: 'PATCH', token: admin, body: { status: 'closed' } });
    const published = await api<{ id: string }>('/exports', {
      method: 'POST',
      token: admin,
      body: { dataset: 'pack', format: 'zip', privacy: 'public', filters: { consultationId: roundId }, publish: true },
    });
    expect((await waitForExport(published.id, admin)).status).toBe('done');
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it(
    'exports a round as a pack and a report, downloads both, and shows the dashboard and open data in public',
    async () => {
      const page = await newPage(1280, true);
      await page.goto(`${baseUrl()}/sign-in?next=${encodeURIComponent('/admin/users')}`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.getByLabel('Email address').fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await main(page).getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${baseUrl()}/admin/users`);

      // From the administration menu to the exports page.
      await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Exports' }).click();
      await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
      await main(page).getByRole('option', { name: roundTitle }).waitFor({ state: 'attached' });
      await audit(page, 'exports');

      // The pack (ZIP): progress bar, then a single-use link the browser downloads.
      const pack = await exportFromForm(page, 'Complete pack', 'ZIP');
      await pack.item.getByText('100% done').waitFor();
      const packDownload = page.waitForEvent('download');
      await pack.link.click();
      const zip = await downloaded(await packDownload);
      expect(zip.name).toMatch(/\.zip$/);
      expect(zip.size).toBeGreaterThan(0);
      expect(zip.head.slice(0, 2)).toBe('PK');
      await pack.item.getByText(/^[0-9a-f]{8}…[0-9a-f]{8}$/).waitFor();

      // The report (PDF), the same way.
      const report = await exportFromForm(page, 'Report', 'PDF');
      const reportDownload = page.waitForEvent('download');
      await report.link.click();
      const pdf = await downloaded(await reportDownload);
      expect(pdf.name).toMatch(/\.pdf$/);
      expect(pdf.size).toBeGreaterThan(0);
      expect(pdf.head).toBe('%PDF');
      await audit(page, 'two finished exports');

      // A second click on a used link fetches a fresh one first, and downloads again.
      const again = page.waitForEvent('download');
      await pack.link.click();
      const zipAgain = await downloaded(await again);
      expect(zipAgain.head.slice(0, 2)).toBe('PK');

      await page.setViewportSize({ width: 360, height: 740 });
      await audit(page, '360 px');

      // Signed out: the dashboard for this round, with Nepal's PC median in the heatmap.
      const visitor = await newPage();
      await visitor.goto(`${baseUrl()}/`);
      await visitor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await visitor.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await main(visitor).getByLabel('Consultation round').selectOption(roundId);
      await main(visitor).getByRole('button', { name: 'Show results' }).click();
      await visitor.waitForURL(new RegExp(`/dashboard\\?round=${roundId}$`));
      const heatmap = main(visitor).getByRole('table', { name: 'Median implementation rating (0–4) by country and guiding principle' });
      await heatmap.getByRole('row', { name: /Nepal/ }).waitFor();
      await main(visitor).getByRole('heading', { level: 2, name: 'How each recommendation was rated' }).waitFor();
      await audit(visitor, 'dashboard');
      await main(visitor).getByText('Show as table').first().click();
      await audit(visitor, 'dashboard, table shown');

      // The open-data page lists the published pack, linked from the footer.
      await visitor.getByRole('navigation', { name: 'Data' }).getByRole('link', { name: 'Open data' }).click();
      await visitor.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
      const published = main(visitor)
        .locator('li')
        .filter({ has: visitor.getByRole('heading', { level: 2, name: roundTitle }) });
      await published.getByRole('link', { name: /^Download the data \(ZIP, / }).waitFor();
      await published.getByRole('link', { name: 'Codebook: what each column means' }).waitFor();
      await audit(visitor, 'open data');

      const phone = await newPage(360);
      await phone.goto(`${baseUrl()}/dashboard?round=${roundId}`);
      await main(phone)
        .getByRole('table', { name: /Median implementation rating/ })
        .waitFor();
      await audit(phone, 'dashboard, 360 px');
      await phone.goto(`${baseUrl()}/open-data`);
      await main(phone).getByRole('heading', { level: 2, name: roundTitle }).waitFor();
      await audit(phone, 'open data, 360 px');

      expect(visited.filter((entry) => entry.violations.length > 0)).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
