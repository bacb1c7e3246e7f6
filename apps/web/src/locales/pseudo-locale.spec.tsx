import { act, cleanup, screen } from '@testing-library/react';
import { ROUND_ID, comment, nepal, round } from '../test/consultation-fixtures';
import {
  hr1Detail,
  humanRights,
  humanRightsDetail,
  objective1,
  objective7,
  participant,
  pc1,
  peopleCentredness,
  hr1,
  hr2,
} from '../test/fixtures';
import { i18n, changeLocale, initI18n, loadLaterStrings } from '../lib/i18n';
import { mockApi, type MockApi, type MockRoutes } from '../test/mock-api';
import { renderApp } from '../test/render-app';
import { LOCALES } from '@compact-voices/contracts';
import en from './en/translation.json' with { type: 'json' };

/**
 * The pseudo-locale run: every string of the interface, wrapped in ⟦ ⟧, stands in for a language
 * (Indonesian's slot, so the app behaves as in any language but English). Pages are then rendered
 * and every piece of text in Latin letters must be inside ⟦ ⟧ (it came from a locale file), be data
 * from the API (catalogue text, names) or be marked as English content. What is left was written
 * into the code: a string no translator can reach.
 */
type Tree = { [key: string]: string | Tree };
function pseudo(tree: Tree): Tree {
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, typeof value === 'string' ? `⟦${value}⟧` : pseudo(value)]));
}

/** Every string in the API's answers: text that comes from there is data, not interface. */
function dataStrings(routes: MockRoutes): string[] {
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const route of Object.values(routes)) if (typeof route === 'object' && route && 'body' in route) walk(route.body);
  return strings.filter((value) => value.length >= 2).sort((a, b) => b.length - a.length);
}

const ISOLATES = /[\u2066-\u2069]/g;

/** Latin-letter text not from a locale file, not from the API and not marked as English content. */
function hardCoded(root: HTMLElement, data: readonly string[]): string[] {
  const found = new Set<string>();
  const check = (where: string, raw: string) => {
    let text = raw.replace(ISOLATES, '');
    // Innermost first: a translated string may hold another (a placeholder filled with one).
    for (let previous = ''; previous !== text;) {
      previous = text;
      text = text.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    }
    for (const value of data) text = text.split(value).join(' ');
    if (/[A-Za-z]{3,}/.test(text)) found.add(`${where}: ${text.trim().slice(0, 80)}`);
  };
  const uiLang = document.documentElement.lang;
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    // Text marked as another language (English catalogue text, a language's own name) is meant to be;
    // dates and numbers are written by Intl in the reader's language.
    if (element.closest('script, style, svg, time')) continue;
    const marked = element.closest('[lang]')?.getAttribute('lang');
    if (marked && marked !== uiLang) continue;
    const own = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('');
    if (own.trim()) check(element.tagName.toLowerCase(), own);
    for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = element.getAttribute(attribute);
      if (value) check(`${element.tagName.toLowerCase()}[${attribute}]`, value);
    }
  }
  return [...found];
}

const catalogue: MockRoutes = {
  '/api/v1/principles?locale=id': { body: { items: [peopleCentredness, humanRights] } },
  '/api/v1/principles/HR?locale=id': { body: humanRightsDetail },
  '/api/v1/recommendations?locale=id': { body: { items: [pc1, hr1, hr2] } },
  '/api/v1/recommendations/HR-1?locale=id': { body: hr1Detail },
  '/api/v1/objectives?locale=id': { body: { items: [objective1, objective7] } },
  '/api/v1/consultations': { body: { items: [round] } },
  [`/api/v1/consultations/${ROUND_ID}`]: { body: round },
  '/api/v1/countries': { body: { items: [nepal] } },
  '/api/v1/notifications?limit=1': { body: { items: [], nextCursor: null, unread: 0 } },
  [`/api/v1/consultations/${ROUND_ID}/recommendations/HR-1/comments?sort=newest&limit=20`]: {
    body: {
      items: [comment({ id: 'c-1', body: 'Fees are still charged.', bodyHtml: '<p>Fees are still charged.</p>' })],
      nextCursor: null,
      lastSeq: 1,
    },
  },
};

/** The languages' own names (the language menu, the composer's language) are not translated. */
const NAMES = LOCALES.map((locale) => locale.name);

describe('pseudo-locale run: no interface text outside the locale files', () => {
  let api: MockApi;

  beforeAll(async () => {
    await initI18n('en');
    await changeLocale('id');
    await loadLaterStrings();
    i18n.addResourceBundle('id', 'translation', pseudo(en as unknown as Tree), true, true);
  });
  afterEach(() => {
    cleanup();
    api.restore();
  });
  afterAll(async () => {
    i18n.removeResourceBundle('id', 'translation');
    await changeLocale('en');
  });

  it.each([
    ['the home page', '/', null],
    ['a principle', '/principles/HR', null],
    ['a recommendation', '/recommendations/HR-1', null],
    ['an objective', '/objectives/7', null],
    ['a thread', `/consultations/${ROUND_ID}/recommendations/HR-1`, null],
    ['sign-in', '/sign-in', null],
    ['sign-up', '/sign-up', null],
    ['a page that does not exist', '/no/such/page', null],
    ['the thread, signed in', `/consultations/${ROUND_ID}/recommendations/HR-1`, participant],
  ] as const)('%s', async (_name, url, user) => {
    api = mockApi(catalogue);
    renderApp(url, { user });
    await screen.findAllByRole('heading', { level: 1 });
    // Let what loads after the heading (comments, forms) arrive.
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(hardCoded(document.body, [...dataStrings(catalogue), ...NAMES])).toEqual([]);
  });
});
