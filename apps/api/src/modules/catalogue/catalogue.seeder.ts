import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { loadCatalogueData } from './catalogue.data.js';
import { CatalogueRepository, seedCatalogue, seedContentTranslations } from './catalogue.repository.js';

/**
 * Loads the catalogue on every start. Idempotent: rows are upserted by their natural keys and only
 * rewritten when they differ; links that left the data file are removed. One transaction, so a
 * reader never sees half a catalogue.
 */
@Injectable()
export class CatalogueSeeder implements OnModuleInit {
  private readonly logger = new Logger(CatalogueSeeder.name);

  constructor(private readonly repository: CatalogueRepository) {}

  // onModuleInit, not onApplicationBootstrap: every other module may rely on the catalogue by the time it bootstraps.
  async onModuleInit(): Promise<void> {
    const data = loadCatalogueData();
    await this.repository.transaction(async (manager) => {
      await seedCatalogue(manager, data);
      await seedContentTranslations(manager, data);
    });
    this.logger.log(
      { principles: data.principles.length, recommendations: data.recommendations.length, countries: data.countries.length },
      'catalogue loaded',
    );
  }
}
