import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  if (process.env.FAULT_TEMPLATE_DIR) rmSync(process.env.FAULT_TEMPLATE_DIR, { recursive: true, force: true });
}
