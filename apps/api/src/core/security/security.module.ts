import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { AppSecrets, loadAppSecrets } from './app-secrets.js';
import { RateLimitService } from './rate-limit.service.js';

@Global()
@Module({
  providers: [{ provide: AppSecrets, useFactory: (config: AppConfig) => loadAppSecrets(config), inject: [AppConfig] }, RateLimitService],
  exports: [AppSecrets, RateLimitService],
})
export class SecurityModule {}
