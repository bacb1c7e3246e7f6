// `npm run test:faults:loop`: the fault suite, run again and again while another process keeps a
// core busy, to show that its results do not depend on an idle machine. Builds once, then runs
// the suite FAULT_LOOP_RUNS times (default 10) next to a CPU burner (FAULT_LOOP_BURNERS processes
// spinning, default 1), and prints one line per run and `fault loop: P of N runs passed`.
// Reports go to tmp/fault-loop/run-<n>.json. Exits non-zero unless every run passed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { missingFleetTools } from './fleet/index.mjs';

const missing = missingFleetTools();
if (missing.length > 0) {
  process.stderr.write(`test:faults:loop: cannot run the fault suite: ${missing.join('; ')}\n`);
  process.exit(1);
}

const runs = Number(process.env.FAULT_LOOP_RUNS ?? 10);
const burners = Number(process.env.FAULT_LOOP_BURNERS ?? 1);
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NODE_NO_WARNINGS: '1' };
const dir = 'tmp/fault-loop';

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'contracts', 'api', '--output-style=static'], {
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

// Each burner is a process that does nothing but arithmetic, as a parallel build or test run would.
const spinning = Array.from({ length: burners }, () =>
  spawn(process.execPath, ['-e', 'let x = 0; for (;;) { x = (x * 1103515245 + 12345) % 2147483648; }'], { stdio: 'ignore' }),
);
const stopBurners = () => spinning.forEach((child) => child.kill('SIGKILL'));
process.on('exit', stopBurners);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

let passedRuns = 0;
for (let run = 1; run <= runs; run++) {
  const report = `${dir}/run-${run}.json`;
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      '-c',
      'apps/fleet-faults/jest.config.mjs',
      '--json',
      `--outputFile=${report}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' },
  );
  let counts = 'no report';
  let ok = result.status === 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    counts = `${json.numPassedTests} passed, ${json.numFailedTests} failed`;
    ok = ok && json.numFailedTests === 0 && json.numRuntimeErrorTestSuites === 0;
    if (!ok) {
      for (const suite of json.testResults) {
        for (const test of suite.assertionResults.filter((assertion) => assertion.status === 'failed')) {
          process.stdout.write(`  failed: ${test.fullName}\n    ${(test.failureMessages[0] ?? '').split('\n')[0]}\n`);
        }
      }
    }
  } catch {
    process.stdout.write((result.stderr ?? '').slice(-2000));
  }
  if (ok) passedRuns += 1;
  process.stdout.write(`run ${run}/${runs}: ${ok ? 'ok  ' : 'FAIL'} (${counts}) in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
stopBurners();
process.stdout.write(`fault loop: ${passedRuns} of ${runs} runs passed, with ${burners} CPU burner(s) running\n`);
process.exit(passedRuns === runs ? 0 : 1);
