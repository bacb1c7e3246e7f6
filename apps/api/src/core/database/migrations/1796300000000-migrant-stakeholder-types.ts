import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room for the migrant stakeholder types (migrant, returnee, migrant-family), which come after
 * `individual` in modules/catalogue/data/stakeholder-types.json and so move `other` from position 13
 * to 16. The rows themselves are the catalogue's, loaded on every start by CatalogueSeeder in one
 * transaction (on a fresh database and on an existing one alike); this migration only lets that
 * transaction reorder types: the position stays unique, but is checked at commit, not row by row,
 * so a new type may take a position an existing one is leaving in the same statement. Accounts,
 * organisations, comments and ratings keep the type they have: nothing is rewritten.
 *
 * `down` restores the immediate check; the rows stay (accounts may already use the new types).
 */
export class MigrantStakeholderTypes1796300000000 implements MigrationInterface {
  name = 'MigrantStakeholderTypes1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stakeholder_type" DROP CONSTRAINT "stakeholder_type_position_key"`);
    await queryRunner.query(
      `ALTER TABLE "stakeholder_type" ADD CONSTRAINT "stakeholder_type_position_key" UNIQUE ("position") DEFERRABLE INITIALLY DEFERRED`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stakeholder_type" DROP CONSTRAINT "stakeholder_type_position_key"`);
    await queryRunner.query(`ALTER TABLE "stakeholder_type" ADD CONSTRAINT "stakeholder_type_position_key" UNIQUE ("position")`);
  }
}
