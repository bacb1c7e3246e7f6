import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__CV_E2E__;
  if (!state) return;
  const exited = new Promise((resolve) => state.child.once('exit', resolve));
  state.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (state.child.exitCode === null) state.child.kill('SIGKILL');
  rmSync(state.dataDir, { recursive: true, force: true });
}
