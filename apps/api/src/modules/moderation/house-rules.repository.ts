import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HouseRule, LocaleCode } from '@compact-voices/contracts';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { isoTimestamp } from '../../core/database/sql.js';

/** A new version of a house rule as inserted into `house_rule`. */
export interface HouseRuleVersionInsert {
  code: string;
  version: number;
  /** The title and text per language, as JSON text. */
  title: string;
  text: string;
  publishedBy: string;
}

/** The SQL of the house rules; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class HouseRulesRepository extends SqlRepository {
  /** Publishes version 1 of each rule (JSON text: code, title, text) that has no version yet; returns how many it published. */
  async insertFirstVersions(rules: string): Promise<number> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO house_rule (code, version, title, text)
       SELECT code, 1, title, text FROM jsonb_to_recordset($1::jsonb) AS x(code text, title jsonb, text jsonb)
       WHERE NOT EXISTS (SELECT 1 FROM house_rule h WHERE h.code = x.code)
       RETURNING code`,
      [rules],
    );
    return inserted.length;
  }

  /**
   * Adds the languages a rule version lacks from the reviewed file (JSON text as above), to every
   * version whose English title and text are the file's: a language shipped after a rule was
   * published reaches its readers. Never changes a text a version has, nor a version whose English
   * differs (an admin's later wording); returns how many versions gained a language.
   */
  async addMissingTranslations(rules: string): Promise<number> {
    const updated: unknown[] = await this.dataSource.query(
      `UPDATE house_rule h SET title = x.title || h.title, text = x.text || h.text
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, title jsonb, text jsonb)
       WHERE h.code = x.code AND h.title ->> 'en' = x.title ->> 'en' AND h.text ->> 'en' = x.text ->> 'en'
         AND (x.title || h.title <> h.title OR x.text || h.text <> h.text)
       RETURNING h.code`,
      [rules],
    );
    return updated.length;
  }

  /** The version in force of every rule, in one language (English where a translation is missing). */
  current(locale: LocaleCode): Promise<HouseRule[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (code) code, version,
              COALESCE(title ->> $1, title ->> 'en') AS title, COALESCE(text ->> $1, text ->> 'en') AS text,
              CASE WHEN title ? $1 AND text ? $1 THEN $1 ELSE 'en' END AS language,
              ${isoTimestamp('published_at')} AS "publishedAt"
       FROM house_rule ORDER BY code, version DESC`,
      [locale],
    );
  }

  /** The latest version of a rule; undefined when there is no such rule. */
  async latest(code: string, manager: EntityManager = this.dataSource.manager): Promise<{ code: string; version: number } | undefined> {
    const [row]: Array<{ code: string; version: number }> = await manager.query(
      `SELECT code, version FROM house_rule WHERE code = $1 ORDER BY version DESC LIMIT 1`,
      [code],
    );
    return row;
  }

  /** Locks the latest version of a rule and returns its number; undefined when there is no such rule. */
  async lockLatestVersion(manager: EntityManager, code: string): Promise<number | undefined> {
    const [current]: Array<{ version: number }> = await manager.query(
      `SELECT version FROM house_rule WHERE code = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
      [code],
    );
    return current?.version;
  }

  async insertVersion(manager: EntityManager, rule: HouseRuleVersionInsert): Promise<void> {
    await manager.query(`INSERT INTO house_rule (code, version, title, text, published_by) VALUES ($1, $2, $3, $4, $5)`, [
      rule.code,
      rule.version,
      rule.title,
      rule.text,
      rule.publishedBy,
    ]);
  }

  /** One version of a rule, in English. */
  async findInEnglish(manager: EntityManager, code: string, version: number): Promise<HouseRule | undefined> {
    const [row]: HouseRule[] = await manager.query(
      `SELECT code, version, title ->> 'en' AS title, text ->> 'en' AS text, 'en' AS language,
                ${isoTimestamp('published_at')} AS "publishedAt"
         FROM house_rule WHERE code = $1 AND version = $2`,
      [code, version],
    );
    return row;
  }
}
