import { injectPage, pageLocale, pageTimeZone, preloadFiles, scriptSafeJson, type BuildManifest } from './server-render.js';

const TEMPLATE = `<!doctype html>
<html lang="en" dir="ltr">
  <head><title>Compact Voices</title></head>
  <body>
    <noscript><p>Compact Voices needs JavaScript to show the recommendations.</p></noscript>
    <div id="root"></div>
    <script type="module" src="/assets/index.js"></script>
  </body>
</html>`;

describe('pageLocale', () => {
  it('takes the language the reader chose (the cookie) over the browser’s', () => {
    expect(pageLocale({ headers: { cookie: 'cv_has_session=1; cv_locale=ar', 'accept-language': 'th,en;q=0.5' } })).toBe('ar');
  });

  it('falls back to Accept-Language, then English, and ignores a cookie naming no shipped language', () => {
    expect(pageLocale({ headers: { cookie: 'cv_locale=xx', 'accept-language': 'tl-PH,en;q=0.5' } })).toBe('fil');
    expect(pageLocale({ headers: { cookie: 'cv_locale=%3Cscript%3E' } })).toBe('en');
    expect(pageLocale({ headers: {} })).toBe('en');
  });
});

describe('pageTimeZone', () => {
  it('reads a zone name from the cookie, and nothing that is not one', () => {
    expect(pageTimeZone({ headers: { cookie: 'cv_tz=Asia/Kathmandu' } })).toBe('Asia/Kathmandu');
    expect(pageTimeZone({ headers: { cookie: 'cv_tz=America%2FArgentina%2FBuenos_Aires' } })).toBe('America/Argentina/Buenos_Aires');
    expect(pageTimeZone({ headers: { cookie: 'cv_tz=%E0%A4%A' } })).toBeUndefined();
    expect(pageTimeZone({ headers: { cookie: 'cv_tz=<script>' } })).toBeUndefined();
    expect(pageTimeZone({ headers: {} })).toBeUndefined();
  });
});

describe('scriptSafeJson', () => {
  it('can never close the script element it is written into', () => {
    const json = scriptSafeJson({ body: '</script><script>alert(1)</script><!--', separator: '\u2028' });
    expect(json).not.toContain('<');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual({ body: '</script><script>alert(1)</script><!--', separator: '\u2028' });
  });
});

describe('preloadFiles', () => {
  const manifest: BuildManifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_vendor-1.js'] },
    '_vendor-1.js': { file: 'assets/vendor-1.js' },
    '_badges-1.js': { file: 'assets/badges-1.js', imports: ['_vendor-1.js'] },
    'src/app/routes/thread-route.tsx': { file: 'assets/thread-route-1.js', imports: ['_vendor-1.js', '_badges-1.js'] },
    'src/locales/th/translation.json?part=first': { file: 'assets/translation-1.js' },
  };

  it('names a page module, the chunks it imports and the language part, not what the entry loads', () => {
    expect(preloadFiles(manifest, ['src/locales/th/translation.json?part=first', 'src/app/routes/thread-route.tsx'])).toEqual([
      'assets/translation-1.js',
      'assets/thread-route-1.js',
      'assets/badges-1.js',
    ]);
  });

  it('skips what the manifest does not know', () => {
    expect(preloadFiles(manifest, ['src/app/routes/missing.tsx'])).toEqual([]);
    expect(preloadFiles({}, ['src/app/routes/thread-route.tsx'])).toEqual([]);
  });
});

describe('injectPage', () => {
  const rendered = {
    html: '<main><h1>مرحبا</h1></main>',
    state: { locale: 'ar' as const, dir: 'rtl' as const, queries: { a: '</script>' } },
  };

  it('puts the markup in #root, the state beside it, and the language on <html>', () => {
    const page = injectPage(TEMPLATE, rendered);
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('<div id="root"><main><h1>مرحبا</h1></main></div><script type="application/json" id="cv-ssr-state">');
    expect(page).not.toContain('needs JavaScript');
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page).toContain('<script type="module" src="/assets/index.js"></script>');
  });

  it('names the modules to preload in <head>', () => {
    const page = injectPage(TEMPLATE, rendered, ['assets/thread-route-1.js']);
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/thread-route-1.js"></head>');
  });

  it('inserts markup holding $ patterns verbatim', () => {
    const page = injectPage(TEMPLATE, { ...rendered, html: "<p>$& $' $` $1</p>" });
    expect(page).toContain('<div id="root"><p>$& $\' $` $1</p></div>');
  });

  it('refuses a template without the root element', () => {
    expect(() => injectPage('<html lang="en" dir="ltr"><body></body></html>', rendered)).toThrow(/root/);
  });
});
