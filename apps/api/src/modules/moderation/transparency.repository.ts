import { Injectable } from '@nestjs/common';
import type { Transparency } from '@compact-voices/contracts';
import { SqlRepository } from '../../core/database/sql-repository.js';

/** The counts of the public transparency report, over every round (`round` null) or one. */
@Injectable()
export class TransparencyRepository extends SqlRepository {
  /** Applied decisions per calendar month (UTC), rule and action. */
  decisionsByMonth(round: string | null): Promise<Transparency['decisions']> {
    return this.dataSource.query(
      `SELECT to_char(date_trunc('month', applied_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, rule_code AS "ruleCode", action, count(*)::int AS count
         FROM moderation_decision WHERE status = 'applied' AND ($1::uuid IS NULL OR consultation_id = $1)
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [round],
    );
  }

  /** Appeals pending, upheld and overturned. */
  async appealOutcomes(round: string | null): Promise<Transparency['appeals'] | undefined> {
    const [appeals]: Array<Transparency['appeals']> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE a.outcome IS NULL)::int AS pending, count(*) FILTER (WHERE a.outcome = 'upheld')::int AS upheld,
                count(*) FILTER (WHERE a.outcome = 'overturned')::int AS overturned
         FROM appeal a JOIN moderation_decision d ON d.id = a.decision_id WHERE $1::uuid IS NULL OR d.consultation_id = $1`,
      [round],
    );
    return appeals;
  }

  /** The median hours from an item entering a queue to its first decision (appeals aside); null when there is none. */
  async medianHoursToDecision(round: string | null): Promise<number | null> {
    const [median]: Array<{ hours: number | string | null }> = await this.dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - queued_at) / 3600) AS hours
         FROM moderation_decision WHERE status = 'applied' AND appeal_id IS NULL AND ($1::uuid IS NULL OR consultation_id = $1)`,
      [round],
    );
    const hours = median?.hours;
    return hours === null || hours === undefined ? null : Number(hours);
  }

  /** Reports per reason. */
  flagsByReason(round: string | null): Promise<Transparency['flags']> {
    return this.dataSource.query(
      `SELECT f.reason, count(*)::int AS count FROM comment_flag f JOIN comment c ON c.id = f.comment_id
         WHERE $1::uuid IS NULL OR c.consultation_id = $1 GROUP BY f.reason ORDER BY f.reason`,
      [round],
    );
  }

  async sanctionCount(round: string | null): Promise<number | undefined> {
    const [sanctions]: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM sanction s LEFT JOIN comment c ON c.id = s.comment_id WHERE $1::uuid IS NULL OR c.consultation_id = $1`,
      [round],
    );
    return sanctions?.count;
  }
}
