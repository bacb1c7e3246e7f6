// `npm run test:faults`: build the API, then run the fault suite (apps/fleet-faults). Each spec starts
// its own PostgreSQL cluster, Redis, API instances and nginx running deploy/nginx.conf (tools/fleet)
// and breaks one of them. Writes its Jest report to tmp/test-results/faults.json, which .ci/run counts.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { missingFleetTools } from './fleet/index.mjs';

const missing = missingFleetTools();
if (missing.length > 0) {
  process.stderr.write(`test:faults: cannot run the fault suite: ${missing.join('; ')}\n`);
  process.exit(1);
}
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NODE_NO_WARNINGS: '1' };
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'contracts', 'api', '--output-style=static'], {
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);
mkdirSync('tmp/test-results', { recursive: true });
const result = spawnSync(
  'node',
  [
    '--experimental-vm-modules',
    'node_modules/jest/bin/jest.js',
    '-c',
    'apps/fleet-faults/jest.config.mjs',
    '--json',
    '--outputFile=tmp/test-results/faults.json',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
