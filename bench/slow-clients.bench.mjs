// Slow clients: 1,100 live clients in one thread, 100 of which also sit in a
// flooded thread; first all of them read, then the 100 stop. Target: the readers' delivery p99
// within +20% of the first phase (same clients, same traffic, same run). The scenario is the fault
// spec's own (apps/fleet-faults/src/slow-clients.fault-spec.ts), run here with its latencies
// collected: the spec keeps the properties (nothing lost, memory bounded, every stalled socket cut)
// and this benchmark reports the wall-clock ratio, which a busy machine moves by chance.
//   npm run build && npm run bench:slow-clients        (BENCH_RUNS=3 for several runs)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const report = 'tmp/bench/slow-clients.json';
const rows = [];
for (let run = 1; run <= RUNS; run++) {
  rmSync(report, { force: true });
  const result = spawnSync(
    'node',
    ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '-c', 'apps/fleet-faults/jest.config.mjs', 'slow-clients'],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_NO_WARNINGS: '1', FAULT_SLOW_CLIENTS_REPORT: report } },
  );
  if (!existsSync(report)) {
    process.stderr.write(`run ${run}: the scenario did not finish (exit ${result.status})\n`);
    process.exit(1);
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const ratio = r.p99.withSlow / r.p99.baseline;
  rows.push([
    String(run),
    `${r.p99.baseline.toFixed(1)} → ${r.p99.withSlow.toFixed(1)}`,
    `${((ratio - 1) * 100).toFixed(0)}%`,
    ratio <= 1.2 ? 'met' : 'MISSED',
    `${r.broadcastP99.baseline.toFixed(1)} → ${r.broadcastP99.withSlow.toFixed(1)}`,
    `+${(r.rssPeak - r.rssBefore).toFixed(0)}`,
    `${r.dropped} / ${r.slow}`,
  ]);
}
const header = [
  'run',
  "readers' p99, ms (all read → 100 stalled)",
  'change',
  '≤ +20%',
  'median broadcast p99, ms',
  'RSS peak, MB',
  'stalled sockets cut',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
process.stdout.write(`${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${rows.map(line).join('\n')}\n`);
