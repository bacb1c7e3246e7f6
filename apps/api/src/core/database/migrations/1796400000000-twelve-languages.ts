import type { MigrationInterface, QueryRunner } from 'typeorm';

const TWELVE = `'en', 'id', 'ur', 'ne', 'bn', 'fil', 'th', 'vi', 'zh', 'hi', 'ar', 'ru'`;

/**
 * An account's interface language may be any of the twelve shipped languages (LOCALES in the
 * contracts): Nepali, Bengali, Filipino, Thai, Vietnamese, Simplified Chinese, Hindi, Arabic and
 * Russian join English, Bahasa Indonesia and Urdu. Existing accounts keep their language.
 *
 * `down` puts the three-language check back and moves accounts in a removed language to English
 * (the check could not be added otherwise).
 */
export class TwelveLanguages1796400000000 implements MigrationInterface {
  name = 'TwelveLanguages1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_locale_check"`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_locale_check" CHECK ("locale" IN (${TWELVE}))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_locale_check"`);
    await queryRunner.query(`UPDATE "app_user" SET "locale" = 'en' WHERE "locale" NOT IN ('en', 'id', 'ur')`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_locale_check" CHECK ("locale" IN ('en', 'id', 'ur'))`);
  }
}
