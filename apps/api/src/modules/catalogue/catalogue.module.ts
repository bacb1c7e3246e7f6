import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller.js';
import { CatalogueRepository } from './catalogue.repository.js';
import { CatalogueSeeder } from './catalogue.seeder.js';
import { CatalogueService } from './catalogue.service.js';

@Module({
  controllers: [CatalogueController],
  providers: [CatalogueRepository, CatalogueService, CatalogueSeeder],
  exports: [CatalogueService],
})
export class CatalogueModule {}
