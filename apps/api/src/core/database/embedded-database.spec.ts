import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLock, DataDirLockedError } from './embedded-database.js';

describe('DataDirLock', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cv-lock-'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the owner pid beside the data directory and removes it on release', () => {
    const dir = join(root, 'pglite');
    const lock = DataDirLock.acquire(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    expect(existsSync(dir)).toBe(false); // the data directory itself stays PGlite's alone
    lock.release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('refuses a second owner while the first process lives', () => {
    const dir = join(root, 'pglite');
    // A live process other than us holds the lock: our parent (the Jest runner) is alive.
    writeFileSync(`${dir}.lock`, String(process.ppid));
    expect(() => DataDirLock.acquire(dir)).toThrow(DataDirLockedError);
    expect(() => DataDirLock.acquire(dir)).toThrow(/in use by process/);
  });

  it('takes over a stale lock left by a dead process', () => {
    const dir = join(root, 'pglite');
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    writeFileSync(`${dir}.lock`, String(dead));
    const lock = DataDirLock.acquire(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});
