import { Module } from '@nestjs/common';
import { HouseRulesController } from './house-rules.controller.js';
import { HouseRulesService } from './house-rules.service.js';

/** Due-process moderation. So far: the published house rules every decision will cite. */
@Module({ controllers: [HouseRulesController], providers: [HouseRulesService], exports: [HouseRulesService] })
export class ModerationModule {}
