import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports run as background jobs (pg-boss keeps its own schema, created at start): their record,
 * single-use session-bound download links, and the comments moderators highlight for the report.
 */
export class Exports1795730342090 implements MigrationInterface {
  name = 'Exports1795730342090';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "export_job" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "requested_by" uuid,
        "session_id" uuid,
        "dataset" text NOT NULL,
        "format" text NOT NULL,
        "privacy" text NOT NULL,
        "filters" jsonb NOT NULL DEFAULT '{}',
        "bom" boolean NOT NULL DEFAULT false,
        "published_consultation_id" uuid,
        "status" text NOT NULL DEFAULT 'queued',
        "progress" real NOT NULL DEFAULT '0',
        "row_count" bigint,
        "row_counts" jsonb,
        "file_name" text,
        "size_bytes" bigint,
        "sha256" character(64),
        "error" text,
        "pseudonym_seed" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "export_job_published_check" CHECK ("published_consultation_id" IS NULL OR ("privacy" = 'public' AND "dataset" = 'pack')),
        CONSTRAINT "export_job_progress_check" CHECK ("progress" BETWEEN 0 AND 1),
        CONSTRAINT "export_job_status_check" CHECK ("status" IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        CONSTRAINT "export_job_privacy_check" CHECK ("privacy" IN ('public', 'full')),
        CONSTRAINT "export_job_format_check" CHECK ("format" IN ('csv', 'xlsx', 'ndjson', 'zip', 'pdf')),
        CONSTRAINT "export_job_dataset_check" CHECK ("dataset" IN ('comments', 'ratings', 'official', 'recommendations', 'participation', 'moderation', 'pack', 'report')),
        CONSTRAINT "export_job_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "export_job_published_idx" ON "export_job"("published_consultation_id", "finished_at") WHERE "published_consultation_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "export_job_requested_by_idx" ON "export_job"("requested_by", "created_at")`);
    await queryRunner.query(`
      CREATE TABLE "export_download_link" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "export_id" uuid NOT NULL,
        "token_hash" character(64) NOT NULL,
        "session_id" uuid NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "export_download_link_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "export_download_link_export_id_idx" ON "export_download_link"("export_id")`);
    await queryRunner.query(`ALTER TABLE "comment" ADD "highlighted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "export_job" ADD CONSTRAINT "export_job_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "export_job" ADD CONSTRAINT "export_job_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "user_session"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "export_download_link" ADD CONSTRAINT "export_download_link_export_id_fkey" FOREIGN KEY ("export_id") REFERENCES "export_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "export_download_link" ADD CONSTRAINT "export_download_link_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "user_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_download_link" DROP CONSTRAINT "export_download_link_session_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "export_download_link" DROP CONSTRAINT "export_download_link_export_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "export_job" DROP CONSTRAINT "export_job_session_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "export_job" DROP CONSTRAINT "export_job_requested_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "highlighted_at"`);
    await queryRunner.query(`DROP INDEX "public"."export_download_link_export_id_idx"`);
    await queryRunner.query(`DROP TABLE "export_download_link"`);
    await queryRunner.query(`DROP INDEX "public"."export_job_requested_by_idx"`);
    await queryRunner.query(`DROP INDEX "public"."export_job_published_idx"`);
    await queryRunner.query(`DROP TABLE "export_job"`);
  }
}
