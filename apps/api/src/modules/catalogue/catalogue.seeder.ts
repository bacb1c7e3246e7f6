import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { loadCatalogueData, type CatalogueData } from './catalogue.data.js';

/**
 * Loads the catalogue on every start. Idempotent: rows are upserted by their natural keys and only
 * rewritten when they differ; links that left the data file are removed. One transaction, so a
 * reader never sees half a catalogue.
 */
@Injectable()
export class CatalogueSeeder implements OnModuleInit {
  private readonly logger = new Logger(CatalogueSeeder.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // onModuleInit, not onApplicationBootstrap: every other module may rely on the catalogue by the time it bootstraps.
  async onModuleInit(): Promise<void> {
    const data = loadCatalogueData();
    await this.dataSource.transaction((manager) => seedCatalogue(manager, data));
    this.logger.log(
      { principles: data.principles.length, recommendations: data.recommendations.length, countries: data.countries.length },
      'catalogue loaded',
    );
  }
}

export async function seedCatalogue(manager: EntityManager, data: CatalogueData): Promise<void> {
  const json = (rows: unknown[]) => JSON.stringify(rows);
  await manager.query(
    `INSERT INTO principle (code, position, title, description)
     SELECT code, "order", title, description
     FROM jsonb_to_recordset($1::jsonb) AS x(code text, "order" int, title text, description text)
     ON CONFLICT (code) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title, description = EXCLUDED.description
     WHERE (principle.position, principle.title, principle.description) IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.title, EXCLUDED.description)`,
    [json(data.principles)],
  );
  await manager.query(
    `INSERT INTO objective (number, title)
     SELECT number, title FROM jsonb_to_recordset($1::jsonb) AS x(number int, title text)
     ON CONFLICT (number) DO UPDATE SET title = EXCLUDED.title
     WHERE objective.title IS DISTINCT FROM EXCLUDED.title`,
    [json(data.objectives)],
  );
  await manager.query(
    `INSERT INTO recommendation (code, principle_code, position, text, note)
     SELECT code, "principleCode", "order", text, note
     FROM jsonb_to_recordset($1::jsonb) AS x(code text, "principleCode" text, "order" int, text text, note text)
     ON CONFLICT (code) DO UPDATE SET principle_code = EXCLUDED.principle_code, position = EXCLUDED.position, text = EXCLUDED.text, note = EXCLUDED.note
     WHERE (recommendation.principle_code, recommendation.position, recommendation.text, recommendation.note)
       IS DISTINCT FROM (EXCLUDED.principle_code, EXCLUDED.position, EXCLUDED.text, EXCLUDED.note)`,
    [json(data.recommendations)],
  );
  await manager.query(
    `DELETE FROM recommendation_objective ro
     WHERE NOT EXISTS (
       SELECT 1 FROM jsonb_to_recordset($1::jsonb) AS x("recommendationCode" text, "objectiveNumber" int)
       WHERE x."recommendationCode" = ro.recommendation_code AND x."objectiveNumber" = ro.objective_number)`,
    [json(data.links)],
  );
  await manager.query(
    `INSERT INTO recommendation_objective (recommendation_code, objective_number, rationale)
     SELECT "recommendationCode", "objectiveNumber", rationale
     FROM jsonb_to_recordset($1::jsonb) AS x("recommendationCode" text, "objectiveNumber" int, rationale text)
     ON CONFLICT (recommendation_code, objective_number) DO UPDATE SET rationale = EXCLUDED.rationale
     WHERE recommendation_objective.rationale IS DISTINCT FROM EXCLUDED.rationale`,
    [json(data.links)],
  );
  await manager.query(
    `INSERT INTO country (iso3, name, subregion, in_region, membership)
     SELECT iso3, name, subregion, "inRegion", membership
     FROM jsonb_to_recordset($1::jsonb) AS x(iso3 text, name text, subregion text, "inRegion" boolean, membership text)
     ON CONFLICT (iso3) DO UPDATE SET name = EXCLUDED.name, subregion = EXCLUDED.subregion, in_region = EXCLUDED.in_region, membership = EXCLUDED.membership
     WHERE (country.name, country.subregion, country.in_region, country.membership)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.subregion, EXCLUDED.in_region, EXCLUDED.membership)`,
    [json(data.countries)],
  );
  await manager.query(
    `INSERT INTO stakeholder_type (code, label, side, position)
     SELECT code, label, side, position
     FROM jsonb_to_recordset($1::jsonb) AS x(code text, label text, side text, position int)
     ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, side = EXCLUDED.side, position = EXCLUDED.position
     WHERE (stakeholder_type.label, stakeholder_type.side, stakeholder_type.position)
       IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.side, EXCLUDED.position)`,
    [json(data.stakeholderTypes.map((type, index) => ({ ...type, position: index + 1 })))],
  );
}
