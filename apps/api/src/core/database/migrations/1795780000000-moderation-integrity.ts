import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns of a decision nothing may change, not even co-signing. */
const DECISION_FIXED = [
  'id',
  'comment_id',
  'consultation_id',
  'action',
  'rule_code',
  'rule_version',
  'reason',
  'decided_by',
  'decided_at',
  'conflict_country_iso3',
  'conflict_ties',
  'comment_version',
  'from_status',
  'queued_at',
  'appeal_id',
];
const fixedRow = (record: 'NEW' | 'OLD') => `(${DECISION_FIXED.map((column) => `${record}."${column}"`).join(', ')})`;

/**
 * Moderation that cannot be turned against critics:
 *
 * - `comment_scope(comment)`: the countries a comment is about — its own tag, else the nearest
 *   tag up its thread, else the thread starter's country, else every country of the round — and
 *   whether that scope must stay undisclosed (it came from, or the comment is by, a protected
 *   author). Conflict of interest is judged on it for every action that silences or restores.
 * - `moderation_decision.conflict_ties` and the same on `sanction`: the proposer's government ties
 *   that made a co-signature necessary, recorded at proposal time; a co-signer shares none of them.
 * - Sanctions belong to a round (`consultation_id`) unless an admin makes them global (NULL, as every
 *   sanction before this migration was); they can wait for a co-signature (`status`) and be appealed:
 *   an appeal is of a decision or of a sanction.
 * - `consultation_safeguarding_officer`: who handles a round's safeguarding concerns.
 * - Flags record the evidence of independence taken when they were made: a keyed hash of the
 *   reporter's client address (never the address), whether the account was established, and whether
 *   it was an active member of a verified organisation.
 * - Edits that wait for review (`pending_body…`, held reason `edit`): the published text stays.
 * - Organisation names are unique among verified organisations only: a squatter's registration no
 *   longer blocks the real body, and the secretariat resolves the clash when it verifies.
 *
 * `down` drops all of it; it refuses while round sanctions, sanction appeals or pending edits exist
 * (they have no meaning in the earlier schema), and while two organisations share a name.
 */
export class ModerationIntegrity1795780000000 implements MigrationInterface {
  name = 'ModerationIntegrity1795780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "comment_scope"("target" uuid) RETURNS TABLE ("countries" text[], "undisclosed" boolean)
      LANGUAGE sql STABLE AS $$
        WITH RECURSIVE chain AS (
          SELECT c.id, c.parent_id, c.country_iso3, c.author_country_iso3, c.author_protected, c.consultation_id, 0 AS depth
          FROM "comment" c WHERE c.id = "target"
          UNION ALL
          SELECT p.id, p.parent_id, p.country_iso3, p.author_country_iso3, p.author_protected, p.consultation_id, chain.depth + 1
          FROM "comment" p JOIN chain ON p.id = chain.parent_id
        ),
        tagged AS (SELECT country_iso3 FROM chain WHERE country_iso3 IS NOT NULL ORDER BY depth LIMIT 1),
        starter AS (SELECT author_country_iso3, author_protected FROM chain WHERE parent_id IS NULL),
        self AS (SELECT author_protected, consultation_id FROM chain WHERE depth = 0)
        SELECT
          CASE WHEN EXISTS (SELECT 1 FROM tagged) THEN ARRAY(SELECT country_iso3::text FROM tagged)
               WHEN (SELECT author_country_iso3 FROM starter) IS NOT NULL THEN ARRAY[(SELECT author_country_iso3::text FROM starter)]
               ELSE ARRAY(SELECT cc.country_iso3::text FROM consultation_country cc, self WHERE cc.consultation_id = self.consultation_id ORDER BY 1)
          END,
          COALESCE((SELECT author_protected FROM self), false)
            OR (NOT EXISTS (SELECT 1 FROM tagged) AND COALESCE((SELECT author_protected AND author_country_iso3 IS NOT NULL FROM starter), false))
        FROM self
      $$`);

    // Decisions: the ties behind a co-signature, immutable like the rest of the decision.
    await queryRunner.query(`ALTER TABLE "moderation_decision" ADD "conflict_ties" text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "moderation_decision_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'moderation decisions are immutable' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD."status" <> 'awaiting-cosign' OR NEW."status" NOT IN ('applied', 'lapsed')
           OR ${fixedRow('NEW')} IS DISTINCT FROM ${fixedRow('OLD')}
        THEN
          RAISE EXCEPTION 'moderation decisions are immutable' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$`);

    // Sanctions: per round unless global, co-signed when long or conflicted, appealable.
    await queryRunner.query(`ALTER TABLE "sanction" ADD "consultation_id" uuid`);
    await queryRunner.query(`ALTER TABLE "sanction" ADD "status" text NOT NULL DEFAULT 'in-force'`);
    await queryRunner.query(`ALTER TABLE "sanction" ADD "cosigned_by" uuid`);
    await queryRunner.query(`ALTER TABLE "sanction" ADD "cosigned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "sanction" ADD "conflict_ties" text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "sanction_status_check" CHECK ("status" IN ('in-force', 'awaiting-cosign', 'lapsed'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "sanction_four_eyes_check" CHECK ("cosigned_by" IS NULL OR "cosigned_by" <> "created_by")`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "sanction_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "sanction_cosigned_by_fkey" FOREIGN KEY ("cosigned_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "sanction_consultation_user_idx" ON "sanction" ("consultation_id", "user_id")`);

    // Appeals: of a decision or of a sanction, never both.
    await queryRunner.query(`ALTER TABLE "appeal" ALTER COLUMN "decision_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "appeal" ADD "sanction_id" uuid`);
    await queryRunner.query(`ALTER TABLE "appeal" ADD CONSTRAINT "appeal_sanction_id_key" UNIQUE ("sanction_id")`);
    await queryRunner.query(
      `ALTER TABLE "appeal" ADD CONSTRAINT "appeal_subject_check" CHECK (num_nonnulls("decision_id", "sanction_id") = 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "appeal" ADD CONSTRAINT "appeal_sanction_id_fkey" FOREIGN KEY ("sanction_id") REFERENCES "sanction"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "appeal_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD."outcome" IS NOT NULL
           OR (NEW."id", NEW."decision_id", NEW."sanction_id", NEW."appellant_id", NEW."text", NEW."created_at")
              IS DISTINCT FROM (OLD."id", OLD."decision_id", OLD."sanction_id", OLD."appellant_id", OLD."text", OLD."created_at")
        THEN
          RAISE EXCEPTION 'appeals are decided once and never rewritten' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$`);

    // Safeguarding officers per round.
    await queryRunner.query(`
      CREATE TABLE "consultation_safeguarding_officer" (
        "consultation_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        CONSTRAINT "consultation_safeguarding_officer_pkey" PRIMARY KEY ("consultation_id", "user_id")
      )`);
    await queryRunner.query(
      `ALTER TABLE "consultation_safeguarding_officer" ADD CONSTRAINT "consultation_safeguarding_officer_consultation_id_fkey" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consultation_safeguarding_officer" ADD CONSTRAINT "consultation_safeguarding_officer_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "consultation_safeguarding_officer_user_id_idx" ON "consultation_safeguarding_officer" ("user_id")`,
    );

    // Flags: evidence of independence, taken as the flag was made.
    await queryRunner.query(`ALTER TABLE "comment_flag" ADD "client_key" text`);
    await queryRunner.query(`ALTER TABLE "comment_flag" ADD "reporter_established" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "comment_flag" ADD "reporter_verified_member" boolean NOT NULL DEFAULT false`);

    // Edits waiting for review.
    await queryRunner.query(`ALTER TABLE "comment" ADD "pending_body" text`);
    await queryRunner.query(`ALTER TABLE "comment" ADD "pending_body_html" text`);
    await queryRunner.query(`ALTER TABLE "comment" ADD "pending_edit_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_pending_edit_check" CHECK (("pending_body" IS NULL) = ("pending_body_html" IS NULL) AND ("pending_body" IS NULL) = ("pending_edit_at" IS NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_held_reason_check"`);
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_held_reason_check" CHECK ("held_reason" IN ('pre-moderation', 'new-account', 'word-filter', 'flags', 'safeguarding', 'edit'))`,
    );

    // Organisation names: unique among the verified only.
    await queryRunner.query(`DROP INDEX "organisation_name_country_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisation_name_country_key" ON "organisation" (lower("name"), "country_iso3") WHERE "verified_at" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "organisation_name_country_idx" ON "organisation" (lower("name"), "country_iso3")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM "sanction" WHERE "consultation_id" IS NOT NULL OR "status" <> 'in-force')
           OR EXISTS (SELECT 1 FROM "appeal" WHERE "sanction_id" IS NOT NULL)
           OR EXISTS (SELECT 1 FROM "comment" WHERE "pending_body" IS NOT NULL OR "held_reason" = 'edit')
           OR EXISTS (SELECT 1 FROM "organisation" GROUP BY lower("name"), "country_iso3" HAVING count(*) > 1) THEN
          RAISE EXCEPTION 'round sanctions, sanction appeals, pending edits or shared organisation names exist; resolve them before reverting';
        END IF;
      END $$`);
    await queryRunner.query(`DROP INDEX "organisation_name_country_idx"`);
    await queryRunner.query(`DROP INDEX "organisation_name_country_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organisation_name_country_key" ON "organisation" (lower("name"), "country_iso3")`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_held_reason_check"`);
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_held_reason_check" CHECK ("held_reason" IN ('pre-moderation', 'new-account', 'word-filter', 'flags', 'safeguarding'))`,
    );
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_pending_edit_check"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "pending_edit_at"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "pending_body_html"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "pending_body"`);
    await queryRunner.query(`ALTER TABLE "comment_flag" DROP COLUMN "reporter_verified_member"`);
    await queryRunner.query(`ALTER TABLE "comment_flag" DROP COLUMN "reporter_established"`);
    await queryRunner.query(`ALTER TABLE "comment_flag" DROP COLUMN "client_key"`);
    await queryRunner.query(`DROP TABLE "consultation_safeguarding_officer"`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "appeal_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`ALTER TABLE "appeal" DROP CONSTRAINT "appeal_sanction_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "appeal" DROP CONSTRAINT "appeal_subject_check"`);
    await queryRunner.query(`ALTER TABLE "appeal" DROP CONSTRAINT "appeal_sanction_id_key"`);
    await queryRunner.query(`ALTER TABLE "appeal" DROP COLUMN "sanction_id"`);
    await queryRunner.query(`ALTER TABLE "appeal" ALTER COLUMN "decision_id" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "sanction_consultation_user_idx"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "sanction_cosigned_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "sanction_consultation_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "sanction_four_eyes_check"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "sanction_status_check"`);
    for (const column of ['conflict_ties', 'cosigned_at', 'cosigned_by', 'status', 'consultation_id']) {
      await queryRunner.query(`ALTER TABLE "sanction" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "moderation_decision_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`ALTER TABLE "moderation_decision" DROP COLUMN "conflict_ties"`);
    await queryRunner.query(`DROP FUNCTION "comment_scope"(uuid)`);
  }
}
