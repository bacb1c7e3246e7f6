import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Protected participation on the identity side:
 *
 * - `app_user.mailbox`: one account per mailbox. Backfilled with the rule of `canonicalMailbox`
 *   (accounts.repository.ts) as it stands today: no `+tag` anywhere; at gmail.com and
 *   googlemail.com (one service, known as gmail.com) no dots either. Where existing accounts share
 *   a mailbox the oldest keeps it and the others get `<mailbox>#<id>`: nothing is merged or lost.
 * - `comment.author_pseudonym`: the pseudonym a protected comment was written under, so that a
 *   comment reads the same whatever its author does later. People whose pseudonym was exposed by
 *   the old rule — it relabelled their public comments with their pseudonym while they were
 *   protected — get a new one first, and their protected comments carry it; their public comments
 *   read under their name again. `comment.author_anonymised`: public comments their author asked to
 *   read "Former participant".
 * - `organisation_membership.id`: what organisation admins handle instead of account ids.
 * - `moderation_decision.decided_by_label` and `cosigned_by_label`: a moderator's name as they acted,
 *   backfilled (before any pseudonym is redrawn) with what decisions show today.
 *
 * `down` drops all of it. Pseudonyms drawn here are not given back, and comments marked as
 * anonymised read under their author's name again after a rollback.
 */
export class ProtectedIdentity1795760000000 implements MigrationInterface {
  name = 'ProtectedIdentity1795760000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One account per mailbox.
    await queryRunner.query(`ALTER TABLE "app_user" ADD "mailbox" text`);
    await queryRunner.query(`
      WITH parts AS (
        SELECT id, created_at, email_normalized,
               substring(email_normalized from '^(.+)@[^@]*$') AS local,
               substring(email_normalized from '^.+@([^@]*)$') AS domain
        FROM "app_user" WHERE status = 'active'
      ), untagged AS (
        SELECT id, created_at, email_normalized, domain, domain IN ('gmail.com', 'googlemail.com') AS dot_blind,
               CASE WHEN strpos(local, '+') > 1 THEN left(local, strpos(local, '+') - 1) ELSE local END AS local
        FROM parts
      ), canonical AS (
        SELECT id, created_at,
               CASE WHEN local IS NULL THEN COALESCE(email_normalized, '#' || id::text)
                    WHEN dot_blind THEN COALESCE(NULLIF(replace(local, '.', ''), ''), local) || '@gmail.com'
                    ELSE local || '@' || domain END AS mailbox
        FROM untagged
      )
      UPDATE "app_user" u
      SET mailbox = CASE WHEN ranked.rank = 1 THEN ranked.mailbox ELSE ranked.mailbox || '#' || ranked.id::text END
      FROM (SELECT id, mailbox, row_number() OVER (PARTITION BY mailbox ORDER BY created_at, id) AS rank FROM canonical) ranked
      WHERE u.id = ranked.id`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_mailbox_key" UNIQUE ("mailbox")`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "app_user_mailbox_check" CHECK (("mailbox" IS NOT NULL) = ("status" = 'active'))`,
    );

    // Decisions keep the names they show today, taken before any pseudonym below changes.
    await queryRunner.query(`ALTER TABLE "moderation_decision" ADD "decided_by_label" text`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" ADD "cosigned_by_label" text`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" DISABLE TRIGGER "moderation_decision_no_rewrite"`);
    await queryRunner.query(`
      UPDATE "moderation_decision" d
      SET decided_by_label = (SELECT CASE WHEN a.privacy_mode = 'protected' THEN a.pseudonym ELSE a.display_name END FROM "app_user" a WHERE a.id = d.decided_by),
          cosigned_by_label = (SELECT CASE WHEN a.privacy_mode = 'protected' THEN a.pseudonym ELSE a.display_name END FROM "app_user" a WHERE a.id = d.cosigned_by)`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" ENABLE TRIGGER "moderation_decision_no_rewrite"`);

    // Comments keep the label they were written under.
    await queryRunner.query(`ALTER TABLE "comment" ADD "author_pseudonym" text`);
    await queryRunner.query(`ALTER TABLE "comment" ADD "author_anonymised" boolean NOT NULL DEFAULT false`);
    // A pseudonym as newPseudonym() draws one: "Participant" and six Crockford characters from six random bytes.
    await queryRunner.query(`
      CREATE FUNCTION "protected_identity_new_pseudonym"() RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT 'Participant ' || string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + get_byte(r.b, i) % 32, 1), '' ORDER BY i)
        FROM (SELECT uuid_send(gen_random_uuid()) AS b) r, generate_series(0, 5) i
      $$`);
    // Exposed: a public comment of theirs was on show (not yet deleted) while they were protected —
    // now, or when they wrote a later protected comment. Under the old rule it showed their pseudonym.
    await queryRunner.query(`
      UPDATE "app_user" u SET pseudonym = "protected_identity_new_pseudonym"()
      WHERE u.status = 'active' AND EXISTS (
        SELECT 1 FROM "comment" p
        WHERE p.author_id = u.id AND NOT p.author_protected
          AND ((u.privacy_mode = 'protected' AND p.status <> 'deleted')
               OR EXISTS (SELECT 1 FROM "comment" q
                          WHERE q.author_id = u.id AND q.author_protected AND q.created_at > p.created_at
                            AND (p.deleted_at IS NULL OR p.deleted_at > q.created_at))))`);
    await queryRunner.query(`
      UPDATE "comment" c
      SET author_pseudonym = COALESCE((SELECT a.pseudonym FROM "app_user" a WHERE a.id = c.author_id), "protected_identity_new_pseudonym"())
      WHERE c.author_protected`);
    await queryRunner.query(`DROP FUNCTION "protected_identity_new_pseudonym"()`);
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_author_pseudonym_check" CHECK ("author_protected" = ("author_pseudonym" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "comment_author_anonymised_check" CHECK (NOT ("author_anonymised" AND "author_protected"))`,
    );

    // Memberships get ids of their own.
    await queryRunner.query(`ALTER TABLE "organisation_membership" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "organisation_membership" ADD CONSTRAINT "organisation_membership_id_key" UNIQUE ("id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation_membership" DROP CONSTRAINT "organisation_membership_id_key"`);
    await queryRunner.query(`ALTER TABLE "organisation_membership" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_author_anonymised_check"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "comment_author_pseudonym_check"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "author_anonymised"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "author_pseudonym"`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" DROP COLUMN "cosigned_by_label"`);
    await queryRunner.query(`ALTER TABLE "moderation_decision" DROP COLUMN "decided_by_label"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_mailbox_check"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_mailbox_key"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "mailbox"`);
  }
}
