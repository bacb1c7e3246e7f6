import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { setUpApp } from './app.setup.js';
import { DataDirLock, DataDirLockedError } from './core/database/embedded-database.js';
import { installGracefulShutdown } from './core/lifecycle/graceful-shutdown.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind === 'embedded') DataDirLock.assertFree(config.database.dataDir);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  setUpApp(app, config);
  await app.listen(config.port, config.host);
  installGracefulShutdown(app, config);
  const logger = app.get(Logger);
  // A forgotten promise is a bug to log, not a reason to drop every connection of this instance;
  // a thrown exception nobody caught leaves the process in an unknown state: exit, the supervisor restarts it.
  process.on('unhandledRejection', (reason) =>
    logger.error(
      {
        event: 'process.unhandled_rejection',
        err: reason instanceof Error ? { type: reason.name, message: reason.message, stack: reason.stack } : String(reason),
      },
      'unhandled promise rejection',
      'Process',
    ),
  );
  process.on('uncaughtException', (error) => {
    logger.fatal?.(
      { event: 'process.uncaught_exception', err: { type: error.name, message: error.message, stack: error.stack } },
      'uncaught exception; exiting',
      'Process',
    );
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
  });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.log(`listening on port ${port} (${config.database.kind} database)`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  // Configuration and lock problems are the operator's to fix: one clear line, no stack.
  const message =
    error instanceof ConfigError || error instanceof DataDirLockedError
      ? error.message
      : `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  // Exit only once the line is written: stderr to a pipe is asynchronous.
  process.stderr.write(`${message}\n`, () => process.exit(1));
});
