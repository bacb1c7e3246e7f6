import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions and refresh tokens, mail tokens, organisations and memberships, and the
 * append-only, hash-chained audit log.
 */
export class Identity1795719794264 implements MigrationInterface {
  name = 'Identity1795719794264';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "app_user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text,
        "email_normalized" text,
        "display_name" text NOT NULL,
        "password_hash" text,
        "locale" character varying(8) NOT NULL DEFAULT 'en',
        "email_verified_at" TIMESTAMP WITH TIME ZONE,
        "roles" text array NOT NULL DEFAULT '{participant}',
        "privacy_mode" text NOT NULL DEFAULT 'public',
        "pseudonym" text NOT NULL,
        "stakeholder_type" character varying(32) NOT NULL DEFAULT 'individual',
        "country_iso3" character(3),
        "acting_organisation_id" uuid,
        "status" text NOT NULL DEFAULT 'active',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "app_user_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "app_user_email_normalized_key" UNIQUE ("email_normalized"),
        CONSTRAINT "app_user_pseudonym_key" UNIQUE ("pseudonym"),
        CONSTRAINT "app_user_display_name_check" CHECK (char_length("display_name") BETWEEN 1 AND 80),
        CONSTRAINT "app_user_locale_check" CHECK ("locale" IN ('en', 'id', 'ur')),
        CONSTRAINT "app_user_roles_check" CHECK (cardinality("roles") > 0 AND "roles" <@ ARRAY['participant', 'moderator', 'safeguarding', 'admin']::text[]),
        CONSTRAINT "app_user_privacy_mode_check" CHECK ("privacy_mode" IN ('public', 'protected')),
        CONSTRAINT "app_user_status_check" CHECK ("status" IN ('active', 'erased')),
        CONSTRAINT "app_user_erased_check" CHECK ("status" = 'active' OR ("email" IS NULL AND "email_normalized" IS NULL AND "password_hash" IS NULL)),
        CONSTRAINT "app_user_stakeholder_type_fkey" FOREIGN KEY ("stakeholder_type") REFERENCES "stakeholder_type"("code") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "app_user_country_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "country"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE TABLE "user_session" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_reason" text,
        "user_agent" text,
        "ip_hash" text,
        CONSTRAINT "user_session_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "user_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "user_session_user_id_idx" ON "user_session" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "refresh_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "session_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "rotated_at" TIMESTAMP WITH TIME ZONE,
        "successor_id" uuid,
        CONSTRAINT "refresh_token_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "refresh_token_token_hash_key" UNIQUE ("token_hash"),
        CONSTRAINT "refresh_token_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "user_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "refresh_token_session_id_idx" ON "refresh_token" ("session_id")`);
    await queryRunner.query(`
      CREATE TABLE "email_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "purpose" text NOT NULL,
        "token_hash" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "email_token_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "email_token_token_hash_key" UNIQUE ("token_hash"),
        CONSTRAINT "email_token_purpose_check" CHECK ("purpose" IN ('verify-email', 'password-reset')),
        CONSTRAINT "email_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "email_token_user_id_idx" ON "email_token" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "organisation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "stakeholder_type" character varying(32) NOT NULL,
        "country_iso3" character(3) NOT NULL,
        "website" text,
        "verified_at" TIMESTAMP WITH TIME ZONE,
        "verified_by" uuid,
        "created_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "organisation_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "organisation_name_check" CHECK (char_length("name") BETWEEN 2 AND 200),
        CONSTRAINT "organisation_website_check" CHECK ("website" ~ '^https?://'),
        CONSTRAINT "organisation_stakeholder_type_fkey" FOREIGN KEY ("stakeholder_type") REFERENCES "stakeholder_type"("code") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "organisation_country_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "country"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "organisation_verified_by_fkey" FOREIGN KEY ("verified_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION,
        CONSTRAINT "organisation_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "organisation_country_iso3_idx" ON "organisation" ("country_iso3")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organisation_name_country_key" ON "organisation" (lower("name"), "country_iso3")`);
    await queryRunner.query(`
      ALTER TABLE "app_user" ADD CONSTRAINT "app_user_acting_organisation_id_fkey" FOREIGN KEY ("acting_organisation_id")
        REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE TABLE "organisation_membership" (
        "organisation_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "role" text NOT NULL DEFAULT 'member',
        "status" text NOT NULL DEFAULT 'pending',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "decided_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "organisation_membership_pkey" PRIMARY KEY ("organisation_id", "user_id"),
        CONSTRAINT "organisation_membership_role_check" CHECK ("role" IN ('admin', 'member')),
        CONSTRAINT "organisation_membership_status_check" CHECK ("status" IN ('pending', 'active')),
        CONSTRAINT "organisation_membership_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "organisation_membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "organisation_membership_user_id_idx" ON "organisation_membership" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "audit_event" (
        "id" BIGSERIAL NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_id" uuid,
        "action" text NOT NULL,
        "target_type" text NOT NULL,
        "target_id" text,
        "details" jsonb NOT NULL DEFAULT '{}',
        "prev_hash" text NOT NULL,
        "hash" text NOT NULL,
        CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "audit_event_hash_key" UNIQUE ("hash")
      )`);
    // Append-only: nobody — moderators, admins, the application itself — may rewrite history.
    await queryRunner.query(`
      CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_event_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_event"
        FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"()`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
        FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP FUNCTION "audit_event_append_only"()`);
    await queryRunner.query(`DROP TABLE "organisation_membership"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_acting_organisation_id_fkey"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP TABLE "email_token"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
  }
}
