import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { BUDGET_BYTES, findInitialScripts, measureInitialScripts } from './check-bundle-size.mjs';

const script = fileURLToPath(new URL('./check-bundle-size.mjs', import.meta.url));

const html = `<!doctype html><html><head>
  <script type="module" crossorigin src="/assets/index-abc.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/vendor-def.js">
  <link rel="stylesheet" crossorigin href="/assets/index.css">
  <link rel="icon" href="/favicon.svg">
</head><body><div id="root"></div></body></html>`;

function makeDist(entry: Buffer, vendor: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'assets', 'index-abc.js'), entry);
  writeFileSync(join(dir, 'assets', 'vendor-def.js'), vendor);
  writeFileSync(join(dir, 'assets', 'lazy-chunk.js'), randomBytes(400 * 1024));
  return dir;
}

const gzipped = (data: Buffer) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;

describe('check-bundle-size', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('finds the entry script and modulepreloads, not stylesheets or icons', () => {
    expect(findInitialScripts(html)).toEqual(['/assets/index-abc.js', '/assets/vendor-def.js']);
  });

  it('sums the gzip -9 sizes of exactly those files', async () => {
    const entry = Buffer.from('export const a = 1;\n'.repeat(500));
    const vendor = randomBytes(2000);
    const dir = makeDist(entry, vendor);
    dirs.push(dir);
    const { files, total } = await measureInitialScripts(dir);
    expect(files.map((file) => file.path)).toEqual(['assets/index-abc.js', 'assets/vendor-def.js']);
    expect(total).toBe(gzipped(entry) + gzipped(vendor));
  });

  it('exits 0 under budget and 1 over it, printing the total', () => {
    const small = makeDist(Buffer.from('console.info(1)'), Buffer.from('x'));
    // Random bytes do not compress, so this is over budget whatever the gzip overhead.
    const large = makeDist(randomBytes(BUDGET_BYTES), Buffer.from('x'));
    dirs.push(small, large);

    const ok = spawnSync(process.execPath, [script, small], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/B\s+total/);

    const over = spawnSync(process.execPath, [script, large], { encoding: 'utf8' });
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/Bundle budget exceeded/);
  });
});
