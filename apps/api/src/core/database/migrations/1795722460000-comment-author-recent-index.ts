import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate-comment check looks at one author's last few minutes; an index on author and time
 * makes that a short range scan however much the author has written (it also serves author lookups).
 */
export class CommentAuthorRecentIndex1795722460000 implements MigrationInterface {
  name = 'CommentAuthorRecentIndex1795722460000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."comment_author_id_idx"`);
    await queryRunner.query(`CREATE INDEX "comment_author_recent_idx" ON "comment" ("author_id", "created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."comment_author_recent_idx"`);
    await queryRunner.query(`CREATE INDEX "comment_author_id_idx" ON "comment" ("author_id")`);
  }
}
