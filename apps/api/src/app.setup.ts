import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from './config/app-config.js';
import { configureApp } from './core/http/configure-app.js';
import { LiveIoAdapter } from './modules/realtime/live-io.adapter.js';

/**
 * Everything main.ts (and the test app, which must match it) does to the app before it listens:
 * the HTTP pipeline from core, and the live-thread socket adapter from the realtime feature.
 */
export function setUpApp(app: NestExpressApplication, config: AppConfig): void {
  configureApp(app, config);
  app.useWebSocketAdapter(new LiveIoAdapter(app, config));
}
