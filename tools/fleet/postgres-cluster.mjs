// A throwaway PostgreSQL cluster of its own (initdb into a directory, its own port) from the
// Debian server binaries: the fault suite stops and starts it; `npm run fleet` uses one when no
// DATABASE_URL is given. Never the shared server on 5432.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest /usr/lib/postgresql/<major>/bin, or PG_BIN. */
export function postgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0) throw new Error('PostgreSQL server binaries not found: install postgresql or set PG_BIN');
  return join(root, majors[0], 'bin');
}

/** initdb and postgres refuse to run as root; as root they run as the `postgres` system user. */
async function asServerUser(command, args) {
  const root = process.getuid?.() === 0;
  return root ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
}

async function serverUserIds() {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Creates (once) and starts a cluster in `dir` (as root, every directory above it must be
 * traversable by the `postgres` user) listening on 127.0.0.1:`port` with trust auth. With
 * `template` (the data directory of a stopped cluster) the new cluster is a copy of it instead of a
 * fresh initdb: the fault suite migrates one cluster per run and copies it for each spec.
 * Returns its URL and stop/start for fault injection. `stop('immediate')` is a crash: the
 * server is gone at once and recovers from its WAL when started again.
 */
export async function startPostgresCluster({ dir, port, settings = {}, template }) {
  const bin = postgresBin();
  const data = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const { uid, gid } = await serverUserIds();
    chownSync(dir, uid, gid);
  }
  if (!existsSync(join(data, 'PG_VERSION')) && template) {
    // cp -a keeps the owner and the 0700 mode PostgreSQL insists on.
    await asServerUser('cp', ['-a', template, data]);
  } else if (!existsSync(join(data, 'PG_VERSION'))) {
    await asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  }
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    ...Object.entries(settings).map(([key, value]) => `-c ${key}=${value}`),
  ].join(' ');
  const cluster = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
    },
    /** mode: smart | fast | immediate. */
    async stop(mode = 'fast') {
      await asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']).catch((error) => {
        if (!/not running|No such file|PID file/i.test(`${error.stderr ?? ''}${error.message}`)) throw error;
      });
    },
    async isRunning() {
      try {
        await asServerUser(join(bin, 'pg_ctl'), ['-D', data, 'status']);
        return true;
      } catch {
        return false;
      }
    },
  };
  if (!(await cluster.isRunning())) await cluster.start();
  return cluster;
}
