import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../src/core/database/data-source.js';
import { ProtectedIdentity1795760000000 } from '../src/core/database/migrations/1795760000000-protected-identity.js';
import { loadCatalogueData } from '../src/modules/catalogue/catalogue.data.js';
import { seedCatalogue } from '../src/modules/catalogue/catalogue.repository.js';
import { createSuiteDatabase, type SuiteDatabase } from './support/test-database.js';

/** The data side of the protected-identity migration: existing accounts, comments, memberships and decisions. */
describe('migration ProtectedIdentity1795760000000 on existing data', () => {
  let database: SuiteDatabase;
  let dataSource: DataSource;
  const name = ProtectedIdentity1795760000000.name;
  const ids = {
    amina: randomUUID(),
    twin: randomUUID(),
    tagged: randomUUID(),
    erased: randomUUID(),
    exposedNow: randomUUID(),
    protectedOnly: randomUUID(),
    exposedBefore: randomUUID(),
    protectedFirst: randomUUID(),
  };
  const comments: Record<string, string> = {};
  let round = '';

  const user = async (id: string, email: string | null, pseudonym: string, createdAt: string, privacyMode = 'public', status = 'active') =>
    dataSource.query(
      `INSERT INTO app_user (id, email, email_normalized, display_name, pseudonym, privacy_mode, status, created_at)
       VALUES ($1, $2, $2, $3, $4, $5, $6, $7)`,
      [id, email, status === 'active' ? `Name of ${pseudonym}` : 'Former participant', pseudonym, privacyMode, status, createdAt],
    );
  const comment = async (
    key: string,
    authorId: string,
    authorProtected: boolean,
    createdAt: string,
    status = 'published',
    deletedAt: string | null = null,
  ) => {
    const id = randomUUID();
    comments[key] = id;
    await dataSource.query(
      `INSERT INTO comment (id, consultation_id, recommendation_code, root_id, author_id, author_stakeholder_type, author_protected, body, body_html, status, created_at, deleted_at)
       VALUES ($1, $2, 'HR-1', $1, $3, 'individual', $4, $5, '', $6, $7, $8)`,
      [id, round, authorId, authorProtected, `Comment ${key}`, status, createdAt, deletedAt],
    );
  };
  const pseudonymOf = async (id: string) =>
    ((await dataSource.query(`SELECT pseudonym FROM app_user WHERE id = $1`, [id])) as Array<{ pseudonym: string }>)[0]!.pseudonym;
  const commentPseudonym = async (key: string) =>
    (
      (await dataSource.query(`SELECT author_pseudonym AS "authorPseudonym" FROM comment WHERE id = $1`, [comments[key]])) as Array<{
        authorPseudonym: string | null;
      }>
    )[0]!.authorPseudonym;

  beforeAll(async () => {
    database = await createSuiteDatabase();
    dataSource = await createDataSource(database.config);
    await dataSource.initialize();
    await runMigrations(dataSource);
    // Back to just before this migration (and whatever came after it), with data as it was then.
    while ((await dataSource.query(`SELECT 1 FROM migrations WHERE name = $1`, [name])).length > 0)
      await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.transaction((manager) => seedCatalogue(manager, loadCatalogueData()));
    [{ id: round }] = await dataSource.query(
      `INSERT INTO consultation (title, opens_at, closes_at, status) VALUES ('Migrated round', now() - interval '10 days', now() + interval '10 days', 'open') RETURNING id`,
    );

    await user(ids.amina, 'amina@gmail.com', 'Participant AAAAAA', '2026-01-01T00:00:00Z');
    await user(ids.twin, 'a.mina+poll@googlemail.com', 'Participant BBBBBB', '2026-01-02T00:00:00Z');
    await user(ids.tagged, 'c.d+news@example.org', 'Participant CCCCCC', '2026-01-03T00:00:00Z');
    await user(ids.erased, null, 'Participant DDDDDD', '2026-01-04T00:00:00Z', 'public', 'erased');
    // Protected now, with a public comment still on show: the old rule showed it under the pseudonym.
    await user(ids.exposedNow, 'exposed-now@example.org', 'Participant EEEEEE', '2026-01-05T00:00:00Z', 'protected');
    await comment('exposedNowPublic', ids.exposedNow, false, '2026-02-01T00:00:00Z');
    await comment('exposedNowProtected', ids.exposedNow, true, '2026-02-02T00:00:00Z');
    // Protected from the start: nothing was exposed.
    await user(ids.protectedOnly, 'protected-only@example.org', 'Participant FFFFFF', '2026-01-06T00:00:00Z', 'protected');
    await comment('protectedOnly', ids.protectedOnly, true, '2026-02-01T00:00:00Z');
    // Public now, but wrote protected while a public comment of theirs was on show.
    await user(ids.exposedBefore, 'exposed-before@example.org', 'Participant GGGGGG', '2026-01-07T00:00:00Z');
    await comment('exposedBeforePublic', ids.exposedBefore, false, '2026-02-01T00:00:00Z');
    await comment('exposedBeforeProtected', ids.exposedBefore, true, '2026-02-02T00:00:00Z');
    // Protected first, public afterwards: the pseudonym never stood on a named comment.
    await user(ids.protectedFirst, 'protected-first@example.org', 'Participant HHHHHH', '2026-01-08T00:00:00Z');
    await comment('protectedFirstProtected', ids.protectedFirst, true, '2026-02-01T00:00:00Z');
    await comment('protectedFirstPublic', ids.protectedFirst, false, '2026-02-02T00:00:00Z');
    // Deleted before anything protected was written: never shown beside the pseudonym.
    await comment('deletedEarly', ids.protectedFirst, false, '2026-01-20T00:00:00Z', 'deleted', '2026-01-21T00:00:00Z');

    const [organisation]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO organisation (name, stakeholder_type, country_iso3) VALUES ('Migrated organisation', 'civil-society', 'NPL') RETURNING id`,
    );
    await dataSource.query(
      `INSERT INTO organisation_membership (organisation_id, user_id, role, status) VALUES ($1, $2, 'admin', 'active'), ($1, $3, 'member', 'pending')`,
      [organisation!.id, ids.amina, ids.exposedNow],
    );
    await dataSource.query(
      `INSERT INTO house_rule (code, version, title, text) VALUES ('R1', 1, '{"en": "Respect"}', '{"en": "Be respectful."}')`,
    );
    await dataSource.query(
      `INSERT INTO moderation_decision (comment_id, consultation_id, action, rule_code, rule_version, reason, decided_by, status, applied_at, cosigned_by, comment_version, from_status, queued_at)
       VALUES ($1, $2, 'approve', 'R1', 1, 'Fine', $3, 'applied', now(), $4, 1, 'pending', now())`,
      [comments.protectedOnly, round, ids.exposedNow, ids.amina],
    );

    await runMigrations(dataSource);
  }, 120_000);

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('gives every living account its mailbox; the oldest of two spellings keeps it, the other is marked, nothing is merged', async () => {
    const rows: Array<{ id: string; mailbox: string | null; email: string | null }> = await dataSource.query(
      `SELECT id, mailbox, email_normalized AS email FROM app_user WHERE id = ANY($1::uuid[])`,
      [Object.values(ids)],
    );
    const mailbox = Object.fromEntries(rows.map((row) => [row.id, row.mailbox]));
    expect(mailbox[ids.amina]).toBe('amina@gmail.com');
    expect(mailbox[ids.twin]).toBe(`amina@gmail.com#${ids.twin}`);
    expect(mailbox[ids.tagged]).toBe('c.d@example.org');
    expect(mailbox[ids.erased]).toBeNull();
    expect(rows.find((row) => row.id === ids.twin)?.email).toBe('a.mina+poll@googlemail.com');
    await expect(
      dataSource.query(
        `INSERT INTO app_user (email, email_normalized, mailbox, display_name, pseudonym) VALUES ('x@gmail.com', 'x@gmail.com', 'amina@gmail.com', 'X', 'Participant XXXXXX')`,
      ),
    ).rejects.toThrow(/app_user_mailbox_key/);
  });

  it('draws a new pseudonym for people whose pseudonym the old rule showed beside their name, and only for them', async () => {
    expect(await pseudonymOf(ids.exposedNow)).not.toBe('Participant EEEEEE');
    expect(await pseudonymOf(ids.exposedBefore)).not.toBe('Participant GGGGGG');
    for (const id of [ids.exposedNow, ids.exposedBefore])
      expect(await pseudonymOf(id)).toMatch(/^Participant [0-9ABCDEFGHJKMNPQRSTVWXYZ]{6}$/);
    expect(await pseudonymOf(ids.protectedOnly)).toBe('Participant FFFFFF');
    expect(await pseudonymOf(ids.protectedFirst)).toBe('Participant HHHHHH');
    expect(await pseudonymOf(ids.amina)).toBe('Participant AAAAAA');
  });

  it('stores on each protected comment its author’s pseudonym (the new one where exposed); public comments carry none', async () => {
    expect(await commentPseudonym('exposedNowProtected')).toBe(await pseudonymOf(ids.exposedNow));
    expect(await commentPseudonym('exposedBeforeProtected')).toBe(await pseudonymOf(ids.exposedBefore));
    expect(await commentPseudonym('protectedOnly')).toBe('Participant FFFFFF');
    expect(await commentPseudonym('protectedFirstProtected')).toBe('Participant HHHHHH');
    for (const key of ['exposedNowPublic', 'exposedBeforePublic', 'protectedFirstPublic', 'deletedEarly'])
      expect(await commentPseudonym(key)).toBeNull();
    const [{ anonymised }] = await dataSource.query(`SELECT count(*)::int AS anonymised FROM comment WHERE author_anonymised`);
    expect(anonymised).toBe(0);
    await expect(dataSource.query(`UPDATE comment SET author_pseudonym = NULL WHERE id = $1`, [comments.protectedOnly])).rejects.toThrow(
      /comment_author_pseudonym_check/,
    );
  });

  it('gives memberships ids of their own, and decisions the names they showed before any pseudonym changed', async () => {
    const memberships: Array<{ id: string }> = await dataSource.query(`SELECT id FROM organisation_membership`);
    expect(memberships).toHaveLength(2);
    expect(new Set(memberships.map((membership) => membership.id)).size).toBe(2);
    const [decision] = await dataSource.query(`SELECT decided_by_label AS decider, cosigned_by_label AS cosigner FROM moderation_decision`);
    expect(decision).toEqual({ decider: 'Participant EEEEEE', cosigner: 'Name of Participant AAAAAA' });
  });
});
