// One API process of the fleet: the built apps/api/dist/main.js on its own port.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const API_ENTRY = join(ROOT, 'apps/api/dist/main.js');

/** Resolves when GET /api/health/ready answers 200 (database and Redis reachable, not stopping). */
export async function waitUntilReady(base, { timeoutMs = 60_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${base}: the API exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/api/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${base}: not ready after ${timeoutMs} ms`);
}

/**
 * Starts an instance; `logFile` collects its JSON logs (the fault suite reads them when a check
 * fails), otherwise they go to this process's output prefixed with the instance's name.
 */
export async function startApiInstance({ name, port, env, dataDir, logFile, waitReady = true }) {
  if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: build first (npx nx run-many -t build -p contracts api web)`);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, [API_ENTRY], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (logFile) {
    const out = createWriteStream(logFile, { flags: 'a' });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
  } else {
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      let partial = '';
      stream.on('data', (chunk) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
      });
    }
  }
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const instance = {
    name,
    port,
    pid: child.pid,
    base: `http://127.0.0.1:${port}`,
    child,
    exited,
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
    ready: (options) => waitUntilReady(instance.base, { child, ...options }),
    /** Sends a signal; resolves with how the process ended (SIGTERM: a clean exit within SHUTDOWN_TIMEOUT_MS). */
    async kill(signal = 'SIGTERM') {
      if (!instance.alive) return exited;
      child.kill(signal);
      return exited;
    },
  };
  if (waitReady) {
    try {
      await instance.ready();
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }
  return instance;
}
