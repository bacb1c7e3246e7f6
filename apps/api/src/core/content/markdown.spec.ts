import { renderMarkdown } from './markdown.js';

/** Nothing script-capable survives; only allowlisted URL schemes do. */
describe('renderMarkdown', () => {
  it('renders the safe subset', () => {
    expect(renderMarkdown('**bold** _em_ ~~del~~ `code`')).toBe(
      '<p><strong>bold</strong> <em>em</em> <del>del</del> <code>code</code></p>',
    );
    expect(renderMarkdown('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(renderMarkdown('> quoted')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(renderMarkdown('# Heading')).toBe('<p><strong>Heading</strong></p>');
  });

  it('marks links nofollow ugc noopener', () => {
    expect(renderMarkdown('[ILO](https://www.ilo.org/c190)')).toBe(
      '<p><a href="https://www.ilo.org/c190" rel="nofollow ugc noopener">ILO</a></p>',
    );
    expect(renderMarkdown('https://example.org/page')).toContain('rel="nofollow ugc noopener"');
  });

  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '![tracker](https://evil.example/pixel.png)',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](//evil.example/x)',
    '<svg onload=alert(1)><circle/></svg>',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<b onmouseover=alert(1)>hover</b>',
    '<<script>script>alert(1)<</script>/script>',
    '<a href="\u006a\u0061vascript:alert(1)">x</a>',
    '[x](\\u006aavascript:alert(1))',
    '<details open ontoggle=alert(1)>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<form action="https://evil.example"><input name=x></form>',
  ];

  it.each(payloads)('neutralises %j', (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<(script|img|svg|iframe|style|math|details|form|input|object|embed)\b/i);
    // Escaped text such as "&lt;img onerror=…&gt;" is harmless; no real tag may carry a handler or style.
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/<[a-z][^>]*style=/i);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
      expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    }
    expect(html).not.toContain('evil.example/pixel.png');
  });

  it('reads character references beyond Unicode, surrogates and NUL as U+FFFD instead of failing', () => {
    for (const source of [
      '<a href="&#x110000;">x</a>',
      '<a href="&#1114112;">y</a>',
      '[x](&#x110000;)',
      '[x](&#1114112;)',
      '[x](https://a.example/&#xD800;)',
      '[x](&#0;)',
      '&#xFFFFFFFFFF; text',
    ]) {
      expect(() => renderMarkdown(source)).not.toThrow();
    }
  });
});
