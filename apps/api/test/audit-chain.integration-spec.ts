import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { EntityManager } from 'typeorm';
import type { AuditVerification, Transparency } from '@compact-voices/contracts';
import { verifyAuditChain } from '../src/cli/audit-verify.js';
import { chainMac, GENESIS, plainHash, type AuditBody } from '../src/core/audit/audit-chain.js';
import { AuditService } from '../src/core/audit/audit.service.js';
import { AppSecrets } from '../src/core/security/app-secrets.js';
import { signIn, type SignedIn } from './support/accounts.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';

/**
 * What an attacker with the database owner's powers (here: the superuser the tests connect as,
 * triggers switched off) can do to the audit log, and how verification names it — on PostgreSQL and,
 * with TEST_DATABASE=embedded, on PGlite, where the same tampering is possible.
 */
describe('the keyed audit chain', () => {
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;
  let audit: AuditService;
  let key: Buffer;

  beforeAll(async () => {
    testApp = await createTestApp();
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
    audit = testApp.app.get(AuditService);
    key = testApp.app.get(AppSecrets).auditChainKey;
  });

  afterAll(() => testApp.close());

  afterEach(() => jest.useRealTimers());

  interface Row extends AuditBody {
    id: string;
    prevHash: string;
    hash: string;
    position: number | null;
    mac: string | null;
  }

  const query = <T = Array<Record<string, unknown>>>(sql: string, parameters?: unknown[]): Promise<T> =>
    testApp.dataSource.query(sql, parameters);

  /** As the owner would: guards off, change, guards on, in one transaction. */
  async function tamper(change: (manager: EntityManager) => Promise<unknown>): Promise<void> {
    await testApp.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
      await manager.query(`ALTER TABLE audit_head DISABLE TRIGGER USER`);
      await change(manager);
      await manager.query(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
      await manager.query(`ALTER TABLE audit_head ENABLE TRIGGER USER`);
    });
  }

  /** Each test starts from an empty log (the admin bootstrap has written to it). */
  beforeEach(() => tamper((manager) => manager.query(`TRUNCATE audit_event, audit_head`)));

  /** Only Date is faked: the database driver's timers keep running. */
  function clockAt(iso: string): void {
    jest.useFakeTimers({
      now: new Date(iso),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  }

  async function write(action: string, at?: string): Promise<void> {
    if (at) clockAt(at);
    await testApp.dataSource.transaction((manager) =>
      audit.record(manager, { actorId: admin.user.id, action, targetType: 'test', targetId: action, details: { n: action } }),
    );
  }

  /** Five entries over three UTC days: heads at positions 1 (day 1), 3 (day 2) and 5 (day 3). */
  async function threeDays(): Promise<void> {
    await write('a', '2027-01-14T09:00:00.000Z');
    await write('b', '2027-01-14T23:59:59.000Z');
    await write('c', '2027-01-15T00:00:01.000Z');
    await write('d', '2027-01-15T12:00:00.000Z');
    await write('e', '2027-01-16T08:00:00.000Z');
    jest.useRealTimers();
  }

  async function rows(): Promise<Row[]> {
    const result: Array<Row & { position: string | null }> = await query(
      `SELECT id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_id AS "actorId", action, target_type AS "targetType",
              target_id AS "targetId", details, prev_hash AS "prevHash", hash, position::text AS position, mac
       FROM audit_event ORDER BY position NULLS FIRST, audit_event.id`,
    );
    return result.map((row) => ({ ...row, position: row.position === null ? null : Number(row.position) }));
  }

  const bodyOf = (row: Row): AuditBody => ({
    at: row.at,
    actorId: row.actorId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    details: row.details,
  });

  const idAt = async (position: number) => (await rows()).find((row) => row.position === position)!.id;

  async function verified(): Promise<AuditVerification> {
    return (await request(server).get('/api/v1/audit/verify').set(admin.auth).expect(200)).body as AuditVerification;
  }

  /**
   * Rewrites the whole log as one would who recomputes the chains: `keep` picks the surviving
   * entries, hashes are recomputed and positions renumbered; MACs of changed entries with `macKey`
   * (a guess, or the real key for an insider who holds APP_SECRET), or left as they were (null).
   */
  async function rechain(keep: (row: Row) => boolean, macKey: Buffer | null): Promise<void> {
    const survivors = (await rows()).filter(keep);
    await tamper(async (manager) => {
      await manager.query(`DELETE FROM audit_event`);
      let prevHash = GENESIS;
      let prevMac = GENESIS;
      let position = 0;
      for (const row of survivors) {
        const hash = plainHash(prevHash, bodyOf(row));
        const keyed = row.position !== null;
        if (keyed) position++;
        // Entries before the first change keep their genuine MACs; from there on, `macKey` or the stale ones.
        const untouched = row.position === position && row.hash === hash;
        const mac = keyed && macKey && !untouched ? chainMac(macKey, position, prevMac, hash) : null;
        await manager.query(
          `INSERT INTO audit_event (id, at, actor_id, action, target_type, target_id, details, prev_hash, hash, position, mac) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            row.id,
            row.at,
            row.actorId,
            row.action,
            row.targetType,
            row.targetId,
            JSON.stringify(row.details),
            prevHash,
            hash,
            keyed ? position : null,
            keyed ? (mac ?? row.mac) : null,
          ],
        );
        prevHash = hash;
        if (keyed) prevMac = mac ?? row.mac!;
      }
    });
  }

  it('numbers entries 1, 2, 3, … with a MAC each, records a head on the first write of each UTC day and publishes the heads', async () => {
    await threeDays();
    const log = await rows();
    expect(log.map((row) => row.position)).toEqual([1, 2, 3, 4, 5]);
    expect(log.every((row) => /^[0-9a-f]{64}$/.test(row.mac ?? ''))).toBe(true);
    const heads: Array<{ day: string; position: string; mac: string }> = await query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, position::text AS position, mac FROM audit_head ORDER BY day`,
    );
    expect(heads).toEqual([
      { day: '2027-01-14', position: '1', mac: log[0]!.mac },
      { day: '2027-01-15', position: '3', mac: log[2]!.mac },
      { day: '2027-01-16', position: '5', mac: log[4]!.mac },
    ]);
    expect(await verified()).toEqual({
      ok: true,
      entries: 5,
      firstBrokenId: null,
      keyedEntries: 5,
      heads: 3,
      problem: null,
      firstBrokenPosition: null,
    });

    const report = (await request(server).get('/api/v1/transparency').expect(200)).body as Transparency;
    expect(report.auditHeads).toEqual([
      { day: '2027-01-16', position: 5, mac: log[4]!.mac },
      { day: '2027-01-15', position: 3, mac: log[2]!.mac },
      { day: '2027-01-14', position: 1, mac: log[0]!.mac },
    ]);
    // The heads are append-only like the log.
    await expect(query(`UPDATE audit_head SET mac = 'x'`)).rejects.toThrow(/append-only/);
    await expect(query(`DELETE FROM audit_head`)).rejects.toThrow(/append-only/);
    await expect(query(`TRUNCATE audit_head`)).rejects.toThrow(/append-only/);
  });

  it('takes gaps in the id (rolled-back transactions) for what they are: no alarm', async () => {
    await write('kept-1');
    await expect(
      testApp.dataSource.transaction(async (manager) => {
        await audit.record(manager, { actorId: null, action: 'rolled-back', targetType: 'test' });
        throw new Error('the privileged action failed');
      }),
    ).rejects.toThrow('the privileged action failed');
    await write('kept-2');
    const log = await rows();
    expect(log.map((row) => row.position)).toEqual([1, 2]);
    expect(BigInt(log[1]!.id) - BigInt(log[0]!.id)).toBe(2n);
    expect(await verified()).toMatchObject({ ok: true, entries: 2, keyedEntries: 2 });
  });

  it.each([
    ['the first', 1],
    ['a middle', 3],
    ['the second-to-last', 4],
  ])('shows %s entry deleted as its missing position', async (_label, position) => {
    await threeDays();
    const next = await idAt(position + 1);
    await tamper(async (manager) => manager.query(`DELETE FROM audit_event WHERE position = $1`, [position]));
    expect(await verified()).toMatchObject({
      ok: false,
      entries: 4,
      firstBrokenId: next,
      problem: 'missing',
      firstBrokenPosition: position,
    });
  });

  it('shows the last entry deleted when a recorded head stands at it: the chain ends too early', async () => {
    await threeDays();
    await tamper(async (manager) => manager.query(`DELETE FROM audit_event WHERE position = 5`));
    expect(await verified()).toMatchObject({ ok: false, entries: 4, firstBrokenId: null, problem: 'truncated', firstBrokenPosition: 5 });
    const command = await verifyAuditChain(audit);
    expect(command).toMatchObject({ exitCode: 1, line: 'audit chain BROKEN (of 4)' });
    expect(command.detail).toMatch(/removed from its end/);
  });

  it('names an edited entry, through the endpoint and the command', async () => {
    await threeDays();
    const victim = await idAt(2);
    await tamper(async (manager) => manager.query(`UPDATE audit_event SET details = '{"n":"nothing happened"}' WHERE id = $1`, [victim]));
    expect(await verified()).toMatchObject({ ok: false, firstBrokenId: victim, problem: 'edited', firstBrokenPosition: 2 });
    const command = await verifyAuditChain(audit);
    expect(command).toMatchObject({ exitCode: 1, line: `audit chain BROKEN at entry ${victim} (of 5)` });
    expect(command.detail).toMatch(/edited \(position 2\)/);
  });

  it('catches a log rewritten without the key: an entry removed, hashes recomputed and positions renumbered', async () => {
    await threeDays();
    const removed = await idAt(2);
    const firstRewritten = await idAt(3);
    await rechain((row) => row.id !== removed, randomBytes(32));
    const log = await rows();
    expect(log.map((row) => row.position)).toEqual([1, 2, 3, 4]);
    // The plain chain alone — what verification was before — would have passed.
    expect(log.every((row, i) => row.prevHash === (log[i - 1]?.hash ?? GENESIS) && plainHash(row.prevHash, bodyOf(row)) === row.hash)).toBe(
      true,
    );
    expect(await verified()).toMatchObject({ ok: false, firstBrokenId: firstRewritten, problem: 'forged', firstBrokenPosition: 2 });
  });

  it('catches a whole log rewritten without the key even when the attacker keeps the old MACs', async () => {
    await threeDays();
    const victim = await idAt(1);
    await tamper(async (manager) => manager.query(`UPDATE audit_event SET details = '{"n":"forged"}' WHERE id = $1`, [victim]));
    await rechain(() => true, null);
    expect(await verified()).toMatchObject({ ok: false, firstBrokenId: victim, problem: 'forged', firstBrokenPosition: 1 });
  });

  it('catches a rewrite by someone who holds the key, through the recorded daily heads', async () => {
    await threeDays();
    const removed = await idAt(2);
    await rechain((row) => row.id !== removed, key);
    // Internally consistent again: only the head of 15 January (position 3) no longer matches.
    expect(await verified()).toMatchObject({ ok: false, firstBrokenId: await idAt(3), problem: 'head-mismatch', firstBrokenPosition: 3 });
  });

  it('refuses a plain (unkeyed) entry slipped in after the keyed chain began', async () => {
    await threeDays();
    const [last] = await query<Array<{ hash: string }>>(`SELECT hash FROM audit_event WHERE position = 5`);
    const body: AuditBody = {
      at: '2027-01-16T09:00:00.000Z',
      actorId: null,
      action: 'slipped-in',
      targetType: 'test',
      targetId: null,
      details: {},
    };
    const [inserted] = await query<Array<{ id: string }>>(
      `INSERT INTO audit_event (at, actor_id, action, target_type, target_id, details, prev_hash, hash) VALUES ($1, NULL, $2, $3, NULL, '{}', $4, $5) RETURNING id::text`,
      [body.at, body.action, body.targetType, last!.hash, plainHash(last!.hash, body)],
    );
    expect(await verified()).toMatchObject({ ok: false, entries: 6, firstBrokenId: inserted!.id, problem: 'forged' });
  });

  describe('over a log written before the keyed chain', () => {
    /** Plain entries as the earlier code wrote them: SHA-256 chain, no position, no MAC. */
    async function plainHistory(count: number): Promise<void> {
      let prevHash = GENESIS;
      for (let i = 1; i <= count; i++) {
        const body: AuditBody = {
          at: `2026-12-0${i}T10:00:00.000Z`,
          actorId: null,
          action: `old-${i}`,
          targetType: 'test',
          targetId: null,
          details: { i },
        };
        const hash = plainHash(prevHash, body);
        await query(
          `INSERT INTO audit_event (at, actor_id, action, target_type, target_id, details, prev_hash, hash) VALUES ($1, NULL, $2, $3, NULL, $4, $5, $6)`,
          [body.at, body.action, body.targetType, JSON.stringify(body.details), prevHash, hash],
        );
        prevHash = hash;
      }
    }

    async function sealed(): Promise<void> {
      await plainHistory(4);
      expect(await testApp.dataSource.transaction((manager) => audit.sealPlainHistory(manager))).toBe(true);
      // Once is enough: a later start finds the chain begun.
      expect(await testApp.dataSource.transaction((manager) => audit.sealPlainHistory(manager))).toBe(false);
      await write('after');
    }

    it('keeps the earlier entries verifiable and keys them at once with a seal chained to the last of them', async () => {
      await sealed();
      const log = await rows();
      expect(log.map((row) => [row.action, row.position])).toEqual([
        ['old-1', null],
        ['old-2', null],
        ['old-3', null],
        ['old-4', null],
        ['audit.chain_keyed', 1],
        ['after', 2],
      ]);
      expect(log[4]!.prevHash).toBe(log[3]!.hash);
      expect(log[4]!.details).toEqual({ plainEntries: 4, plainHead: log[3]!.hash });
      expect(await verified()).toMatchObject({ ok: true, entries: 6, keyedEntries: 2, heads: 1 });
    });

    it('names an edited or deleted earlier entry by the plain chain', async () => {
      await sealed();
      const [, second, third] = await rows();
      await tamper(async (manager) => manager.query(`UPDATE audit_event SET details = '{"i":99}' WHERE id = $1`, [second!.id]));
      expect(await verified()).toMatchObject({ ok: false, firstBrokenId: second!.id, problem: 'edited', firstBrokenPosition: null });
      await tamper(async (manager) => manager.query(`DELETE FROM audit_event WHERE id = $1`, [second!.id]));
      expect(await verified()).toMatchObject({ ok: false, firstBrokenId: third!.id, problem: 'unlinked' });
    });

    it('catches an earlier entry deleted and the plain chain recomputed: the seal no longer matches without the key', async () => {
      await sealed();
      const [, second] = await rows();
      await rechain((row) => row.id !== second!.id, null);
      expect(await verified()).toMatchObject({ ok: false, firstBrokenId: await idAt(1), problem: 'forged', firstBrokenPosition: 1 });
    });
  });
});
