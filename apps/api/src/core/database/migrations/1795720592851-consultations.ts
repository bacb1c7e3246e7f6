import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultation rounds with their scope and moderators; comments with revisions and reactions;
 * ratings with history; official self-assessments; idempotency keys; the per-thread event log.
 * Generated from the entities, then reviewed.
 */
export class Consultations1795720592851 implements MigrationInterface {
  name = 'Consultations1795720592851';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "consultation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" text NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "description_html" text NOT NULL DEFAULT '',
        "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "moderation_mode" text NOT NULL DEFAULT 'post',
        "status" text NOT NULL DEFAULT 'draft',
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "consultation_status_check" CHECK ("status" IN ('draft', 'open', 'closed', 'archived')),
        CONSTRAINT "consultation_moderation_mode_check" CHECK ("moderation_mode" IN ('pre', 'post')),
        CONSTRAINT "consultation_window_check" CHECK ("closes_at" > "opens_at"),
        CONSTRAINT "consultation_description_check" CHECK (char_length("description") <= 10000),
        CONSTRAINT "consultation_title_check" CHECK (char_length("title") BETWEEN 3 AND 200),
        CONSTRAINT "consultation_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "consultation_recommendation" (
        "consultation_id" uuid NOT NULL,
        "recommendation_code" character varying(5) NOT NULL,
        CONSTRAINT "consultation_recommendation_pkey" PRIMARY KEY ("consultation_id", "recommendation_code")
      )`);
    await queryRunner.query(`
      CREATE TABLE "consultation_country" (
        "consultation_id" uuid NOT NULL,
        "country_iso3" character(3) NOT NULL,
        CONSTRAINT "consultation_country_pkey" PRIMARY KEY ("consultation_id", "country_iso3")
      )`);
    await queryRunner.query(`
      CREATE TABLE "consultation_moderator" (
        "consultation_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        CONSTRAINT "consultation_moderator_pkey" PRIMARY KEY ("consultation_id", "user_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "comment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consultation_id" uuid NOT NULL,
        "recommendation_code" character varying(5) NOT NULL,
        "parent_id" uuid,
        "root_id" uuid NOT NULL,
        "depth" smallint NOT NULL DEFAULT '0',
        "author_id" uuid,
        "author_stakeholder_type" character varying(32) NOT NULL,
        "author_organisation_id" uuid,
        "author_country_iso3" character(3),
        "author_protected" boolean NOT NULL DEFAULT false,
        "country_iso3" character(3),
        "stance" text,
        "language" character varying(35),
        "body" text NOT NULL,
        "body_html" text NOT NULL,
        "status" text NOT NULL DEFAULT 'published',
        "agree_count" integer NOT NULL DEFAULT '0',
        "disagree_count" integer NOT NULL DEFAULT '0',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "edited_at" TIMESTAMP WITH TIME ZONE,
        "deleted_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL DEFAULT '1',
        CONSTRAINT "comment_counts_check" CHECK ("agree_count" >= 0 AND "disagree_count" >= 0),
        CONSTRAINT "comment_status_check" CHECK ("status" IN ('published', 'pending', 'hidden', 'rejected', 'deleted')),
        CONSTRAINT "comment_stance_check" CHECK ("stance" IN ('supports', 'concern', 'information', 'question')),
        CONSTRAINT "comment_body_check" CHECK (char_length("body") <= 5000),
        CONSTRAINT "comment_parent_depth_check" CHECK (("parent_id" IS NULL) = ("depth" = 0)),
        CONSTRAINT "comment_depth_check" CHECK ("depth" BETWEEN 0 AND 3),
        CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "comment_parent_id_idx" ON "comment" ("parent_id") `);
    // Full-text search within a round; 'simple' because comments come in many languages.
    await queryRunner.query(`CREATE INDEX "comment_search_idx" ON "comment" USING GIN (to_tsvector('simple', "body"))`);
    await queryRunner.query(`CREATE INDEX "comment_author_id_idx" ON "comment" ("author_id") `);
    await queryRunner.query(
      `CREATE INDEX "comment_thread_roots_idx" ON "comment" ("consultation_id", "recommendation_code", "created_at", "id") WHERE "parent_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "comment_thread_idx" ON "comment" ("consultation_id", "recommendation_code", "root_id", "created_at") `,
    );
    await queryRunner.query(`
      CREATE TABLE "comment_revision" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "comment_id" uuid NOT NULL,
        "body" text NOT NULL,
        "body_html" text NOT NULL,
        "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "comment_revision_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "comment_revision_comment_id_idx" ON "comment_revision" ("comment_id") `);
    await queryRunner.query(`
      CREATE TABLE "comment_reaction" (
        "comment_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "comment_reaction_kind_check" CHECK ("kind" IN ('agree', 'disagree')),
        CONSTRAINT "comment_reaction_pkey" PRIMARY KEY ("comment_id", "user_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "idempotency_key" (
        "user_id" uuid NOT NULL,
        "key" text NOT NULL,
        "operation" text NOT NULL,
        "request_hash" text NOT NULL,
        "response_status" smallint,
        "response_body" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "idempotency_key_key_check" CHECK (char_length("key") BETWEEN 1 AND 200),
        CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("user_id", "key")
      )`);
    await queryRunner.query(`CREATE INDEX "idempotency_key_created_at_idx" ON "idempotency_key" ("created_at") `);
    await queryRunner.query(`
      CREATE TABLE "rating" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consultation_id" uuid NOT NULL,
        "recommendation_code" character varying(5) NOT NULL,
        "country_iso3" character(3) NOT NULL,
        "user_id" uuid,
        "score" smallint,
        "dont_know" boolean NOT NULL DEFAULT false,
        "evidence" text,
        "evidence_url" text,
        "rater_stakeholder_type" character varying(32) NOT NULL,
        "rater_organisation_id" uuid,
        "rater_country_iso3" character(3),
        "rater_protected" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "rating_one_per_participant_key" UNIQUE ("consultation_id", "recommendation_code", "country_iso3", "user_id"),
        CONSTRAINT "rating_evidence_url_check" CHECK ("evidence_url" ~ '^https?://' AND char_length("evidence_url") <= 500),
        CONSTRAINT "rating_evidence_check" CHECK (char_length("evidence") <= 2000),
        CONSTRAINT "rating_dont_know_check" CHECK (("score" IS NULL) = "dont_know"),
        CONSTRAINT "rating_score_check" CHECK ("score" BETWEEN 0 AND 4),
        CONSTRAINT "rating_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "rating_user_id_idx" ON "rating" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "rating_cell_idx" ON "rating" ("consultation_id", "recommendation_code", "country_iso3") `);
    await queryRunner.query(`
      CREATE TABLE "rating_revision" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "rating_id" uuid NOT NULL,
        "score" smallint,
        "dont_know" boolean NOT NULL,
        "evidence" text,
        "evidence_url" text,
        "rater_stakeholder_type" character varying(32) NOT NULL,
        "rater_organisation_id" uuid,
        "rater_country_iso3" character(3),
        "rated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "rating_revision_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "rating_revision_rating_id_idx" ON "rating_revision" ("rating_id") `);
    await queryRunner.query(`
      CREATE TABLE "official_assessment" (
        "consultation_id" uuid NOT NULL,
        "recommendation_code" character varying(5) NOT NULL,
        "country_iso3" character(3) NOT NULL,
        "score" smallint NOT NULL,
        "narrative" text NOT NULL DEFAULT '',
        "organisation_id" uuid,
        "author_id" uuid,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "official_assessment_narrative_check" CHECK (char_length("narrative") <= 5000),
        CONSTRAINT "official_assessment_score_check" CHECK ("score" BETWEEN 0 AND 4),
        CONSTRAINT "official_assessment_pkey" PRIMARY KEY ("consultation_id", "recommendation_code", "country_iso3")
      )`);
    await queryRunner.query(`
      CREATE TABLE "official_assessment_revision" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "consultation_id" uuid NOT NULL,
        "recommendation_code" character varying(5) NOT NULL,
        "country_iso3" character(3) NOT NULL,
        "score" smallint NOT NULL,
        "narrative" text NOT NULL,
        "author_id" uuid,
        "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "official_assessment_revision_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "official_assessment_revision_cell_idx" ON "official_assessment_revision" ("consultation_id", "recommendation_code", "country_iso3") `,
    );
    await queryRunner.query(`
      CREATE TABLE "thread_event" (
        "consultation_id" uuid NOT NULL,
        "recommendation_code" character varying(5) NOT NULL,
        "seq" bigint NOT NULL,
        "type" text NOT NULL,
        "comment_id" uuid,
        "country_iso3" character(3),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "thread_event_type_check" CHECK ("type" IN ('comment.created', 'comment.updated', 'comment.removed', 'reactions.updated', 'ratings.summary')),
        CONSTRAINT "thread_event_pkey" PRIMARY KEY ("consultation_id", "recommendation_code", "seq")
      )`);
    await queryRunner.query(`
      CREATE TABLE "thread_sequence" (
        "consultation_id" uuid NOT NULL,
        "recommendation_code" character varying(5) NOT NULL,
        "last_seq" bigint NOT NULL DEFAULT '0',
        CONSTRAINT "thread_sequence_pkey" PRIMARY KEY ("consultation_id", "recommendation_code")
      )`);
    await queryRunner.query(
      `ALTER TABLE "consultation" ADD CONSTRAINT "consultation_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recommendation" ADD CONSTRAINT "consultation_recommendation_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_recommendation" ADD CONSTRAINT "consultation_recommendation_recommendation_code_fkey" FOREIGN KEY ("recommendation_code") REFERENCES "recommendation"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_country" ADD CONSTRAINT "consultation_country_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_country" ADD CONSTRAINT "consultation_country_country_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "country"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_moderator" ADD CONSTRAINT "consultation_moderator_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_moderator" ADD CONSTRAINT "consultation_moderator_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_recommendation_code_fkey" FOREIGN KEY ("recommendation_code") REFERENCES "recommendation"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_author_stakeholder_type_fkey" FOREIGN KEY ("author_stakeholder_type") REFERENCES "stakeholder_type"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_author_organisation_id_fkey" FOREIGN KEY ("author_organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_country_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "country"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment_revision" ADD CONSTRAINT "comment_revision_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment_reaction" ADD CONSTRAINT "comment_reaction_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment_reaction" ADD CONSTRAINT "comment_reaction_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" ADD CONSTRAINT "rating_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" ADD CONSTRAINT "rating_recommendation_code_fkey" FOREIGN KEY ("recommendation_code") REFERENCES "recommendation"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" ADD CONSTRAINT "rating_country_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "country"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" ADD CONSTRAINT "rating_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" ADD CONSTRAINT "rating_rater_stakeholder_type_fkey" FOREIGN KEY ("rater_stakeholder_type") REFERENCES "stakeholder_type"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" ADD CONSTRAINT "rating_rater_organisation_id_fkey" FOREIGN KEY ("rater_organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_revision" ADD CONSTRAINT "rating_revision_rating_id_fkey" FOREIGN KEY ("rating_id") REFERENCES "rating"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_assessment" ADD CONSTRAINT "official_assessment_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_assessment" ADD CONSTRAINT "official_assessment_recommendation_code_fkey" FOREIGN KEY ("recommendation_code") REFERENCES "recommendation"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_assessment" ADD CONSTRAINT "official_assessment_country_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "country"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_assessment" ADD CONSTRAINT "official_assessment_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_assessment" ADD CONSTRAINT "official_assessment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_assessment_revision" ADD CONSTRAINT "FK_a8dcf7929c1de0340a0209cc60e" FOREIGN KEY ("consultation_id", "recommendation_code", "country_iso3") REFERENCES "official_assessment"("consultation_id","recommendation_code","country_iso3") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "thread_event" ADD CONSTRAINT "thread_event_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "thread_sequence" ADD CONSTRAINT "thread_sequence_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "thread_sequence" DROP CONSTRAINT "thread_sequence_consultation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "thread_event" DROP CONSTRAINT "thread_event_consultation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "official_assessment_revision" DROP CONSTRAINT "FK_a8dcf7929c1de0340a0209cc60e"`);
    await queryRunner.query(`ALTER TABLE "official_assessment" DROP CONSTRAINT "official_assessment_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "official_assessment" DROP CONSTRAINT "official_assessment_organisation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "official_assessment" DROP CONSTRAINT "official_assessment_country_iso3_fkey"`);
    await queryRunner.query(`ALTER TABLE "official_assessment" DROP CONSTRAINT "official_assessment_recommendation_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "official_assessment" DROP CONSTRAINT "official_assessment_consultation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "rating_revision" DROP CONSTRAINT "rating_revision_rating_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "rating" DROP CONSTRAINT "rating_rater_organisation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "rating" DROP CONSTRAINT "rating_rater_stakeholder_type_fkey"`);
    await queryRunner.query(`ALTER TABLE "rating" DROP CONSTRAINT "rating_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "rating" DROP CONSTRAINT "rating_country_iso3_fkey"`);
    await queryRunner.query(`ALTER TABLE "rating" DROP CONSTRAINT "rating_recommendation_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "rating" DROP CONSTRAINT "rating_consultation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP CONSTRAINT "idempotency_key_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment_reaction" DROP CONSTRAINT "comment_reaction_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment_reaction" DROP CONSTRAINT "comment_reaction_comment_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment_revision" DROP CONSTRAINT "comment_revision_comment_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_country_iso3_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_author_organisation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_author_stakeholder_type_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_author_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_parent_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_recommendation_code_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_consultation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "consultation_moderator" DROP CONSTRAINT "consultation_moderator_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "consultation_moderator" DROP CONSTRAINT "consultation_moderator_consultation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "consultation_country" DROP CONSTRAINT "consultation_country_country_iso3_fkey"`);
    await queryRunner.query(`ALTER TABLE "consultation_country" DROP CONSTRAINT "consultation_country_consultation_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "consultation_recommendation" DROP CONSTRAINT "consultation_recommendation_recommendation_code_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "consultation_recommendation" DROP CONSTRAINT "consultation_recommendation_consultation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "consultation" DROP CONSTRAINT "consultation_created_by_fkey"`);
    await queryRunner.query(`DROP TABLE "thread_sequence"`);
    await queryRunner.query(`DROP TABLE "thread_event"`);
    await queryRunner.query(`DROP INDEX "public"."official_assessment_revision_cell_idx"`);
    await queryRunner.query(`DROP TABLE "official_assessment_revision"`);
    await queryRunner.query(`DROP TABLE "official_assessment"`);
    await queryRunner.query(`DROP INDEX "public"."rating_revision_rating_id_idx"`);
    await queryRunner.query(`DROP TABLE "rating_revision"`);
    await queryRunner.query(`DROP INDEX "public"."rating_cell_idx"`);
    await queryRunner.query(`DROP INDEX "public"."rating_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "rating"`);
    await queryRunner.query(`DROP INDEX "public"."idempotency_key_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
    await queryRunner.query(`DROP TABLE "comment_reaction"`);
    await queryRunner.query(`DROP INDEX "public"."comment_revision_comment_id_idx"`);
    await queryRunner.query(`DROP TABLE "comment_revision"`);
    await queryRunner.query(`DROP INDEX "public"."comment_thread_idx"`);
    await queryRunner.query(`DROP INDEX "public"."comment_thread_roots_idx"`);
    await queryRunner.query(`DROP INDEX "public"."comment_author_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."comment_parent_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."comment_search_idx"`);
    await queryRunner.query(`DROP TABLE "comment"`);
    await queryRunner.query(`DROP TABLE "consultation_moderator"`);
    await queryRunner.query(`DROP TABLE "consultation_country"`);
    await queryRunner.query(`DROP TABLE "consultation_recommendation"`);
    await queryRunner.query(`DROP TABLE "consultation"`);
  }
}
