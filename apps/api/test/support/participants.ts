import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { StakeholderTypeCode } from '@compact-voices/contracts';
import { SessionTokensService } from '../../src/modules/accounts/session-tokens.service.js';
import type { TestApp } from './test-app.js';

/** A participant made straight in the database, signed in with a real session and access token. */
export interface QuickParticipant {
  id: string;
  auth: { Authorization: string };
}

/**
 * Many ready participants at once, for tests about what many raters make public (the attack
 * suites need dozens per trial; signing each up through the API would spend minutes hashing
 * passwords). Accounts are verified and, unless `ageHours` says otherwise, a month old; with an
 * organisation they act for it (an active membership). They never sign in with a password.
 */
export async function quickParticipants(
  testApp: TestApp,
  count: number,
  options: {
    stakeholderType?: StakeholderTypeCode;
    countryIso3?: string;
    organisationId?: string;
    ageHours?: number;
    privacyMode?: 'public' | 'protected';
  } = {},
): Promise<QuickParticipant[]> {
  const run = randomUUID().slice(0, 8);
  const users: Array<{ id: string }> = await testApp.dataSource.query(
    `INSERT INTO app_user (email, email_normalized, mailbox, display_name, password_hash, pseudonym, email_verified_at, created_at, stakeholder_type, country_iso3, privacy_mode)
     SELECT e, e, e, 'Quick participant ' || g, 'not-a-password-hash', 'Participant ' || upper(substr(md5(random()::text || e), 1, 10)),
            now(), now() - make_interval(hours => $3), $4, $5, $6
     FROM generate_series(1, $1::int) g, LATERAL (SELECT 'quick-' || $2 || '-' || g || '@test.example' AS e) address
     RETURNING id`,
    [
      count,
      run,
      options.ageHours ?? 24 * 30,
      options.stakeholderType ?? 'individual',
      options.countryIso3 ?? null,
      options.privacyMode ?? 'public',
    ],
  );
  const ids = users.map((user) => user.id);
  if (options.organisationId) {
    await testApp.dataSource.query(
      `INSERT INTO organisation_membership (organisation_id, user_id, role, status, decided_at) SELECT $1, unnest($2::uuid[]), 'member', 'active', now()`,
      [options.organisationId, ids],
    );
    await testApp.dataSource.query(`UPDATE app_user SET acting_organisation_id = $1 WHERE id = ANY($2::uuid[])`, [
      options.organisationId,
      ids,
    ]);
  }
  const sessions: Array<{ id: string; userId: string }> = await testApp.dataSource.query(
    `INSERT INTO user_session (user_id, expires_at) SELECT unnest($1::uuid[]), now() + interval '1 day' RETURNING id, user_id AS "userId"`,
    [ids],
  );
  const tokens = testApp.app.get(SessionTokensService);
  return sessions.map((session) => ({
    id: session.userId,
    auth: { Authorization: `Bearer ${tokens.signAccessToken(session.userId, session.id).accessToken}` },
  }));
}

/** An organisation straight in the database (verified unless told otherwise). */
export async function quickOrganisation(
  testApp: TestApp,
  options: { stakeholderType: StakeholderTypeCode; countryIso3: string; verified?: boolean; name?: string },
): Promise<string> {
  const [row]: Array<{ id: string }> = await testApp.dataSource.query(
    `INSERT INTO organisation (name, stakeholder_type, country_iso3, verified_at) VALUES ($1, $2, $3, CASE WHEN $4 THEN now() END) RETURNING id`,
    [
      options.name ?? `${options.stakeholderType} ${options.countryIso3} ${randomUUID().slice(0, 6)}`,
      options.stakeholderType,
      options.countryIso3,
      options.verified ?? true,
    ],
  );
  return row!.id;
}

/** Each participant rates the cell; resolves when every rating is stored (and its release, if any, made). */
export async function rate(
  testApp: TestApp,
  raters: readonly QuickParticipant[],
  cell: { consultationId: string; recommendationCode: string; countryIso3: string },
  scores: ReadonlyArray<number | null>,
): Promise<void> {
  const server = testApp.app.getHttpServer();
  for (const [index, rater] of raters.entries()) {
    const score = scores[index % scores.length]!;
    await request(server)
      .put(`/api/v1/consultations/${cell.consultationId}/recommendations/${cell.recommendationCode}/ratings/${cell.countryIso3}`)
      .set(rater.auth)
      .send(score === null ? { score: null, dontKnow: true } : { score })
      .expect(200);
  }
}
