import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportsRepository } from './exports.repository.js';

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
export async function regenerateOutdatedOpenData(repository: ExportsRepository, exportDir: string): Promise<string[]> {
  return repository.transaction(async (manager) => {
    await repository.lockOpenDataRegeneration(manager);
    const outdated = await repository.outdatedOpenDataJobs(manager, EXPORT_FORMAT_VERSION);
    for (const job of outdated) await rm(join(exportDir, job.id), { recursive: true, force: true });
    const rounds = [...new Set(outdated.map((job) => job.consultationId))];
    if (rounds.length === 0) return [];
    await repository.supersede(
      manager,
      outdated.map((job) => job.id),
    );
    const queued: string[] = [];
    for (const consultationId of rounds) {
      const id = await repository.queueOpenDataPack(
        manager,
        consultationId,
        JSON.stringify({ consultationId }),
        randomBytes(32).toString('hex'),
        EXPORT_FORMAT_VERSION,
      );
      if (id) queued.push(id);
    }
    return queued;
  });
}
