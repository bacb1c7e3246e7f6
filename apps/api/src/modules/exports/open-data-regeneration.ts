import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

/**
 * The layout of export files. 2: people keyed per export and per dataset (a protected person's
 * comments never sharing a key with their public ones), no internal ids, ratings as published
 * figures only, no rating evidence. 3: public moderation data holds applied decisions only — no
 * safeguarding decisions, no proposals awaiting a co-signature or lapsed. Packs published in an
 * older layout are withdrawn and made again.
 */
export const EXPORT_FORMAT_VERSION = 3;

/**
 * On start: the files of open-data packs published in an older layout are deleted at once (the
 * open-data page stops offering them), and each round they covered gets one new public pack, made
 * and published like any export. Runs under an advisory lock, so a fleet starting together queues
 * one pack per round. Returns the ids of the jobs it queued.
 */
export async function regenerateOutdatedOpenData(dataSource: DataSource, exportDir: string): Promise<string[]> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('compact-voices:open-data-regeneration'))`);
    const outdated: Array<{ id: string; consultationId: string }> = await manager.query(
      `SELECT id, published_consultation_id AS "consultationId" FROM export_job
       WHERE published_consultation_id IS NOT NULL AND format_version < $1 AND status = 'done'`,
      [EXPORT_FORMAT_VERSION],
    );
    for (const job of outdated) await rm(join(exportDir, job.id), { recursive: true, force: true });
    const rounds = [...new Set(outdated.map((job) => job.consultationId))];
    if (rounds.length === 0) return [];
    await manager.query(`UPDATE export_job SET status = 'failed', error = 'SUPERSEDED' WHERE id = ANY($1::uuid[])`, [
      outdated.map((job) => job.id),
    ]);
    const queued: string[] = [];
    for (const consultationId of rounds) {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO export_job (requested_by, session_id, dataset, format, privacy, filters, bom, published_consultation_id, pseudonym_seed, format_version)
         SELECT NULL, NULL, 'pack', 'zip', 'public', $2::jsonb, false, $1, $3, $4
         WHERE NOT EXISTS (SELECT 1 FROM export_job j WHERE j.published_consultation_id = $1 AND j.format_version >= $4 AND j.status IN ('queued', 'running', 'done'))
         RETURNING id`,
        [consultationId, JSON.stringify({ consultationId }), randomBytes(32).toString('hex'), EXPORT_FORMAT_VERSION],
      );
      if (rows[0]) queued.push(rows[0].id);
    }
    return queued;
  });
}
