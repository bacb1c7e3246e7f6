import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { splitLocale, type LocalePart } from './src/locales/parts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const contractsEntry = fileURLToPath(new URL('../../libs/shared/contracts/src/index.ts', import.meta.url));
const contractsSchemas = fileURLToPath(new URL('../../libs/shared/contracts/src/schemas.ts', import.meta.url));
const apiTarget = 'http://localhost:3000';
/** The shared contracts from source, in the browser build and the server render's alike. */
const contractsAliases = [
  { find: /^@compact-voices\/contracts$/, replacement: contractsEntry },
  { find: /^@compact-voices\/contracts\/schemas$/, replacement: contractsSchemas },
];

/**
 * The production page works under `script-src 'self'; style-src 'self'`. The API sends the real
 * header; this meta tag makes a build served by anything else (preview, a CDN) just as strict.
 * Dev is left alone because Vite's HMR client injects inline code.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function cspMetaTag(): Plugin {
  return {
    name: 'compact-voices:csp-meta',
    apply: 'build',
    // Right after <meta charset>, so it precedes (and governs) every script and stylesheet tag.
    transformIndexHtml: (html) => {
      const charset = '<meta charset="utf-8" />';
      if (!html.includes(charset)) throw new Error(`index.html must contain ${charset}`);
      return html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`);
    },
  };
}

/** `…/translation.json?part=first|later`: one part of a language file (src/locales/parts.ts). */
function localeParts(): Plugin {
  const partRequest = /^(.*[\\/]translation\.json)\?part=(first|later)$/;
  return {
    name: 'compact-voices:locale-parts',
    enforce: 'pre',
    async resolveId(source, importer) {
      const [path, query] = source.split('?');
      if (!query?.startsWith('part=') || !path.endsWith('translation.json')) return null;
      const resolved = await this.resolve(path, importer, { skipSelf: true });
      return resolved ? `${resolved.id}?${query}` : null;
    },
    load(id) {
      const match = partRequest.exec(id);
      if (!match) return null;
      this.addWatchFile(match[1]);
      const part = splitLocale(JSON.parse(readFileSync(match[1], 'utf8')), match[2] as LocalePart);
      // JSON.parse of a string literal: faster for the browser to read than an object literal this size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(part))});`;
    },
  };
}

function offlineModules(id: string): boolean {
  const path = id.replaceAll('\\', '/');
  return (
    /\/node_modules\/idb-keyval\//.test(path) || /\/apps\/web\/src\/lib\/offline\/(?!start-offline|register-service-worker)/.test(path)
  );
}

/** The libraries every page runs on. */
const sharedLibraries =
  /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack[\\/][^\\/]+|i18next|react-i18next|use-sync-external-store)[\\/]/;

/**
 * The small modules many pages share: the API client and session, data hooks, common components.
 * Never the forms, which bring the form library and the request schemas: those load with the
 * pages and dialogs that use them.
 */
function sharedAppModules(id: string): boolean {
  const path = id.replaceAll('\\', '/');
  if (/\/(hooks\/use-form|lib\/form-errors|lib\/validation|components\/form\/)/.test(path)) return false;
  // The outbox and drafts (and IndexedDB's library) load with the forms, or when someone who may
  // have something waiting opens the app: never on a reader's first visit.
  if (/\/lib\/offline\//.test(path)) return false;
  return (
    /\/apps\/web\/src\/(lib|hooks|components)\//.test(path) ||
    /\/apps\/web\/src\/features\/[^/]+\/api\//.test(path) ||
    /\/libs\/shared\/contracts\/src\/(?!requests\/|responses\/|schemas)/.test(path)
  );
}

/**
 * What the service worker precaches: index.html and the files the entry loads on every page (its
 * own chunk, the chunks it imports statically, its CSS) — all of them already in the HTTP cache
 * after a first visit, so installing the worker downloads next to nothing. Route chunks, forms and
 * locale parts are cached by the worker the first time a page uses them (on a metered connection,
 * nobody pays for the pages they never open).
 */
function appShellFiles(): { plugin: Plugin; files: Set<string> } {
  const files = new Set<string>(['index.html']);
  const plugin: Plugin = {
    name: 'compact-voices:app-shell-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((output) => output.type === 'chunk' && output.isEntry);
      if (!entry || entry.type !== 'chunk') throw new Error('The build has no entry chunk');
      const visit = (fileName: string) => {
        if (files.has(fileName)) return;
        files.add(fileName);
        const chunk = bundle[fileName];
        if (chunk?.type !== 'chunk') return;
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const imported of chunk.imports) visit(imported);
      };
      visit(entry.fileName);
    },
  };
  return { plugin, files };
}

const appShell = appShellFiles();

/**
 * The server render's bundle (entry-server.tsx → dist-server/entry-server.js), which the API
 * imports: the same React app, no assets, no service worker; libraries stay in node_modules.
 */
const serverBuild = defineConfig({
  root: webRoot,
  plugins: [react(), localeParts()],
  resolve: {
    alias: contractsAliases,
  },
  build: {
    ssr: 'src/entry-server.tsx',
    outDir: 'dist-server',
    emptyOutDir: true,
    sourcemap: true,
    // The browser build copies public/ into dist; the server needs none of it.
    copyPublicDir: false,
  },
});

const browserBuild = defineConfig({
  root: webRoot,
  plugins: [
    react(),
    cspMetaTag(),
    localeParts(),
    // Brotli and gzip copies of every text asset at the highest levels, written once at build; the
    // server sends the one the browser accepts (apps/api/src/core/http/configure-app.ts).
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: constants.Z_BEST_COMPRESSION }),
      ],
      exclude: [/\.map$/],
      logLevel: 'silent',
    }),
    appShell.plugin,
    // The web app manifest and the service worker (src/service-worker/sw.ts, Workbox).
    // Registered by the app itself once the first page is idle (lib/offline/register-service-worker.ts):
    // the plugin's registration script would be one more request, or inline code the CSP refuses.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/service-worker',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'autoUpdate',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: [],
      // The icon is the browser's to fetch when the app is installed; nothing offline needs it.
      includeManifestIcons: false,
      manifest: {
        name: 'Compact Voices',
        short_name: 'Compact Voices',
        description:
          'Read, comment on and rate how Asia-Pacific countries implement the recommendations of the Global Compact for Migration.',
        lang: 'en',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#12355b',
        icons: [
          // PNGs for Android's installer (tools/make-icons.mjs draws them), the SVG for everything else.
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      injectManifest: {
        // The worker is one classic script: no module worker, no importScripts.
        rollupFormat: 'iife',
        sourcemap: false,
        globPatterns: ['**/*.{js,css,html,json,svg,webmanifest}'],
        // Never the source maps or the .br/.gz copies (the server picks those by Accept-Encoding).
        globIgnores: ['**/*.map', '**/*.br', '**/*.gz', 'sw.js'],
        manifestTransforms: [
          async (entries) => ({
            manifest: entries.filter((entry) => appShell.files.has(entry.url)),
            warnings: [],
          }),
        ],
      },
    }),
  ],
  resolve: {
    alias: contractsAliases,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser we target supports modulepreload; the polyfill would only cost bytes.
    modulePreload: { polyfill: false },
    // dist/.vite/manifest.json: which files a route's page and a language's part are, so a
    // server-rendered page can name them at once (apps/api/src/core/http/server-render.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        // Fewer, larger chunks for what every page needs. Left to itself the bundler made some 30
        // files of 1–2 KB for a thread page, each costing a request and about 1 KB of headers
        // (as much again as its body), and round trips on a 400 ms connection.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: sharedLibraries, priority: 2 },
            { name: 'app', test: sharedAppModules, priority: 1 },
            // The outbox, drafts and IndexedDB's library in one file rather than seven: loaded with
            // the forms, or at start for someone who has a session on this device. Not the start
            // and registration code, which the entry imports.
            { name: 'offline', test: offlineModules, priority: 1 },
          ],
        },
      },
    },
    sourcemap: true,
  },
  server: {
    port: 4200,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
  preview: {
    port: 4300,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
});

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? serverBuild : browserBuild));
