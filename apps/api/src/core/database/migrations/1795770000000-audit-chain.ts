import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit chain that outsiders can check:
 *
 * - `audit_event.position` and `audit_event.mac`: every entry written from now on carries a dense
 *   position (1, 2, 3, … in chain order) and an HMAC-SHA-256 over its position, the previous entry's
 *   MAC and its own plain hash, keyed with a key derived from APP_SECRET (never stored here). The
 *   plain `prev_hash`/`hash` chain goes on through every entry, so entries written before this
 *   migration keep their own check, and position 1 chains to the last of them through its hash.
 *   Both are NULL exactly for those older entries. Gaps in `id` (rolled-back transactions) mean
 *   nothing; a gap in `position` is a removed entry.
 * - `audit_head`: the chain's head (position and MAC) once per UTC day, published on the
 *   transparency page. Append-only like the log.
 *
 * No privileges here: which role the app runs as is known only at start, where the grant step
 * (database-roles.ts) gives it INSERT and SELECT on both tables and nothing more.
 *
 * `down` drops the positions, MACs and heads; the plain chain stays intact and verifiable.
 */
export class AuditChain1795770000000 implements MigrationInterface {
  name = 'AuditChain1795770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "position" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "mac" text`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_position_key" UNIQUE ("position")`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_position_check" CHECK ("position" > 0)`);
    await queryRunner.query(
      `ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_keyed_check" CHECK (("position" IS NULL) = ("mac" IS NULL))`,
    );

    await queryRunner.query(`
      CREATE TABLE "audit_head" (
        "day" date NOT NULL,
        "position" bigint NOT NULL,
        "mac" text NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "audit_head_pkey" PRIMARY KEY ("day"),
        CONSTRAINT "audit_head_position_check" CHECK ("position" > 0)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "audit_head_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_head is append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_head_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_head"
        FOR EACH ROW EXECUTE FUNCTION "audit_head_append_only"()`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_head_no_truncate" BEFORE TRUNCATE ON "audit_head"
        FOR EACH STATEMENT EXECUTE FUNCTION "audit_head_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_head"`);
    await queryRunner.query(`DROP FUNCTION "audit_head_append_only"()`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_keyed_check"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_position_check"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_position_key"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "mac"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "position"`);
  }
}
