import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disclosure control for ratings: every public rating figure is now read from a cell's releases
 * (rating_release, rating_statistic), made only when the release audit passes, over the published
 * copy of the ratings behind them (released_rating). Ratings also keep whether the organisation
 * rated for was verified at the time, so the government side of a gap is a fixed fact of the rating.
 * Existing cells start unpublished; the API releases them on start (see RatingReleasesService).
 * Export jobs record the layout of their files, so that open-data packs published in the old layout
 * (one pseudonym per account across datasets, resolvable ids) can be withdrawn and regenerated.
 */
export class RatingReleases1795750000000 implements MigrationInterface {
  name = 'RatingReleases1795750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rating" ADD "rater_organisation_verified" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE "rating" r SET "rater_organisation_verified" = true FROM "organisation" o WHERE o."id" = r."rater_organisation_id" AND o."verified_at" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "rating_revision" ADD "rater_organisation_verified" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE TABLE "rating_cell" (
      "consultation_id" uuid NOT NULL, "recommendation_code" character varying(5) NOT NULL, "country_iso3" character(3) NOT NULL,
      "last_release" integer NOT NULL DEFAULT 0, "check_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "rating_cell_pkey" PRIMARY KEY ("consultation_id", "recommendation_code", "country_iso3"))`);
    await queryRunner.query(`CREATE INDEX "rating_cell_check_at_idx" ON "rating_cell" ("check_at")`);
    await queryRunner.query(`CREATE TABLE "rating_release" (
      "consultation_id" uuid NOT NULL, "recommendation_code" character varying(5) NOT NULL, "country_iso3" character(3) NOT NULL,
      "release_no" integer NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "predicates" text array NOT NULL,
      "gap_value" double precision, "gap_ci_low" double precision, "gap_ci_high" double precision,
      CONSTRAINT "rating_release_no_check" CHECK ("release_no" >= 1),
      CONSTRAINT "rating_release_gap_check" CHECK (("gap_value" IS NULL) = ("gap_ci_low" IS NULL) AND ("gap_value" IS NULL) = ("gap_ci_high" IS NULL)),
      CONSTRAINT "rating_release_pkey" PRIMARY KEY ("consultation_id", "recommendation_code", "country_iso3", "release_no"))`);
    await queryRunner.query(`CREATE TABLE "released_rating" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "consultation_id" uuid NOT NULL, "recommendation_code" character varying(5) NOT NULL,
      "country_iso3" character(3) NOT NULL, "rating_id" uuid NOT NULL, "user_id" uuid, "score" smallint, "dont_know" boolean NOT NULL,
      "stakeholder_type" character varying(32) NOT NULL, "side" character(1) NOT NULL, "from_release" integer NOT NULL,
      "released_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "to_release" integer,
      CONSTRAINT "released_rating_score_check" CHECK ("score" BETWEEN 0 AND 4),
      CONSTRAINT "released_rating_dont_know_check" CHECK (("score" IS NULL) = "dont_know"),
      CONSTRAINT "released_rating_side_check" CHECK ("side" IN ('G', 'C', 'O')),
      CONSTRAINT "released_rating_interval_check" CHECK ("to_release" IS NULL OR "to_release" > "from_release"),
      CONSTRAINT "released_rating_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "released_rating_cell_idx" ON "released_rating" ("consultation_id", "recommendation_code", "country_iso3")`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "released_rating_open_key" ON "released_rating" ("rating_id") WHERE "to_release" IS NULL`);
    await queryRunner.query(
      `CREATE INDEX "released_rating_open_people_idx" ON "released_rating" ("consultation_id", "recommendation_code", "country_iso3", "dont_know", "user_id") WHERE "to_release" IS NULL`,
    );
    await queryRunner.query(`CREATE TABLE "rating_statistic" (
      "consultation_id" uuid NOT NULL, "recommendation_code" character varying(5) NOT NULL, "country_iso3" character(3) NOT NULL,
      "release_no" integer NOT NULL, "predicate" text NOT NULL, "people" integer NOT NULL,
      "s0" integer NOT NULL DEFAULT 0, "s1" integer NOT NULL DEFAULT 0, "s2" integer NOT NULL DEFAULT 0, "s3" integer NOT NULL DEFAULT 0, "s4" integer NOT NULL DEFAULT 0,
      CONSTRAINT "rating_statistic_people_check" CHECK ("people" >= 5),
      CONSTRAINT "rating_statistic_counts_check" CHECK ("s0" >= 0 AND "s1" >= 0 AND "s2" >= 0 AND "s3" >= 0 AND "s4" >= 0),
      CONSTRAINT "rating_statistic_pkey" PRIMARY KEY ("consultation_id", "recommendation_code", "country_iso3", "release_no", "predicate"))`);
    await queryRunner.query(
      `ALTER TABLE "rating_cell" ADD CONSTRAINT "rating_cell_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_cell" ADD CONSTRAINT "rating_cell_recommendation_code_fkey" FOREIGN KEY ("recommendation_code") REFERENCES "recommendation"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_cell" ADD CONSTRAINT "rating_cell_country_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "country"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "released_rating" ADD CONSTRAINT "released_rating_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_release" ADD CONSTRAINT "rating_release_cell_fkey" FOREIGN KEY ("consultation_id", "recommendation_code", "country_iso3") REFERENCES "rating_cell"("consultation_id", "recommendation_code", "country_iso3") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "released_rating" ADD CONSTRAINT "released_rating_cell_fkey" FOREIGN KEY ("consultation_id", "recommendation_code", "country_iso3") REFERENCES "rating_cell"("consultation_id", "recommendation_code", "country_iso3") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_statistic" ADD CONSTRAINT "rating_statistic_release_fkey" FOREIGN KEY ("consultation_id", "recommendation_code", "country_iso3", "release_no") REFERENCES "rating_release"("consultation_id", "recommendation_code", "country_iso3", "release_no") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Exports made before this layout (per-account pseudonyms, internal ids, rating rows with evidence)
    // are version 1; published packs of version 1 are withdrawn and regenerated on start.
    await queryRunner.query(`ALTER TABLE "export_job" ADD "format_version" integer NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_job" DROP COLUMN "format_version"`);
    await queryRunner.query(`DROP TABLE "rating_statistic"`);
    await queryRunner.query(`DROP TABLE "released_rating"`);
    await queryRunner.query(`DROP TABLE "rating_release"`);
    await queryRunner.query(`DROP TABLE "rating_cell"`);
    await queryRunner.query(`ALTER TABLE "rating_revision" DROP COLUMN "rater_organisation_verified"`);
    await queryRunner.query(`ALTER TABLE "rating" DROP COLUMN "rater_organisation_verified"`);
  }
}
