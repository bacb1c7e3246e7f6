import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Transparency } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';

/**
 * The public transparency report: counts only — decisions per month by rule and action, appeal
 * outcomes, the median time from queue to decision, flags by reason, sanctions. No person, no
 * comment, no reason text.
 */
@Injectable()
export class TransparencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly disclosure: DisclosureService,
    private readonly audit: AuditService,
  ) {}

  async report(consultationId?: string): Promise<Transparency> {
    const round = consultationId ?? null;
    const [decisions, appeals, median, flags, sanctions, auditHeads] = await Promise.all([
      this.dataSource.query(
        `SELECT to_char(date_trunc('month', applied_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, rule_code AS "ruleCode", action, count(*)::int AS count
         FROM moderation_decision WHERE status = 'applied' AND ($1::uuid IS NULL OR consultation_id = $1)
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [round],
      ) as Promise<Transparency['decisions']>,
      this.dataSource.query(
        `SELECT count(*) FILTER (WHERE a.outcome IS NULL)::int AS pending, count(*) FILTER (WHERE a.outcome = 'upheld')::int AS upheld,
                count(*) FILTER (WHERE a.outcome = 'overturned')::int AS overturned
         FROM appeal a JOIN moderation_decision d ON d.id = a.decision_id WHERE $1::uuid IS NULL OR d.consultation_id = $1`,
        [round],
      ) as Promise<Array<Transparency['appeals']>>,
      this.dataSource.query(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - queued_at) / 3600) AS hours
         FROM moderation_decision WHERE status = 'applied' AND appeal_id IS NULL AND ($1::uuid IS NULL OR consultation_id = $1)`,
        [round],
      ) as Promise<Array<{ hours: number | string | null }>>,
      this.dataSource.query(
        `SELECT f.reason, count(*)::int AS count FROM comment_flag f JOIN comment c ON c.id = f.comment_id
         WHERE $1::uuid IS NULL OR c.consultation_id = $1 GROUP BY f.reason ORDER BY f.reason`,
        [round],
      ) as Promise<Transparency['flags']>,
      this.dataSource.query(
        `SELECT count(*)::int AS count FROM sanction s LEFT JOIN comment c ON c.id = s.comment_id WHERE $1::uuid IS NULL OR c.consultation_id = $1`,
        [round],
      ) as Promise<Array<{ count: number }>>,
      this.audit.recentHeads(),
    ]);
    const hours = median[0]?.hours;
    // Each counted decision is public already (its comment shows a tombstone with the rule); counts are shown as they are.
    return this.disclosure.publicRecord({
      generatedAt: new Date().toISOString(),
      decisions,
      appeals: appeals[0] ?? { pending: 0, upheld: 0, overturned: 0 },
      medianHoursToDecision: hours === null || hours === undefined ? null : Math.round(Number(hours) * 10) / 10,
      flags,
      sanctions: sanctions[0]?.count ?? 0,
      // Keyed hashes of the whole audit log (every round): they reveal nothing, and a copy kept outside shows a later rewrite.
      auditHeads,
    });
  }
}
