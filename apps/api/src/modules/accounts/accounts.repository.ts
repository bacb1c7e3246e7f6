import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Me } from '@compact-voices/contracts';
import { rowsOf } from '../../core/database/query-result.js';
import { isoTimestamp } from '../../core/database/sql.js';

export interface UserCredentials {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  passwordHash: string | null;
  emailVerified: boolean;
  /** Set while a sanction is in force. */
  suspendedUntil?: string | null;
}

/** Crockford's base 32: no I, L, O or U to misread. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "Participant 7F3K9Q": short, speakable, and says nothing about the person. */
export function newPseudonym(): string {
  const bytes = randomBytes(6);
  return `Participant ${[...bytes].map((byte) => CROCKFORD[byte % 32]).join('')}`;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Domains whose mail service ignores dots in the local part (`a.mina@` reaches `amina@`), each
 * with the domain its mailboxes are known by (googlemail.com and gmail.com are one service).
 * Only providers documented to do so: elsewhere a dot can be the difference between two people.
 */
export const DOT_BLIND_DOMAINS: Readonly<Record<string, string>> = {
  'gmail.com': 'gmail.com',
  'googlemail.com': 'gmail.com',
};

/**
 * The mailbox an address delivers to, the key that holds one account (padding a count of people
 * with `amina+1@`, `amina+2@`, `a.mina@gmail.com` costs a mailbox each). A `+tag` is dropped at
 * every domain — a few providers treat `+` as an ordinary character, and two of their users whose
 * addresses differ only after a `+` share the cost of one account — and dots are dropped where
 * the provider ignores them. Sign-in, resets and verification keep using the exact address.
 */
export function canonicalMailbox(email: string): string {
  const address = normaliseEmail(email);
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  const known = DOT_BLIND_DOMAINS[domain];
  if (known) {
    domain = known;
    local = local.replaceAll('.', '') || local;
  }
  return `${local}@${domain}`;
}

const ME_SQL = `
  SELECT u.id, u.email, u.display_name AS "displayName", u.locale, u.roles,
         u.email_verified_at IS NOT NULL AS "emailVerified", u.privacy_mode AS "privacyMode", u.pseudonym,
         u.stakeholder_type AS "stakeholderType", u.country_iso3 AS "countryIso3",
         u.acting_organisation_id AS "actingOrganisationId",
         ${isoTimestamp('u.created_at')} AS "createdAt",
         CASE WHEN u.suspended_until > now() THEN ${isoTimestamp('u.suspended_until')} END AS "suspendedUntil",
         COALESCE((
           SELECT json_agg(json_build_object('organisationId', o.id, 'organisationName', o.name, 'role', m.role, 'status', m.status,
                                             'stakeholderType', o.stakeholder_type, 'countryIso3', o.country_iso3, 'organisationVerified', o.verified_at IS NOT NULL)
                           ORDER BY o.name)
           FROM organisation_membership m JOIN organisation o ON o.id = m.organisation_id
           WHERE m.user_id = u.id), '[]'::json) AS memberships
  FROM app_user u
  WHERE u.id = $1 AND u.status = 'active'`;

/** SQL about accounts shared by the auth flows and the "me" endpoints. */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async me(userId: string, manager: EntityManager = this.dataSource.manager): Promise<Me | undefined> {
    const rows: Me[] = await manager.query(ME_SQL, [userId]);
    return rows[0];
  }

  async credentialsByEmail(email: string): Promise<UserCredentials | undefined> {
    const rows: UserCredentials[] = await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", locale, password_hash AS "passwordHash",
              email_verified_at IS NOT NULL AS "emailVerified",
              CASE WHEN suspended_until > now() THEN ${isoTimestamp('suspended_until')} END AS "suspendedUntil"
       FROM app_user WHERE email_normalized = $1 AND status = 'active'`,
      [normaliseEmail(email)],
    );
    return rows[0];
  }

  /**
   * The account a new sign-up for `email` would duplicate: the exact address, else whoever holds its
   * mailbox (whose owner is told someone tried).
   */
  async credentialsByMailbox(email: string): Promise<UserCredentials | undefined> {
    const rows: UserCredentials[] = await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", locale, password_hash AS "passwordHash",
              email_verified_at IS NOT NULL AS "emailVerified"
       FROM app_user WHERE (email_normalized = $1 OR mailbox = $2) AND status = 'active'
       ORDER BY email_normalized = $1 DESC LIMIT 1`,
      [normaliseEmail(email), canonicalMailbox(email)],
    );
    return rows[0];
  }

  async credentialsById(userId: string): Promise<UserCredentials | undefined> {
    const rows: UserCredentials[] = await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", locale, password_hash AS "passwordHash",
              email_verified_at IS NOT NULL AS "emailVerified"
       FROM app_user WHERE id = $1 AND status = 'active'`,
      [userId],
    );
    return rows[0];
  }

  async createSession(
    manager: EntityManager,
    session: {
      userId: string;
      refreshTokenId: string;
      refreshTokenHash: string;
      ttlDays: number;
      userAgent: string | null;
      ipHash: string | null;
    },
  ): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO user_session (user_id, expires_at, user_agent, ip_hash)
       VALUES ($1, now() + make_interval(days => $2), $3, $4) RETURNING id`,
      [session.userId, session.ttlDays, session.userAgent, session.ipHash],
    );
    await manager.query(
      `INSERT INTO refresh_token (id, session_id, token_hash, expires_at)
       SELECT $1, $2, $3, expires_at FROM user_session WHERE id = $2`,
      [session.refreshTokenId, id, session.refreshTokenHash],
    );
    return id;
  }

  async revokeSessions(
    manager: EntityManager,
    where: { userId: string; exceptSessionId?: string } | { sessionId: string },
    reason: string,
  ): Promise<string[]> {
    const result: unknown =
      'sessionId' in where
        ? await manager.query(
            `UPDATE user_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
            [where.sessionId, reason],
          )
        : await manager.query(
            `UPDATE user_session SET revoked_at = now(), revoked_reason = $3
             WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2) RETURNING id`,
            [where.userId, where.exceptSessionId ?? null, reason],
          );
    return rowsOf<{ id: string }>(result).map((row) => row.id);
  }

  async createMailToken(
    manager: EntityManager,
    userId: string,
    purpose: 'verify-email' | 'password-reset',
    hash: string,
    ttlMinutes: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO email_token (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
      [userId, purpose, hash, ttlMinutes],
    );
  }

  /**
   * Every outstanding reset and verification token of the account stops working: after a password
   * reset, a password change or an e-mail change, an older mailed link is no key any more.
   */
  async invalidateMailTokens(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE email_token SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
  }

  /** Marks a valid, unused token used and returns its user; undefined when invalid, used or expired. */
  async consumeMailToken(manager: EntityManager, purpose: 'verify-email' | 'password-reset', hash: string): Promise<string | undefined> {
    const rows = rowsOf<{ userId: string }>(
      await manager.query(
        `UPDATE email_token t SET used_at = now()
       FROM app_user u
       WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now()
         AND u.id = t.user_id AND u.status = 'active'
       RETURNING t.user_id AS "userId"`,
        [hash, purpose],
      ),
    );
    return rows[0]?.userId;
  }
}
