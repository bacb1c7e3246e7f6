import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Translations of the catalogue (principles, objectives, recommendations) into the interface
 * languages, each with its provenance and review status (modules/catalogue/content-translation.entity.ts).
 * The English rows stay as they are and stay authoritative.
 */
export class ContentTranslations1796410000000 implements MigrationInterface {
  name = 'ContentTranslations1796410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "content_translation" (
        "subject_kind" text NOT NULL,
        "subject_key" text NOT NULL,
        "language" text NOT NULL,
        "fields" jsonb NOT NULL,
        "translator" text NOT NULL,
        "translated_at" date NOT NULL,
        "review_status" text NOT NULL DEFAULT 'unreviewed',
        "reviewer" text,
        "reviewed_at" TIMESTAMP WITH TIME ZONE,
        "source" text,
        CONSTRAINT "content_translation_subject_kind_check" CHECK ("subject_kind" IN ('principle', 'objective', 'recommendation')),
        CONSTRAINT "content_translation_language_check" CHECK ("language" IN ('id', 'ur', 'ne', 'bn', 'fil', 'th', 'vi', 'zh', 'hi', 'ar', 'ru')),
        CONSTRAINT "content_translation_fields_check" CHECK (jsonb_typeof("fields") = 'object'),
        CONSTRAINT "content_translation_review_status_check" CHECK ("review_status" IN ('unreviewed', 'reviewed')),
        CONSTRAINT "content_translation_reviewed_check" CHECK (("review_status" = 'reviewed') = ("reviewed_at" IS NOT NULL)),
        CONSTRAINT "content_translation_pkey" PRIMARY KEY ("subject_kind", "subject_key", "language")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "content_translation"`);
  }
}
