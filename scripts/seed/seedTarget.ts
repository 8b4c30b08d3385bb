import tcb from '@cloudbase/node-sdk';
import { backfillRequestStats, type SeedDb } from './backfillRequestStats';
import type { SeedDocument, SeedSet } from './seedDocuments';

export interface SeedTargetOptions {
  env: string;
  secretId: string;
  secretKey: string;
  /** The local cloud's /admin endpoint; absent for a real CloudBase environment. */
  serviceUrl?: string;
}

/**
 * A document an editor changed after seeding: the console's edit actions (saveStory,
 * setStoryPublished, saveBankQuestion, setQuestionRetired, the question import) write `updatedBy`.
 * The seed never overwrites it.
 */
export const editedAfterSeeding = (doc: Record<string, unknown>): boolean => typeof doc.updatedBy === 'string' && doc.updatedBy !== '';

/** What seeding writes over an existing, unedited document: the seed's fields, with what the app added kept (likes, a published flag…). */
function seededVersion(existing: Record<string, unknown>, seed: Omit<SeedDocument, '_id'>): Record<string, unknown> {
  const { _id, ...kept } = existing;
  return { ...kept, ...seed };
}

export interface SeedCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  keptEdited: number;
}

/**
 * Writes seed sets with @cloudbase/node-sdk, the same way to a real environment (credentials from
 * the environment) and to the local cloud (serviceUrl): a missing document is inserted, an
 * unedited one brought up to date with data/, one edited since (see editedAfterSeeding) left alone.
 * Then the one-time backfill of the desk counters runs.
 */
export async function writeSeedSets(options: SeedTargetOptions, sets: SeedSet[], log: (line: string) => void = console.log, now = new Date()): Promise<Record<string, SeedCounts>> {
  // The SDK probes Tencent Cloud's metadata host unless told it runs there; offline that DNS lookup
  // hangs and keeps the process alive. The local cloud needs no probe.
  if (options.serviceUrl) process.env.TENCENTCLOUD = 'true';
  const app = tcb.init({ env: options.env, secretId: options.secretId, secretKey: options.secretKey, keepalive: false, ...(options.serviceUrl ? { serviceUrl: options.serviceUrl } : {}) });
  const db = app.database();
  const report: Record<string, SeedCounts> = {};
  for (const set of sets) {
    const collection = db.collection(set.collection);
    const counts: SeedCounts = { inserted: 0, updated: 0, unchanged: 0, keptEdited: 0 };
    // A handful at a time: the basic plan allows about 30 database requests per second.
    const batch = 10;
    for (let i = 0; i < set.documents.length; i += batch) {
      const documents = set.documents.slice(i, i + batch);
      const found = (await collection.where({ _id: db.command.in(documents.map((d) => d._id)) }).limit(batch).get()) as { data?: Array<Record<string, unknown>>; code?: string; message?: string };
      if (found.code) throw new Error(`seed ${set.collection}: ${found.code} ${found.message ?? ''}`);
      const existing = new Map((found.data ?? []).map((d) => [String(d._id), d]));
      await Promise.all(
        documents.map(async ({ _id, ...data }) => {
          const current = existing.get(_id);
          if (current && editedAfterSeeding(current)) return void (counts.keptEdited += 1);
          const next = current ? seededVersion(current, data) : data;
          if (current && JSON.stringify(next) === JSON.stringify(seededVersion(current, {}))) return void (counts.unchanged += 1);
          const result = (await collection.doc(_id).set(next)) as { code?: string; message?: string };
          if (result.code) throw new Error(`seed ${set.collection}/${_id}: ${result.code} ${result.message ?? ''}`);
          counts[current ? 'updated' : 'inserted'] += 1;
        }),
      );
    }
    report[set.collection] = counts;
    log(`seeded ${set.collection}: ${counts.inserted} inserted, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.keptEdited} edited since seeding and kept`);
  }
  const backfill = await backfillRequestStats(db as unknown as SeedDb, now);
  if (backfill.ran) log(`desk counters rebuilt from ${backfill.requests} requests: ${backfill.written} written, ${backfill.removed} removed`);
  return report;
}
