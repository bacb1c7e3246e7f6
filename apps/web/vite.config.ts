import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const contractsEntry = fileURLToPath(new URL('../../libs/shared/contracts/src/index.ts', import.meta.url));
const contractsSchemas = fileURLToPath(new URL('../../libs/shared/contracts/src/schemas.ts', import.meta.url));
const apiTarget = 'http://localhost:3000';

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

export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    cspMetaTag(),
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
  ],
  resolve: {
    alias: [
      { find: /^@compact-voices\/contracts$/, replacement: contractsEntry },
      { find: /^@compact-voices\/contracts\/schemas$/, replacement: contractsSchemas },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser we target supports modulepreload; the polyfill would only cost bytes.
    modulePreload: { polyfill: false },
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
