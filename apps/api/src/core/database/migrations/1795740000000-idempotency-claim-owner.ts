import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who holds an unfinished Idempotency-Key claim: the database session (backend pid and its start
 * time, which together never repeat) that made it. When that session is gone — its API process was
 * killed — a retry may take the claim over at once instead of waiting out the 60 s fallback.
 */
export class IdempotencyClaimOwner1795740000000 implements MigrationInterface {
  name = 'IdempotencyClaimOwner1795740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" ADD "claimed_by_pid" integer`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" ADD "claimed_by_start" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP COLUMN "claimed_by_start"`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP COLUMN "claimed_by_pid"`);
  }
}
