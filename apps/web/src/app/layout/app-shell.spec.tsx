import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { changeLocale, initI18n } from '../../lib/i18n';
import { humanRights, humanRightsDetail, hr1, hr2, objective7, peopleCentredness, pc1 } from '../../test/fixtures';
import { mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

describe('app shell', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  beforeEach(() => {
    api = mockApi({
      '/api/v1/principles': { body: { items: [peopleCentredness, humanRights] } },
      '/api/v1/recommendations': { body: { items: [pc1, hr1, hr2] } },
      '/api/v1/objectives': { body: { items: [objective7] } },
      '/api/v1/principles/HR': { body: humanRightsDetail },
    });
  });
  afterEach(async () => {
    // Unmount before resetting the language, so the reset renders nothing outside act().
    cleanup();
    api.restore();
    await changeLocale('en');
  });

  it('has the landmarks, one h1, and the skip link as the first focusable element', async () => {
    const { container } = renderApp('/');
    await screen.findByRole('link', { name: 'Human rights' });

    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);

    const first = container.querySelector(FOCUSABLE);
    expect(first?.textContent).toBe('Skip to main content');
    fireEvent.click(first as HTMLElement);
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('lists each principle with links to its recommendations (code and first words)', async () => {
    renderApp('/');
    const section = await screen.findByRole('region', { name: 'Human rights' });
    const links = Array.from(section.querySelectorAll('ul a'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/recommendations/HR-1', '/recommendations/HR-2']);
    expect(links[0].textContent).toMatch(/^HR-1: All countries in the region have ratified .+…$/);
    expect(document.title).toBe('Recommendations · Compact Voices');
  });

  it('moves focus to the new page heading after a navigation', async () => {
    renderApp('/');
    fireEvent.click(await screen.findByRole('link', { name: 'Human rights' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Human rights' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.title).toBe('Human rights · Compact Voices');
  });

  it('puts the header behind a Menu button on phones: it says whether it is open, and closes on Escape or a choice', async () => {
    renderApp('/');
    const button = screen.getByRole('button', { name: 'Menu' });
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(panel.contains(screen.getByRole('navigation', { name: 'Main' }))).toBe(true);
    expect(panel.querySelector('.account-menu')).not.toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(panel.classList.contains('site-header__panel--open')).toBe(false);

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.classList.contains('site-header__panel--open')).toBe(true);
    const search = screen.getByRole('link', { name: 'Search' });
    search.focus();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);

    fireEvent.click(button);
    fireEvent.click(screen.getByRole('link', { name: 'Search' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Search recommendations' })).toBeTruthy();
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('submits the header search box to /search?q=', async () => {
    api.restore();
    api = mockApi({
      '/api/v1/principles': { body: { items: [humanRights] } },
      '/api/v1/recommendations': { body: { items: [hr1] } },
      '/api/v1/objectives': { body: { items: [objective7] } },
      '/api/v1/recommendations?q=treaties': { body: { items: [hr1] } },
    });
    renderApp('/');
    const box = screen.getByRole('search', { name: 'Site search' });
    fireEvent.change(box.querySelector('input') as HTMLInputElement, { target: { value: 'treaties' } });
    fireEvent.submit(box);
    expect(await screen.findByText('1 recommendation found.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Search recommendations' })).toBeTruthy();
  });

  it('switches to Urdu from the header and marks English catalogue text with lang="en"', async () => {
    // A catalogue without an Urdu translation: the API answers in English, and says so.
    api.restore();
    api = mockApi({
      '/api/v1/principles': { body: { items: [peopleCentredness, humanRights] } },
      '/api/v1/principles?locale=ur': { body: { items: [peopleCentredness, humanRights] } },
      '/api/v1/recommendations': { body: { items: [pc1, hr1, hr2] } },
      '/api/v1/recommendations?locale=ur': { body: { items: [pc1, hr1, hr2] } },
    });
    renderApp('/');
    await screen.findByRole('link', { name: 'Human rights' });

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ur' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    // The catalogue is fetched again in the new language.
    await waitFor(() => expect(api.requests).toContain('/api/v1/principles?locale=ur'));
    const link = await screen.findByRole('link', { name: 'Human rights' });
    await waitFor(() => expect(link.isConnected && link.getAttribute('lang')).toBe('en'));
    expect(document.documentElement.lang).toBe('ur');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'ایشیا اور بحرالکاہل میں محفوظ، منظم اور باقاعدہ ہجرت کے لیے سفارشات',
    );
    expect(link.getAttribute('lang')).toBe('en');
    expect(link.getAttribute('dir')).toBe('ltr');
    expect(screen.getByLabelText('زبان')).toBeTruthy();
  });

  it('shows a not-found page for an unknown address', async () => {
    renderApp('/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to all recommendations' }).getAttribute('href')).toBe('/');
  });
});
