// `npm start`: build what is missing (Nx restores unchanged builds from its cache), then serve the
// API and the built web app on one port. With DATABASE_URL unset the embedded database is used.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: process.env.NX_DAEMON ?? 'false' };
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'contracts', 'api', 'web', '--output-style=static'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

process.env.NODE_ENV ??= 'production';
await import('../apps/api/dist/main.js');
