import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue of Chapter 7: principles, recommendations, GCM objectives and their links,
 * countries and stakeholder types. Rows are loaded on start by CatalogueSeeder from the
 * reviewed JSON files in modules/catalogue/data; this migration only makes the tables.
 */
export class Catalogue1795718206666 implements MigrationInterface {
  name = 'Catalogue1795718206666';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "principle" (
        "code" character varying(2) NOT NULL,
        "position" smallint NOT NULL,
        "title" text NOT NULL,
        "description" text NOT NULL,
        CONSTRAINT "principle_pkey" PRIMARY KEY ("code"),
        CONSTRAINT "principle_position_key" UNIQUE ("position"),
        CONSTRAINT "principle_code_check" CHECK ("code" ~ '^[A-Z]{2}$'),
        CONSTRAINT "principle_position_check" CHECK ("position" > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE "objective" (
        "number" smallint NOT NULL,
        "title" text NOT NULL,
        CONSTRAINT "objective_pkey" PRIMARY KEY ("number"),
        CONSTRAINT "objective_number_check" CHECK ("number" BETWEEN 1 AND 23)
      )`);
    await queryRunner.query(`
      CREATE TABLE "recommendation" (
        "code" character varying(5) NOT NULL,
        "principle_code" character varying(2) NOT NULL,
        "position" smallint NOT NULL,
        "text" text NOT NULL,
        "note" text,
        CONSTRAINT "recommendation_pkey" PRIMARY KEY ("code"),
        CONSTRAINT "recommendation_principle_position_key" UNIQUE ("principle_code", "position"),
        CONSTRAINT "recommendation_code_check" CHECK ("code" ~ '^[A-Z]{2}-[1-9][0-9]?$'),
        CONSTRAINT "recommendation_position_check" CHECK ("position" > 0),
        CONSTRAINT "recommendation_principle_code_fkey" FOREIGN KEY ("principle_code")
          REFERENCES "principle"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    // Full-text search over the verbatim text (English: the chapter is in English).
    await queryRunner.query(`CREATE INDEX "recommendation_search_idx" ON "recommendation" USING GIN (to_tsvector('english', "text"))`);
    await queryRunner.query(`
      CREATE TABLE "recommendation_objective" (
        "recommendation_code" character varying(5) NOT NULL,
        "objective_number" smallint NOT NULL,
        "rationale" text NOT NULL,
        CONSTRAINT "recommendation_objective_pkey" PRIMARY KEY ("recommendation_code", "objective_number"),
        CONSTRAINT "recommendation_objective_recommendation_code_fkey" FOREIGN KEY ("recommendation_code")
          REFERENCES "recommendation"("code") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "recommendation_objective_objective_number_fkey" FOREIGN KEY ("objective_number")
          REFERENCES "objective"("number") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "recommendation_objective_objective_number_idx" ON "recommendation_objective" ("objective_number")`,
    );
    await queryRunner.query(`
      CREATE TABLE "country" (
        "iso3" character(3) NOT NULL,
        "name" text NOT NULL,
        "subregion" text,
        "in_region" boolean NOT NULL,
        "membership" text,
        CONSTRAINT "country_pkey" PRIMARY KEY ("iso3"),
        CONSTRAINT "country_iso3_check" CHECK ("iso3" ~ '^[A-Z]{3}$'),
        CONSTRAINT "country_subregion_check" CHECK ("subregion" IN ('East and North-East Asia', 'South-East Asia', 'South and South-West Asia', 'North and Central Asia', 'Pacific')),
        CONSTRAINT "country_membership_check" CHECK ("membership" IN ('member', 'associate')),
        CONSTRAINT "country_in_region_check" CHECK ("in_region" = ("subregion" IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE "stakeholder_type" (
        "code" character varying(32) NOT NULL,
        "label" text NOT NULL,
        "side" text NOT NULL,
        "position" smallint NOT NULL,
        CONSTRAINT "stakeholder_type_pkey" PRIMARY KEY ("code"),
        CONSTRAINT "stakeholder_type_position_key" UNIQUE ("position"),
        CONSTRAINT "stakeholder_type_side_check" CHECK ("side" IN ('government', 'civil-society', 'other'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "stakeholder_type"`);
    await queryRunner.query(`DROP TABLE "country"`);
    await queryRunner.query(`DROP TABLE "recommendation_objective"`);
    await queryRunner.query(`DROP TABLE "recommendation"`);
    await queryRunner.query(`DROP TABLE "objective"`);
    await queryRunner.query(`DROP TABLE "principle"`);
  }
}
