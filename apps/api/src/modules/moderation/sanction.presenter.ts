import { APPEAL_WINDOW_DAYS, type Sanction, type SanctionStatus } from '@compact-voices/contracts';
import { isoTimestamp } from '../../core/database/sql.js';
import { FORMER_PARTICIPANT, authorNameSql } from '../comments/author-label.js';
import { SAFEGUARDING_SQL } from './moderation-access.repository.js';

/** A sanction can be appealed for this long after it came into force (its co-signature, or its creation). */
const APPEAL_DEADLINE = `(COALESCE(s.cosigned_at, s.created_at) + make_interval(days => ${APPEAL_WINDOW_DAYS}))`;

/**
 * SQL: a sanction (`s`) with what every reader may be shown, plus what decides which reader sees
 * what. Who it names: for a sanction over a comment, its author as that comment reads (never their
 * name beside a protected comment); for one an admin imposed on an account, the account's name —
 * admins only (see `presentSanction`). The conflict is a flag: never which country, never whose tie.
 */
export function sanctionSelect(localeParam: string): string {
  return `
  SELECT s.id, s.consultation_id AS "consultationId",
         CASE WHEN s.status = 'awaiting-cosign' AND (s.until <= now() OR s.lifted_at IS NOT NULL) THEN 'lapsed' ELSE s.status END AS status,
         ${isoTimestamp('s.until')} AS until, s.rule_code AS "ruleCode", COALESCE(r.title ->> ${localeParam}, r.title ->> 'en') AS "ruleTitle",
         s.reason, ${isoTimestamp('s.created_at')} AS "createdAt", ${isoTimestamp('s.lifted_at')} AS "liftedAt",
         CASE WHEN s.status = 'in-force' AND s.lifted_at IS NULL AND s.until > now() AND a.id IS NULL AND ${APPEAL_DEADLINE} > now()
              THEN ${isoTimestamp(APPEAL_DEADLINE)} END AS "appealableUntil",
         a.id AS "appealRowId", CASE WHEN a.id IS NULL THEN NULL WHEN a.outcome IS NULL THEN 'pending' ELSE a.outcome END AS "appealStatus",
         ${isoTimestamp('a.created_at')} AS "appealCreatedAt", ${isoTimestamp('a.decided_at')} AS "appealDecidedAt", a.outcome_reason AS "appealOutcomeReason",
         s.user_id AS "userId", s.created_by AS "createdBy", s.comment_id AS "commentId", c.consultation_id AS "commentConsultationId",
         (s.status = 'awaiting-cosign' AND s.lifted_at IS NULL AND s.until > now()) AS "needsCosign",
         cardinality(s.conflict_ties) > 0 AS conflict,
         (c.id IS NOT NULL AND ${SAFEGUARDING_SQL}) AS safeguarding,
         CASE WHEN c.id IS NOT NULL THEN ${authorNameSql({ comment: 'c', author: 'u' })} END AS "authorLabel",
         CASE WHEN u.status <> 'active' THEN '${FORMER_PARTICIPANT}' ELSE u.display_name END AS "accountName"
  FROM sanction s
  JOIN app_user u ON u.id = s.user_id
  JOIN house_rule r ON r.code = s.rule_code AND r.version = s.rule_version
  LEFT JOIN comment c ON c.id = s.comment_id
  LEFT JOIN appeal a ON a.sanction_id = s.id`;
}

export interface SanctionRow {
  id: string;
  consultationId: string | null;
  status: SanctionStatus;
  until: string;
  ruleCode: string;
  ruleTitle: string;
  reason: string;
  createdAt: string;
  liftedAt: string | null;
  appealableUntil: string | null;
  appealRowId: string | null;
  appealStatus: 'pending' | 'upheld' | 'overturned' | null;
  appealCreatedAt: string | null;
  appealDecidedAt: string | null;
  appealOutcomeReason: string | null;
  userId: string;
  createdBy: string | null;
  commentId: string | null;
  commentConsultationId: string | null;
  needsCosign: boolean;
  conflict: boolean;
  safeguarding: boolean;
  authorLabel: string | null;
  accountName: string;
}

/** Who reads: the sanctioned person sees rule, reason, dates and their appeal; moderators of the round and admins see more. */
export interface SanctionReader {
  id: string;
  admin: boolean;
  /** May act on it: the round's moderators (safeguarding items: its safeguarding officers) and admins. */
  moderates: boolean;
}

/** Never the creator's or co-signer's identity, never the ties behind a conflict, never a protected author's account. */
export function presentSanction(row: SanctionRow, reader: SanctionReader): Sanction {
  const sanction: Sanction = {
    id: row.id,
    consultationId: row.consultationId,
    status: row.status,
    until: row.until,
    ruleCode: row.ruleCode,
    ruleTitle: row.ruleTitle,
    reason: row.reason,
    createdAt: row.createdAt,
    liftedAt: row.liftedAt,
    appealableUntil: row.userId === reader.id ? row.appealableUntil : null,
    appeal: row.appealRowId
      ? {
          id: row.appealRowId,
          status: row.appealStatus ?? 'pending',
          createdAt: row.appealCreatedAt!,
          decidedAt: row.appealDecidedAt,
          outcomeReason: row.appealOutcomeReason,
        }
      : null,
  };
  if (!reader.moderates) return sanction;
  // Moderators know a person only as their comment reads; the account's own name is for admins.
  const displayName = row.authorLabel ?? (reader.admin ? row.accountName : null);
  return {
    ...sanction,
    ...(displayName ? { user: { displayName } } : {}),
    createdByMe: row.createdBy === reader.id,
    needsCosign: row.needsCosign,
    conflict: row.conflict,
  };
}
