import tcb from '@cloudbase/node-sdk';
import type { SeedSet } from './seedDocuments';

export interface SeedTargetOptions {
  env: string;
  secretId: string;
  secretKey: string;
  /** The local cloud's /admin endpoint; absent for a real CloudBase environment. */
  serviceUrl?: string;
}

/**
 * Writes seed sets with @cloudbase/node-sdk, the same way to a real environment (credentials from
 * the environment) and to the local cloud (serviceUrl). doc(id).set() makes seeding idempotent.
 */
export async function writeSeedSets(options: SeedTargetOptions, sets: SeedSet[], log: (line: string) => void = console.log): Promise<void> {
  // The SDK probes Tencent Cloud's metadata host unless told it runs there; offline that DNS lookup
  // hangs and keeps the process alive. The local cloud needs no probe.
  if (options.serviceUrl) process.env.TENCENTCLOUD = 'true';
  const app = tcb.init({ env: options.env, secretId: options.secretId, secretKey: options.secretKey, keepalive: false, ...(options.serviceUrl ? { serviceUrl: options.serviceUrl } : {}) });
  const db = app.database();
  for (const set of sets) {
    const collection = db.collection(set.collection);
    // A handful at a time: the basic plan allows about 30 database requests per second.
    const batch = 10;
    for (let i = 0; i < set.documents.length; i += batch) {
      await Promise.all(
        set.documents.slice(i, i + batch).map(async ({ _id, ...data }) => {
          const result = (await collection.doc(_id).set(data)) as { code?: string; message?: string };
          if (result.code) throw new Error(`seed ${set.collection}/${_id}: ${result.code} ${result.message ?? ''}`);
        }),
      );
    }
    log(`seeded ${set.documents.length} ${set.collection}`);
  }
}
