import { Marked } from 'marked';
import xss from 'xss';

/**
 * The safe Markdown subset every piece of user or admin text goes through: paragraphs, emphasis,
 * lists, quotes, code and links. No raw HTML (the renderer escapes it, and an allowlist sanitiser
 * strips anything else), no images (no request ever leaves a reader's browser for a third party),
 * and links only to http(s) and mailto, marked nofollow ugc noopener.
 */
const marked = new Marked({ gfm: true, breaks: true, async: false });
marked.use({
  renderer: {
    // Raw HTML in Markdown is shown as text, never interpreted.
    html: ({ text }) => escapeHtml(text),
    image: ({ text }) => escapeHtml(text),
    heading: ({ tokens }) => `<p><strong>${marked.Parser.parseInline(tokens)}</strong></p>\n`,
  },
});

// xss is CommonJS: Node's ESM loader gives only its default export.
const { FilterXSS, escapeAttrValue } = xss as unknown as typeof import('xss');

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
/** Whitespace or control characters inside a URL ("java\tscript:" tricks): refused outright. */
const hasUnsafeCharacters = (href: string) => [...href].some((character) => character.charCodeAt(0) <= 0x20);

const sanitizer = new FilterXSS({
  whiteList: {
    p: [],
    br: [],
    strong: [],
    em: [],
    del: [],
    code: [],
    pre: [],
    blockquote: [],
    ul: [],
    ol: ['start'],
    li: [],
    hr: [],
    a: ['href'],
  },
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  allowCommentTag: false,
  css: false,
  safeAttrValue: (tag, name, value) => {
    if (tag === 'a' && name === 'href') {
      const href = value.trim();
      return SAFE_HREF.test(href) && !hasUnsafeCharacters(href) ? escapeAttrValue(href) : '';
    }
    if (tag === 'ol' && name === 'start') return /^\d{1,6}$/.test(value) ? value : '';
    return '';
  },
  // onTag sees the raw tag: decode the href the way a browser would, then allow only safe schemes.
  onTag: (tag, html, options) => {
    if (tag !== 'a' || (options as { isClosing?: boolean }).isClosing) return undefined;
    const raw = /href="([^"]*)"/.exec(html)?.[1];
    const href = raw === undefined ? '' : decodeEntities(raw).trim();
    return href && SAFE_HREF.test(href) && !hasUnsafeCharacters(href)
      ? `<a href="${escapeAttrValue(href)}" rel="nofollow ugc noopener">`
      : '<a>';
  },
});

/** A numeric character reference as a browser reads it: beyond U+10FFFF, a surrogate or NUL is U+FFFD (never a RangeError). */
function fromReference(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    ? String.fromCodePoint(code)
    : '\uFFFD';
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => fromReference(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => fromReference(Number(dec)))
    .replace(
      /&(amp|lt|gt|quot|#39|apos);/g,
      (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" })[entity]!,
    );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderMarkdown(source: string): string {
  // Links whose href was refused are left as their text.
  return sanitizer
    .process(marked.parse(source) as string)
    .replace(/<a>(.*?)<\/a>/gs, '$1')
    .trim();
}
