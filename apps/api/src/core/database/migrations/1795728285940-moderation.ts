import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Due-process moderation: flags, immutable decisions (co-signed when the decider has a
 * conflict of interest), appeals, sanctions, the word filter and the notification centre; the
 * comment gains its queue state and the rule a tombstone cites; accounts can be suspended.
 */
export class Moderation1795728285940 implements MigrationInterface {
  name = 'Moderation1795728285940';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "moderation_decision" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "comment_id" uuid NOT NULL,
        "consultation_id" uuid NOT NULL,
        "action" text NOT NULL,
        "rule_code" character varying(8) NOT NULL,
        "rule_version" integer NOT NULL,
        "reason" text NOT NULL,
        "decided_by" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "status" text NOT NULL,
        "applied_at" TIMESTAMP WITH TIME ZONE,
        "cosigned_by" uuid,
        "cosigned_at" TIMESTAMP WITH TIME ZONE,
        "conflict_country_iso3" character(3),
        "comment_version" integer NOT NULL,
        "from_status" text NOT NULL,
        "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "appeal_id" uuid,
        CONSTRAINT "moderation_decision_four_eyes_check" CHECK ("cosigned_by" IS NULL OR "cosigned_by" <> "decided_by"),
        CONSTRAINT "moderation_decision_applied_check" CHECK (("status" = 'applied') = ("applied_at" IS NOT NULL)),
        CONSTRAINT "moderation_decision_reason_check" CHECK (char_length("reason") BETWEEN 1 AND 2000),
        CONSTRAINT "moderation_decision_status_check" CHECK ("status" IN ('applied', 'awaiting-cosign', 'lapsed')),
        CONSTRAINT "moderation_decision_action_check" CHECK ("action" IN ('approve', 'hide', 'restore', 'reject')),
        CONSTRAINT "moderation_decision_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "moderation_decision_awaiting_key" ON "moderation_decision"("comment_id") WHERE "status" = 'awaiting-cosign'`,
    );
    await queryRunner.query(
      `CREATE INDEX "moderation_decision_consultation_id_idx" ON "moderation_decision"("consultation_id", "decided_at")`,
    );
    await queryRunner.query(`CREATE INDEX "moderation_decision_comment_id_idx" ON "moderation_decision"("comment_id", "decided_at")`);
    await queryRunner.query(`
      CREATE TABLE "appeal" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "decision_id" uuid NOT NULL,
        "appellant_id" uuid,
        "text" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "outcome" text,
        "outcome_reason" text,
        "decided_by" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "appeal_decision_id_key" UNIQUE ("decision_id"),
        CONSTRAINT "appeal_decided_check" CHECK (("outcome" IS NULL) = ("decided_at" IS NULL) AND ("outcome" IS NULL OR "outcome_reason" IS NOT NULL)),
        CONSTRAINT "appeal_outcome_check" CHECK ("outcome" IN ('upheld', 'overturned')),
        CONSTRAINT "appeal_text_check" CHECK (char_length("text") BETWEEN 1 AND 4000),
        CONSTRAINT "appeal_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "comment_flag" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "comment_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "reason" text NOT NULL,
        "note" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "comment_flag_comment_id_user_id_key" UNIQUE ("comment_id", "user_id"),
        CONSTRAINT "comment_flag_note_check" CHECK (char_length("note") <= 1000),
        CONSTRAINT "comment_flag_reason_check" CHECK ("reason" IN ('spam', 'abuse', 'personal-data', 'off-topic', 'misinformation', 'safeguarding')),
        CONSTRAINT "comment_flag_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "sanction" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "until" TIMESTAMP WITH TIME ZONE NOT NULL,
        "rule_code" character varying(8) NOT NULL,
        "rule_version" integer NOT NULL,
        "reason" text NOT NULL,
        "comment_id" uuid,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "lifted_at" TIMESTAMP WITH TIME ZONE,
        "lifted_by" uuid,
        CONSTRAINT "sanction_until_check" CHECK ("until" > "created_at"),
        CONSTRAINT "sanction_reason_check" CHECK (char_length("reason") BETWEEN 1 AND 2000),
        CONSTRAINT "sanction_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "sanction_user_id_idx" ON "sanction"("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "word_filter_term" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "term" text NOT NULL,
        "action" text NOT NULL,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "word_filter_term_term_key" UNIQUE ("term"),
        CONSTRAINT "word_filter_term_action_check" CHECK ("action" IN ('block', 'hold', 'flag')),
        CONSTRAINT "word_filter_term_term_check" CHECK (char_length("term") BETWEEN 1 AND 100 AND "term" = lower("term")),
        CONSTRAINT "word_filter_term_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "notification" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "read_at" TIMESTAMP WITH TIME ZONE,
        "decision_id" uuid,
        "appeal_id" uuid,
        "sanction_id" uuid,
        "comment_id" uuid,
        CONSTRAINT "notification_kind_check" CHECK ("kind" IN ('moderation.decision', 'appeal.outcome', 'sanction', 'comment.held')),
        CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "notification_user_id_idx" ON "notification"("user_id", "created_at")`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "suspended_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "comment" ADD "flag_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "comment" ADD "review_queue" text`);
    await queryRunner.query(`ALTER TABLE "comment" ADD "held_reason" text`);
    await queryRunner.query(`ALTER TABLE "comment" ADD "queued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "comment" ADD "moderation_rule" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "comment" ADD "moderated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "comment_review_safeguarding_idx" ON "comment"("queued_at") WHERE "review_queue" = 'safeguarding'`,
    );
    await queryRunner.query(
      `CREATE INDEX "comment_review_general_idx" ON "comment"("consultation_id", "queued_at") WHERE "review_queue" = 'general'`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_queued_check" CHECK (("review_queue" IS NULL) = ("queued_at" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_held_reason_check" CHECK ("held_reason" IN ('pre-moderation', 'new-account', 'word-filter', 'flags', 'safeguarding'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_review_queue_check" CHECK ("review_queue" IN ('general', 'safeguarding'))`,
    );
    await queryRunner.query(`ALTER TABLE "comment" ADD CONSTRAINT "comment_flag_count_check" CHECK ("flag_count" >= 0)`);
    await queryRunner.query(
      `ALTER TABLE "moderation_decision" ADD CONSTRAINT "moderation_decision_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_decision" ADD CONSTRAINT "moderation_decision_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_decision" ADD CONSTRAINT "moderation_decision_rule_fkey" FOREIGN KEY ("rule_code", "rule_version") REFERENCES "house_rule"("code","version") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_decision" ADD CONSTRAINT "moderation_decision_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_decision" ADD CONSTRAINT "moderation_decision_cosigned_by_fkey" FOREIGN KEY ("cosigned_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_decision" ADD CONSTRAINT "moderation_decision_conflict_country_iso3_fkey" FOREIGN KEY ("conflict_country_iso3") REFERENCES "country"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "moderation_decision" ADD CONSTRAINT "moderation_decision_appeal_id_fkey" FOREIGN KEY ("appeal_id") REFERENCES "appeal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appeal" ADD CONSTRAINT "appeal_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "moderation_decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appeal" ADD CONSTRAINT "appeal_appellant_id_fkey" FOREIGN KEY ("appellant_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appeal" ADD CONSTRAINT "appeal_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment_flag" ADD CONSTRAINT "comment_flag_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment_flag" ADD CONSTRAINT "comment_flag_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "sanction_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "sanction_rule_fkey" FOREIGN KEY ("rule_code", "rule_version") REFERENCES "house_rule"("code","version") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "sanction_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "sanction_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "sanction_lifted_by_fkey" FOREIGN KEY ("lifted_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "word_filter_term" ADD CONSTRAINT "word_filter_term_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "moderation_decision"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_appeal_id_fkey" FOREIGN KEY ("appeal_id") REFERENCES "appeal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_sanction_id_fkey" FOREIGN KEY ("sanction_id") REFERENCES "sanction"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Decisions and decided appeals are history: nobody rewrites or deletes them. The only change a
    // decision allows is the one that co-signs (applies) or lapses it while it awaits a co-signature.
    await queryRunner.query(`
      CREATE FUNCTION "moderation_decision_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'moderation decisions are immutable' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD."status" <> 'awaiting-cosign' OR NEW."status" NOT IN ('applied', 'lapsed')
           OR (NEW."id", NEW."comment_id", NEW."consultation_id", NEW."action", NEW."rule_code", NEW."rule_version", NEW."reason",
               NEW."decided_by", NEW."decided_at", NEW."conflict_country_iso3", NEW."comment_version", NEW."from_status", NEW."queued_at", NEW."appeal_id")
              IS DISTINCT FROM
              (OLD."id", OLD."comment_id", OLD."consultation_id", OLD."action", OLD."rule_code", OLD."rule_version", OLD."reason",
               OLD."decided_by", OLD."decided_at", OLD."conflict_country_iso3", OLD."comment_version", OLD."from_status", OLD."queued_at", OLD."appeal_id")
        THEN
          RAISE EXCEPTION 'moderation decisions are immutable' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "moderation_decision_no_rewrite" BEFORE UPDATE OR DELETE ON "moderation_decision"
        FOR EACH ROW EXECUTE FUNCTION "moderation_decision_immutable"()`);
    await queryRunner.query(`
      CREATE FUNCTION "appeal_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD."outcome" IS NOT NULL
           OR (NEW."id", NEW."decision_id", NEW."appellant_id", NEW."text", NEW."created_at")
              IS DISTINCT FROM (OLD."id", OLD."decision_id", OLD."appellant_id", OLD."text", OLD."created_at")
        THEN
          RAISE EXCEPTION 'appeals are decided once and never rewritten' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "appeal_no_rewrite" BEFORE UPDATE OR DELETE ON "appeal"
        FOR EACH ROW EXECUTE FUNCTION "appeal_immutable"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "appeal_no_rewrite" ON "appeal"`);
    await queryRunner.query(`DROP FUNCTION "appeal_immutable"()`);
    await queryRunner.query(`DROP TRIGGER "moderation_decision_no_rewrite" ON "moderation_decision"`);
    await queryRunner.query(`DROP FUNCTION "moderation_decision_immutable"()`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_sanction_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_appeal_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_decision_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "word_filter_term" DROP CONSTRAINT "word_filter_term_created_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "sanction_lifted_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "sanction_created_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "sanction_comment_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "sanction_rule_fkey"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "sanction_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment_flag" DROP CONSTRAINT "comment_flag_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment_flag" DROP CONSTRAINT "comment_flag_comment_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "appeal" DROP CONSTRAINT "appeal_decided_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "appeal" DROP CONSTRAINT "appeal_appellant_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "appeal" DROP CONSTRAINT "appeal_decision_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" DROP CONSTRAINT "moderation_decision_appeal_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" DROP CONSTRAINT "moderation_decision_conflict_country_iso3_fkey"`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" DROP CONSTRAINT "moderation_decision_cosigned_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" DROP CONSTRAINT "moderation_decision_decided_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" DROP CONSTRAINT "moderation_decision_rule_fkey"`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" DROP CONSTRAINT "moderation_decision_consultation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" DROP CONSTRAINT "moderation_decision_comment_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_flag_count_check"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_review_queue_check"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_held_reason_check"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_queued_check"`);
    await queryRunner.query(`DROP INDEX "public"."comment_review_general_idx"`);
    await queryRunner.query(`DROP INDEX "public"."comment_review_safeguarding_idx"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "moderated_at"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "moderation_rule"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "queued_at"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "held_reason"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "review_queue"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "flag_count"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "suspended_until"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TABLE "word_filter_term"`);
    await queryRunner.query(`DROP INDEX "public"."sanction_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "sanction"`);
    await queryRunner.query(`DROP TABLE "comment_flag"`);
    await queryRunner.query(`DROP TABLE "appeal"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_decision_comment_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_decision_consultation_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."moderation_decision_awaiting_key"`);
    await queryRunner.query(`DROP TABLE "moderation_decision"`);
  }
}
