// `npm run dev`: the API (rebuilt and restarted on change) and Vite's dev server with hot reload,
// which proxies /api and /socket.io to the API. Open http://localhost:5173.
import { spawn } from 'node:child_process';

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NODE_ENV: 'development', SERVE_WEB: 'false' };
const children = [
  spawn(
    'node',
    ['node_modules/typescript-7/bin/tsc', '-p', 'libs/shared/contracts/tsconfig.lib.json', '--watch', '--preserveWatchOutput'],
    { stdio: 'inherit', env },
  ),
  spawn('node', ['node_modules/typescript-7/bin/tsc', '-p', 'apps/api/tsconfig.app.json', '--watch', '--preserveWatchOutput'], {
    stdio: 'inherit',
    env,
  }),
  spawn('node', ['--watch-path=apps/api/dist', '--watch-preserve-output', 'apps/api/dist/main.js'], { stdio: 'inherit', env }),
  spawn('npx', ['vite', '--config', 'apps/web/vite.config.ts'], { stdio: 'inherit', env }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
