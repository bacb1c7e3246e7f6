import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export class DataDirLockedError extends Error {}

/**
 * PGlite keeps its files in one directory that only one process may open: a second process
 * silently loses committed rows. This lock file (holding the owner's pid) refuses a second opener.
 */
export class DataDirLock {
  private constructor(private readonly path: string) {}

  /** Locks `dir` through a sibling file `<dir>.lock`, so the data directory itself stays PGlite's alone. */
  static acquire(dir: string): DataDirLock {
    mkdirSync(dirname(dir), { recursive: true });
    const path = `${dir}.lock`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new DataDirLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        DataDirLock.assertFree(dir);
        // The owner is gone (crash, kill -9): the lock is stale.
        rmSync(path, { force: true });
      }
    }
    throw new DataDirLockedError(`Could not lock the embedded database in ${dir}.`);
  }

  /** Fails fast, before anything else starts, when a live process holds the directory. */
  static assertFree(dir: string): void {
    let owner: number;
    try {
      owner = Number.parseInt(readFileSync(`${dir}.lock`, 'utf8'), 10);
    } catch {
      return;
    }
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new DataDirLockedError(
        `The embedded database in ${dir} is in use by process ${owner}; stop it or set DATA_DIR to another directory.`,
      );
    }
  }

  release(): void {
    rmSync(this.path, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface EmbeddedDatabase {
  db: PGlite;
  close(): Promise<void>;
}

export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const lock = DataDirLock.acquire(dataDir);
  try {
    const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    return {
      db,
      async close() {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
