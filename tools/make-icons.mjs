// Draws the PNG icons of the web app manifest (apps/web/public/icon-*.png) from the favicon's
// shapes with Debian's Chromium: `node tools/make-icons.mjs`. Android installs an app from PNG
// icons of 192 and 512 px; the maskable one fills its square, the bubble within the safe zone.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
// "any": the rounded square as in the favicon. "maskable": full-bleed background, the bubble inside
// the central 80% safe zone (the launcher cuts the shape).
const any = (size) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#12355b"/><path d="M8 11h16v9H15l-5 4v-4H8z" fill="#fff"/></svg>`;
const maskable = (size) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32"><rect width="32" height="32" fill="#12355b"/><g transform="translate(16 17.5) scale(0.75) translate(-16 -17.5)"><path d="M8 11h16v9H15l-5 4v-4H8z" fill="#fff"/></g></svg>`;
for (const [name, svg, size] of [
  ['icon-192.png', any, 192],
  ['icon-512.png', any, 512],
  ['icon-maskable-512.png', maskable, 512],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(`apps/web/public/${name}`, png);
  console.log(name, png.length);
}
await browser.close();
