import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The built entry point the fleet tooling starts (tools/fleet is plain Node, not an Nx project).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { API_ENTRY } from '../../../tools/fleet/api-instance.mjs';

/**
 * The shutdown deadline holds whatever happens to stdout: whoever read the log output has gone
 * (Ctrl-C on `npm start | pino-pretty`, a log shipper that died), then SIGTERM. Before, pino's exit
 * flush retried the dead pipe forever and the process never exited. The bound below is the
 * configured SHUTDOWN_TIMEOUT_MS plus a generous margin for a busy machine: the property is "it
 * exits, on its own, by its deadline", not a speed.
 */
const SHUTDOWN_TIMEOUT_MS = 5_000;
const MARGIN_MS = 10_000;

function start(dataDir: string): ChildProcess {
  return spawn(process.execPath, [API_ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      REDIS_URL: '',
      SERVE_WEB: 'false',
      LOG_LEVEL: 'debug',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

/** Resolves with the port from the start line. */
function listening(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const port = /listening on port (\d+)/.exec(seen)?.[1];
      if (port) {
        child.stdout!.off('data', onData);
        resolve(Number(port));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the API exited with ${code} before listening`)));
  });
}

function exited(child: ChildProcess, withinMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; timedOut: boolean }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, signal: null, timedOut: true });
    }, withinMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut: false });
    });
  });
}

describe('fault: the log reader goes away, then SIGTERM', () => {
  const dirs: string[] = [];

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('exits cleanly within SHUTDOWN_TIMEOUT_MS with its stdout pipe closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-closed-log-'));
    dirs.push(dir);
    const child = start(dir);
    await listening(child);
    // The reader of the pipe closes its end: every later write to stdout fails.
    child.stdout!.destroy();
    const startedAt = performance.now();
    child.kill('SIGTERM');
    const result = await exited(child, SHUTDOWN_TIMEOUT_MS + MARGIN_MS);
    process.stdout.write(`closed log pipe: exited ${JSON.stringify(result)} after ${Math.round(performance.now() - startedAt)} ms\n`);
    expect(result).toEqual({ code: 0, signal: null, timedOut: false });
  });
});
