import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Published house rules, one immutable row per version; the first versions are loaded at start. */
export class HouseRules1795725600000 implements MigrationInterface {
  name = 'HouseRules1795725600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "house_rule" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" character varying(8) NOT NULL,
        "version" integer NOT NULL,
        "title" jsonb NOT NULL,
        "text" jsonb NOT NULL,
        "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "published_by" uuid,
        CONSTRAINT "house_rule_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "house_rule_code_version_key" UNIQUE ("code", "version"),
        CONSTRAINT "house_rule_code_check" CHECK ("code" ~ '^R[0-9]{1,3}$'),
        CONSTRAINT "house_rule_version_check" CHECK ("version" > 0),
        CONSTRAINT "house_rule_languages_check" CHECK ("title" ? 'en' AND "text" ? 'en'),
        CONSTRAINT "house_rule_published_by_fkey" FOREIGN KEY ("published_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "house_rule"`);
  }
}
