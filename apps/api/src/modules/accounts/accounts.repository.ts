import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Me, PersonalStakeholderType, PrivacyMode, StakeholderTypeCode } from '@compact-voices/contracts';
import { rowsOf } from '../../core/database/query-result.js';
import { SqlRepository } from '../../core/database/sql-repository.js';
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

/** A new account as sign-up inserts it into `app_user`. */
export interface UserInsert {
  email: string;
  emailNormalized: string;
  mailbox: string;
  displayName: string;
  passwordHash: string;
  locale: string;
  pseudonym: string;
  privacyMode: PrivacyMode;
  stakeholderType: PersonalStakeholderType;
}

/** A refresh token with its session, locked while it is rotated. */
export interface RefreshTokenRow {
  tokenHash: string;
  rotatedAt: Date | null;
  successorId: string | null;
  expired: boolean;
  sessionId: string;
  userId: string;
  /** The session is live and its account active. */
  sessionValid: boolean;
}

/** The active account of the address ADMIN_EMAIL names, as the bootstrap checks it. */
export interface AdminCandidate {
  id: string;
  passwordHash: string | null;
  isAdmin: boolean;
  verified: boolean;
}

/** The account ADMIN_EMAIL and ADMIN_PASSWORD ensure. */
export interface AdminUpsert {
  id: string;
  email: string;
  emailNormalized: string;
  mailbox: string;
  passwordHash: string;
  pseudonym: string;
}

/** Who a person is in their own name, as resolving their acting identity reads it. */
export interface ActingUserRow {
  stakeholderType: StakeholderTypeCode;
  countryIso3: string | null;
  privacyMode: string;
  actingOrganisationId: string | null;
  displayName: string;
  pseudonym: string;
}

/** An organisation someone is an active member of, as they would act for it. */
export interface ActingOrganisationRow {
  stakeholderType: StakeholderTypeCode;
  governmentSide: boolean;
  countryIso3: string;
  verified: boolean;
  name: string;
}

/**
 * SQL about accounts shared by the auth flows, the administrator bootstrap, acting identities and
 * the "me" endpoints; statements that must share a transaction take its `EntityManager`.
 */
@Injectable()
export class AccountsRepository extends SqlRepository {
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

  // ---- Sign-up, verification and password reset ----

  /** Inserts an account; returns its id, or undefined when its mailbox already has one. A unique violation of another key is thrown. */
  async insertUser(user: UserInsert): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO app_user (email, email_normalized, mailbox, display_name, password_hash, locale, pseudonym, privacy_mode, stakeholder_type)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (mailbox) DO NOTHING
           RETURNING id`,
      [
        user.email,
        user.emailNormalized,
        user.mailbox,
        user.displayName,
        user.passwordHash,
        user.locale,
        user.pseudonym,
        user.privacyMode,
        user.stakeholderType,
      ],
    );
    return rows[0]?.id;
  }

  async markEmailVerified(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE app_user SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1`, [
      userId,
    ]);
  }

  /** A new password; following a mailed link also verifies the address. */
  async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(
      `UPDATE app_user SET password_hash = $2, email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1`,
      [userId, passwordHash],
    );
  }

  // ---- Refresh tokens ----

  /** Locks a refresh token and reads its session; undefined when there is no such token. */
  async lockRefreshToken(manager: EntityManager, tokenId: string): Promise<RefreshTokenRow | undefined> {
    const rows: RefreshTokenRow[] = await manager.query(
      `SELECT rt.token_hash AS "tokenHash", rt.rotated_at AS "rotatedAt", rt.successor_id AS "successorId",
                  rt.expires_at <= now() AS expired, s.id AS "sessionId", s.user_id AS "userId",
                  (s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active') AS "sessionValid"
           FROM refresh_token rt JOIN user_session s ON s.id = rt.session_id JOIN app_user u ON u.id = s.user_id
           WHERE rt.id = $1
           FOR UPDATE OF rt`,
      [tokenId],
    );
    return rows[0];
  }

  /** Whether the token exists and has not been rotated itself. */
  async isUnrotated(manager: EntityManager, tokenId: string): Promise<boolean> {
    const [token] = rowsOf<{ id: string }>(
      await manager.query(`SELECT id FROM refresh_token WHERE id = $1 AND rotated_at IS NULL`, [tokenId]),
    );
    return Boolean(token);
  }

  /** Replaces a refresh token by its successor, which expires with the session; the session was seen now. */
  async rotateRefreshToken(
    manager: EntityManager,
    tokenId: string,
    successorId: string,
    successorHash: string,
    sessionId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO refresh_token (id, session_id, token_hash, expires_at)
         SELECT $1, $2, $3, expires_at FROM user_session WHERE id = $2`,
      [successorId, sessionId, successorHash],
    );
    await manager.query(`UPDATE refresh_token SET rotated_at = now(), successor_id = $2 WHERE id = $1`, [tokenId, successorId]);
    await manager.query(`UPDATE user_session SET last_seen_at = now() WHERE id = $1`, [sessionId]);
  }

  /** The session a refresh token belongs to; undefined when there is no such token. */
  async sessionOfRefreshToken(tokenId: string): Promise<string | undefined> {
    const [row] = rowsOf<{ sessionId: string }>(
      await this.dataSource.query(`SELECT session_id AS "sessionId" FROM refresh_token WHERE id = $1`, [tokenId]),
    );
    return row?.sessionId;
  }

  // ---- The administrator bootstrap ----

  /** The active account of a normalised address, with what deciding whether it is already the administrator needs. */
  async adminCandidate(emailNormalized: string): Promise<AdminCandidate | undefined> {
    const [existing]: AdminCandidate[] = await this.dataSource.query(
      `SELECT id, password_hash AS "passwordHash", 'admin' = ANY(roles) AS "isAdmin", email_verified_at IS NOT NULL AS verified
       FROM app_user WHERE email_normalized = $1 AND status = 'active'`,
      [emailNormalized],
    );
    return existing;
  }

  /**
   * Creates the administrator (`id`), or makes the account of the address one: verified, an admin,
   * with the password. The address wins its account even when another spelling of its mailbox
   * signed up first: that account keeps the mailbox, and this one is marked as a second. `adopted`:
   * the account existed before.
   */
  async upsertAdmin(manager: EntityManager, admin: AdminUpsert): Promise<{ id: string; adopted: boolean }> {
    const rows: Array<{ id: string; adopted: boolean }> = await manager.query(
      `INSERT INTO app_user (id, email, email_normalized, mailbox, display_name, password_hash, pseudonym, roles, email_verified_at)
         VALUES ($5, $1, $2, CASE WHEN EXISTS (SELECT 1 FROM app_user WHERE mailbox = $6) THEN $6 || '#' || $7 ELSE $6 END,
                 'Administrator', $3, $4, '{participant,admin}', now())
         ON CONFLICT (email_normalized) DO UPDATE SET
           password_hash = EXCLUDED.password_hash,
           roles = (SELECT ARRAY(SELECT DISTINCT unnest(app_user.roles || '{admin}'::text[]))),
           email_verified_at = COALESCE(app_user.email_verified_at, now()),
           updated_at = now()
         RETURNING id, id <> $5 AS adopted`,
      [admin.email, admin.emailNormalized, admin.passwordHash, admin.pseudonym, admin.id, admin.mailbox, admin.id],
    );
    return rows[0]!;
  }

  // ---- Acting identity ----

  /** The person in their own name; undefined when there is no such active account. */
  async actingUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<ActingUserRow | undefined> {
    const rows: ActingUserRow[] = await manager.query(
      `SELECT stakeholder_type AS "stakeholderType", country_iso3 AS "countryIso3", privacy_mode AS "privacyMode",
              acting_organisation_id AS "actingOrganisationId", display_name AS "displayName", pseudonym
       FROM app_user WHERE id = $1 AND status = 'active'`,
      [userId],
    );
    return rows[0];
  }

  /** The organisation, if the person is an active member of it. */
  async actingOrganisation(
    organisationId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ActingOrganisationRow | undefined> {
    const organisations: ActingOrganisationRow[] = await manager.query(
      `SELECT o.stakeholder_type AS "stakeholderType", st.side = 'government' AS "governmentSide", o.country_iso3 AS "countryIso3",
              o.verified_at IS NOT NULL AS verified, o.name
       FROM organisation_membership m JOIN organisation o ON o.id = m.organisation_id JOIN stakeholder_type st ON st.code = o.stakeholder_type
       WHERE m.organisation_id = $1 AND m.user_id = $2 AND m.status = 'active'`,
      [organisationId, userId],
    );
    return organisations[0];
  }
}
