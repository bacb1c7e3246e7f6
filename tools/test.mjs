// `npm test`: every tier, in order, with one summary line. Each Jest tier writes its JSON report to
// tmp/test-results/, which this script (and CI) count.
//   npm test                   lint, typecheck, unit, integration on PostgreSQL and on PGlite, browser journeys, faults
//   npm test -- --skip-e2e     everything but the browser and the fault suite (both need a build)
//   npm test -- --skip-faults  everything but the fault suite
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { missingFleetTools } from './fleet/index.mjs';

const args = new Set(process.argv.slice(2));
const ci = process.env.CI === 'true';
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', FORCE_COLOR: ci ? '0' : (process.env.FORCE_COLOR ?? '1') };
const resultsDir = 'tmp/test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const summary = { passed: 0, failed: 0, skipped: 0 };
const tiers = [];

const started = Date.now();
/** Seconds each step took, printed with the summary. */
const durations = new Map();

/**
 * Runs one step. Steps inside `together()` run beside another group: their output is held and
 * printed whole when the step ends, so two steps' lines never interleave.
 */
function run(name, command, commandArgs, extraEnv = {}) {
  const held = holdOutput.enabled;
  if (!held) process.stdout.write(`\n── ${name} ──\n`);
  const stepStarted = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...env, ...extraEnv } });
    const chunks = [];
    if (held) {
      child.stdout.on('data', (chunk) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => chunks.push(chunk));
    }
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      durations.set(name, (Date.now() - stepStarted) / 1000);
      if (held) process.stdout.write(`\n── ${name} ──\n${Buffer.concat(chunks).toString('utf8')}`);
      resolve(code === 0);
    });
  });
}

const holdOutput = { enabled: false };

/** Groups of steps that run at the same time (each group in order), their output held until each step ends. */
async function together(...groups) {
  holdOutput.enabled = true;
  try {
    await Promise.all(groups.map((group) => group()));
  } finally {
    holdOutput.enabled = false;
  }
}

async function check(name, command, commandArgs) {
  const ok = await run(name, command, commandArgs);
  tiers.push({ name, ok });
  if (!ok) summary.failed += 1;
}

async function jest(name, config, extraEnv = {}) {
  const output = `${resultsDir}/${name.replace(/[^a-z0-9]+/gi, '-')}.json`;
  const ok = await run(
    name,
    'node',
    ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '-c', config, '--json', `--outputFile=${output}`],
    {
      ...extraEnv,
      NODE_NO_WARNINGS: '1',
    },
  );
  let report;
  try {
    report = JSON.parse(readFileSync(output, 'utf8'));
  } catch {
    report = undefined;
  }
  if (report) {
    summary.passed += report.numPassedTests;
    summary.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    summary.skipped += report.numPendingTests;
  } else if (!ok) {
    summary.failed += 1;
  }
  tiers.push({ name, ok: ok && Boolean(report), counts: report && `${report.numPassedTests} passed, ${report.numFailedTests} failed` });
}

async function postgresReachable() {
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    connectionTimeoutMillis: 3_000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

// The module-boundaries lint rule needs Nx's project graph; on a clean clone nothing has computed
// it yet and the rule would be skipped silently.
await run('project graph', 'npx', ['nx', 'show', 'projects']);
await together(
  async () => {
    await check('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']);
    await check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
    await check('dependencies', 'npm', ['run', '--silent', 'lint:deps']);
  },
  async () => {
    await check('typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--output-style=static']);
    await jest('unit api', 'apps/api/jest.config.mjs');
    await jest('unit web', 'apps/web/jest.config.mjs');
  },
);
if (await postgresReachable()) {
  await jest('integration postgres', 'apps/api/jest.integration.config.mjs');
} else {
  unavailable('integration postgres', 'PostgreSQL is not reachable at TEST_DATABASE_URL', 'the embedded tier still runs');
}
const embedded = () => jest('integration embedded', 'apps/api/jest.integration.config.mjs', { TEST_DATABASE: 'embedded' });
if (args.has('--skip-e2e')) {
  await embedded();
} else {
  // The browser journeys spend much of their time waiting (for the network to go idle, for a mail, for
  // a socket): the embedded tier, then the fault suite (which waits on its own restarts and timeouts,
  // and passes beside a CPU burner: npm run test:faults:loop), use those gaps.
  let built;
  const build = new Promise((resolve) => (built = resolve));
  const faults = async () => {
    if (args.has('--skip-faults')) return;
    // The fault suite starts its own PostgreSQL clusters, Redis servers and nginx from the system's
    // binaries, and runs the built API.
    const missing = missingFleetTools();
    if (missing.length > 0) {
      unavailable('faults', missing.join('; '), 'install nginx-light, redis-server and postgresql');
      return;
    }
    await build;
    await jest('faults', 'apps/fleet-faults/jest.config.mjs');
  };
  await together(
    async () => {
      await embedded();
      await faults();
    },
    async () => {
      await check('build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'contracts', 'api', 'web', '--output-style=static']);
      built();
      await jest('e2e browser', 'apps/web-e2e/jest.config.mjs');
    },
  );
}

/** A tier whose prerequisite is missing: a failure in CI, a skip with a notice elsewhere. */
function unavailable(name, reason, hint) {
  if (ci) {
    process.stdout.write(`\n${reason}: CI requires it.\n`);
    summary.failed += 1;
    tiers.push({ name, ok: false, counts: reason });
  } else {
    process.stdout.write(`\n${reason}: the ${name} tier is SKIPPED (${hint}).\n`);
    tiers.push({ name, ok: true, counts: `skipped: ${reason}` });
  }
}

process.stdout.write('\n');
for (const tier of tiers) {
  const seconds = durations.has(tier.name) ? ` ${durations.get(tier.name).toFixed(0)} s` : '';
  process.stdout.write(`${tier.ok ? 'ok  ' : 'FAIL'}  ${tier.name}${tier.counts ? ` (${tier.counts})` : ''}${seconds}\n`);
}
// The budget is reported, never enforced: a busy machine must not turn a run red, but a feature that
// pushes the suite past it shows here in every CI log.
const elapsed = (Date.now() - started) / 1000;
const budget = Number(process.env.TEST_BUDGET_SECONDS ?? 420);
process.stdout.write(
  `time: ${Math.floor(elapsed / 60)} min ${Math.round(elapsed % 60)} s of the ${budget / 60}-minute budget${elapsed > budget ? ' — OVER BUDGET' : ''}\n`,
);
process.stdout.write(`tests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped\n`);
writeFileSync(`${resultsDir}/summary.json`, JSON.stringify({ ...summary, seconds: Math.round(elapsed), tiers }, null, 2));
process.exit(summary.failed > 0 || tiers.some((tier) => !tier.ok) ? 1 : 0);
