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
/** Seconds each step took, and when it started, printed with the summary. */
const durations = new Map();
const startedAt = new Map();

/**
 * Runs one step. Steps run by `schedule()` run beside others: their output is held and
 * printed whole when the step ends, so two steps' lines never interleave.
 */
function run(name, command, commandArgs, extraEnv = {}) {
  const held = holdOutput.enabled;
  if (!held) process.stdout.write(`\n── ${name} ──\n`);
  const stepStarted = Date.now();
  startedAt.set(name, (stepStarted - started) / 1000);
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

const withBrowser = !args.has('--skip-e2e');
const withFaults = withBrowser && !args.has('--skip-faults');

async function faults() {
  // The fault suite starts its own PostgreSQL clusters, Redis servers and nginx from the system's
  // binaries, and runs the built API.
  const missing = missingFleetTools();
  if (missing.length > 0) {
    unavailable('faults', missing.join('; '), 'install nginx-light, redis-server and postgresql');
    return;
  }
  await jest('faults', 'apps/fleet-faults/jest.config.mjs');
}

async function integrationPostgres() {
  if (await postgresReachable()) await jest('integration postgres', 'apps/api/jest.integration.config.mjs');
  else unavailable('integration postgres', 'PostgreSQL is not reachable at TEST_DATABASE_URL', 'the embedded tier still runs');
}

/**
 * Every tier is a job; SLOTS of them run at once (default 2, one per core), each starting as soon as
 * a slot is free and what it needs has finished, in this order: the longest first, so that no long
 * tier starts last and runs alone, and the build first, so the browser journeys start at once. The
 * suite is CPU-bound on two cores: a third slot made it slower (7 min 47 s against 7 min 30 s), as
 * the integration tiers then wait on PostgreSQL and PGlite starved of CPU. The typed lint and the
 * typecheck wait for the build, which writes the contracts' declarations they read.
 */
const jobs = [
  withBrowser && {
    name: 'build',
    run: () => check('build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'contracts', 'api', 'web', '--output-style=static']),
  },
  { name: 'integration postgres', run: integrationPostgres },
  withBrowser && { name: 'e2e browser', after: ['build'], run: () => jest('e2e browser', 'apps/web-e2e/jest.config.mjs') },
  withFaults && { name: 'faults', after: ['build'], run: faults },
  {
    name: 'integration embedded',
    run: () => jest('integration embedded', 'apps/api/jest.integration.config.mjs', { TEST_DATABASE: 'embedded' }),
  },
  { name: 'lint', run: () => check('lint', 'npx', ['eslint', '.', '--max-warnings=0']) },
  { name: 'lint types', after: ['build'], run: () => check('lint types', 'npm', ['run', '--silent', 'lint:types']) },
  { name: 'unit web', run: () => jest('unit web', 'apps/web/jest.config.mjs') },
  {
    name: 'typecheck',
    after: ['build'],
    run: () => check('typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--output-style=static']),
  },
  { name: 'format', run: () => check('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']) },
  { name: 'unit api', run: () => jest('unit api', 'apps/api/jest.config.mjs') },
  { name: 'dependencies', run: () => check('dependencies', 'npm', ['run', '--silent', 'lint:deps']) },
].filter(Boolean);

const SLOTS = Number(process.env.TEST_SLOTS ?? 2);
await schedule(jobs, SLOTS);

/** Runs `jobs` at most `slots` at a time, each once the jobs it names in `after` have ended. */
async function schedule(pending, slots) {
  const known = new Set(pending.map((job) => job.name));
  const done = new Set();
  holdOutput.enabled = true;
  await new Promise((resolveAll) => {
    let running = 0;
    const next = () => {
      if (pending.length === 0 && running === 0) return resolveAll();
      while (running < slots) {
        const index = pending.findIndex((job) => (job.after ?? []).every((name) => done.has(name) || !known.has(name)));
        if (index < 0) return;
        const [job] = pending.splice(index, 1);
        running += 1;
        void job.run().then(() => {
          running -= 1;
          done.add(job.name);
          next();
        });
      }
    };
    next();
  });
  holdOutput.enabled = false;
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
  const seconds = durations.has(tier.name)
    ? ` ${durations.get(tier.name).toFixed(0)} s (from ${startedAt.get(tier.name).toFixed(0)} s)`
    : '';
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
