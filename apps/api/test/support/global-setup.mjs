// Plain JS: Jest loads global setup outside the ESM test pipeline. It only names this run;
// the first suite creates the migrated template database (see test-database.ts).
import { randomBytes } from 'node:crypto';

export default function globalSetup() {
  process.env.CV_TEST_RUN = `cv_test_${randomBytes(4).toString('hex')}`;
}
