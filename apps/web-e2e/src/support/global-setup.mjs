// Starts the built app once for all journeys: one port, embedded database in a temp directory
// (the "no database installed" path). E2E_BASE_URL points the journeys at an already running app instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) return;
  for (const file of ['apps/api/dist/main.js', 'apps/web/dist/index.html']) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build first (npx nx run-many -t build)`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cv-e2e-'));
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ADMIN_EMAIL: 'admin@e2e.test',
      ADMIN_PASSWORD: 'e2e admin passphrase',
      // Journeys post as brand-new accounts: publish their first comments at once (post-moderation)
      // instead of holding them for a moderator, which the default of 1 would do.
      NEW_ACCOUNT_HELD_COMMENTS: '0',
      // Every journey signs its people up, and in, from this one address, several journeys a minute.
      SIGNUPS_PER_ADDRESS_PER_HOUR: '100000',
      AUTH_IP_LIMIT_PER_MINUTE: '100000',
      // Journeys are demonstrations by accounts made a moment ago: their ratings count at once.
      RATER_MIN_ACCOUNT_AGE_HOURS: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  globalThis.__CV_E2E__ = { child, dataDir };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode} during start`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) {
        process.env.E2E_BASE_URL = baseUrl;
        // Journeys read mail from <DATA_DIR>/outbox, as a person would follow the link in it.
        process.env.E2E_DATA_DIR = dataDir;
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error('The app did not become healthy within 60 s');
}
