import { Injectable } from '@nestjs/common';
import type { Transparency } from '@compact-voices/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';
import { TransparencyRepository } from './transparency.repository.js';

/**
 * The public transparency report: counts only — decisions per month by rule and action, appeal
 * outcomes, the median time from queue to decision, flags by reason, sanctions. No person, no
 * comment, no reason text.
 */
@Injectable()
export class TransparencyService {
  constructor(
    private readonly repository: TransparencyRepository,
    private readonly disclosure: DisclosureService,
    private readonly audit: AuditService,
  ) {}

  async report(consultationId?: string): Promise<Transparency> {
    const round = consultationId ?? null;
    const [decisions, appeals, hours, flags, sanctions, auditHeads] = await Promise.all([
      this.repository.decisionsByMonth(round),
      this.repository.appealOutcomes(round),
      this.repository.medianHoursToDecision(round),
      this.repository.flagsByReason(round),
      this.repository.sanctionCount(round),
      this.audit.recentHeads(),
    ]);
    // Each counted decision is public already (its comment shows a tombstone with the rule); counts are shown as they are.
    return this.disclosure.publicRecord({
      generatedAt: new Date().toISOString(),
      decisions,
      appeals: appeals ?? { pending: 0, upheld: 0, overturned: 0 },
      medianHoursToDecision: hours === null ? null : Math.round(hours * 10) / 10,
      flags,
      sanctions: sanctions ?? 0,
      // Keyed hashes of the whole audit log (every round): they reveal nothing, and a copy kept outside shows a later rewrite.
      auditHeads,
    });
  }
}
