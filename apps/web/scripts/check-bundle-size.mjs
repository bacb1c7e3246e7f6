// @ts-check
// Fails the build when the JavaScript a first visit downloads is over budget.
// "First visit" = every script of dist/index.html plus every module it modulepreloads, each
// gzipped at level 9. Chunks fetched later through dynamic import (other languages) are not counted.
// Usage: node apps/web/scripts/check-bundle-size.mjs [distDir]
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1024;

const defaultDistDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** @param {string} tag */
function parseAttributes(tag) {
  /** @type {Record<string, string>} */
  const attributes = {};
  const pattern = /([^\s=<>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const body = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const match of body.matchAll(pattern)) {
    attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

/**
 * URLs of the JS a first visit loads: every <script src> and every <link rel="modulepreload">.
 * @param {string} html
 * @returns {string[]}
 */
export function findInitialScripts(html) {
  /** @type {string[]} */
  const urls = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attributes = parseAttributes(tag);
    if (/^<script/i.test(tag)) {
      if (attributes.src) urls.push(attributes.src);
    } else if (attributes.href && (attributes.rel ?? '').split(/\s+/).includes('modulepreload')) {
      urls.push(attributes.href);
    }
  }
  return [...new Set(urls)];
}

/**
 * @param {string} distDir
 * @param {string} url
 */
function toDistPath(distDir, url) {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
    throw new Error(`index.html loads a script from another origin: ${url}`);
  }
  const path = normalize(join(distDir, url.split(/[?#]/)[0].replace(/^\/+/, '')));
  if (relative(distDir, path).startsWith('..')) {
    throw new Error(`script path escapes the dist folder: ${url}`);
  }
  return path;
}

/**
 * Gzipped size of each initial script and their total.
 * @param {string} distDir
 * @returns {Promise<{ files: { path: string, gzipBytes: number }[], total: number }>}
 */
export async function measureInitialScripts(distDir) {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const urls = findInitialScripts(html);
  if (urls.length === 0) {
    throw new Error('no entry script found in index.html');
  }
  const files = [];
  let total = 0;
  for (const url of urls) {
    const path = toDistPath(distDir, url);
    const gzipBytes = gzipSync(await readFile(path), { level: constants.Z_BEST_COMPRESSION }).length;
    total += gzipBytes;
    files.push({ path: relative(distDir, path).split(sep).join('/'), gzipBytes });
  }
  return { files, total };
}

async function main() {
  const distDir = resolve(process.argv[2] ?? defaultDistDir);
  const { files, total } = await measureInitialScripts(distDir);
  const rows = files.map((file) => `  ${String(file.gzipBytes).padStart(8)} B  ${file.path}`);
  process.stdout.write(`Initial JavaScript (gzip -9):\n${rows.join('\n')}\n`);
  const summary = `  ${String(total).padStart(8)} B  total (${(total / 1024).toFixed(1)} KB of ${BUDGET_BYTES / 1024} KB budget)\n`;
  if (total > BUDGET_BYTES) {
    process.stderr.write(`${summary}Bundle budget exceeded by ${total - BUDGET_BYTES} B.\n`);
    process.exit(1);
  }
  process.stdout.write(summary);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error) => {
    process.stderr.write(`check-bundle-size: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
