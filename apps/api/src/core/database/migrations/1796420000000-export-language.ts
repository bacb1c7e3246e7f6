import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An export remembers the language its pack's README and codebook are written in (the requester's;
 * modules/exports/pack-text.ts). Existing exports were made in English.
 */
export class ExportLanguage1796420000000 implements MigrationInterface {
  name = 'ExportLanguage1796420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_job" ADD "locale" text NOT NULL DEFAULT 'en'`);
    await queryRunner.query(
      `ALTER TABLE "export_job" ADD CONSTRAINT "export_job_locale_check" CHECK ("locale" IN ('en', 'id', 'ur', 'ne', 'bn', 'fil', 'th', 'vi', 'zh', 'hi', 'ar', 'ru'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_job" DROP CONSTRAINT "export_job_locale_check"`);
    await queryRunner.query(`ALTER TABLE "export_job" DROP COLUMN "locale"`);
  }
}
