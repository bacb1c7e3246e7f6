import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousViolations } from './support/browser.js';

/**
 * The accessibility check every journey relies on must be able to fail: a page with an image
 * without text and unreadable grey-on-white text is reported, on the first check and on a later
 * check of the same document (axe is then already loaded, as after a client-side navigation).
 */
describe('the axe-core check', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('passes a clean page and reports serious violations, also when they appear after the first check', async () => {
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>Clean</title></head><body><main><h1>Clean</h1><p>Readable text.</p></main></body></html>',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      const faint = document.createElement('p');
      faint.textContent = 'Too faint to read';
      faint.style.color = '#ddd';
      document.querySelector('main')?.append(image, faint);
    });
    const violations = await seriousViolations(page);
    expect(violations.map((violation) => violation.split(':')[0]).sort()).toEqual(['color-contrast', 'image-alt']);
    expect(violations.join('\n')).toContain('img');
  });

  it('checks a new document after a navigation', async () => {
    await page.setContent('<!doctype html><html><head><title>No language</title></head><body><main><h1>x</h1></main></body></html>');
    expect((await seriousViolations(page)).map((violation) => violation.split(':')[0])).toContain('html-has-lang');
  });
});
