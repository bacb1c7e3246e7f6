import { Module } from '@nestjs/common';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

@Module({ imports: [DisclosureModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
