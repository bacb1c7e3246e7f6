import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WordFilterAction, WordFilterTerm } from '@compact-voices/contracts';
import { SqlRepository } from '../../core/database/sql-repository.js';
import { rowsOf } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';

/** The SQL of the word filter's terms; statements that must share a transaction take its `EntityManager`. */
@Injectable()
export class WordFilterRepository extends SqlRepository {
  /** Every term with its action, as the filter matches them. */
  terms(): Promise<Array<{ term: string; action: WordFilterAction }>> {
    return this.dataSource.query(`SELECT term, action FROM word_filter_term`);
  }

  /** Every term, as admins see them, in alphabetical order. */
  list(): Promise<WordFilterTerm[]> {
    return this.dataSource.query(
      `SELECT id, term, action, ${isoTimestamp('created_at')} AS "createdAt" FROM word_filter_term ORDER BY term`,
    );
  }

  /** Adds a term; undefined when it is already in the filter. */
  async insert(manager: EntityManager, term: string, action: WordFilterAction, createdBy: string): Promise<WordFilterTerm | undefined> {
    const rows: WordFilterTerm[] = await manager.query(
      `INSERT INTO word_filter_term (term, action, created_by) VALUES ($1, $2, $3) ON CONFLICT (term) DO NOTHING
         RETURNING id, term, action, ${isoTimestamp('created_at')} AS "createdAt"`,
      [term, action, createdBy],
    );
    return rows[0];
  }

  /** Removes a term; false when there was no such term. */
  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(await manager.query(`DELETE FROM word_filter_term WHERE id = $1 RETURNING id`, [id]));
    return rows.length > 0;
  }
}
