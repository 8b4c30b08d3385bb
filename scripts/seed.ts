/**
 * npm run seed: loads data/ (organisations, questions, stories) into
 * - a real CloudBase environment when CLOUDBASE_ENV_ID, CLOUDBASE_SECRET_ID and CLOUDBASE_SECRET_KEY are set;
 * - otherwise the local cloud: the running one at LOCAL_CLOUD_URL (npm start), or the store in .localcloud/.
 * Seeding is idempotent: documents keep their ids; a missing one is inserted, one an editor changed
 * in the console (it carries updatedBy) is left alone. It also runs the one-time rebuild of the desk
 * counters (request_stats) for requests filed before the counters existed, and the data migrations
 * (scripts/migrate.ts).
 */
import { migrate } from './migrate';
import { seedSets } from './seed/seedDocuments';
import { writeSeedSets } from './seed/seedTarget';
import { seedLocalCloud, startProjectCloud } from './localSession';

async function main(): Promise<void> {
  const { CLOUDBASE_ENV_ID: env, CLOUDBASE_SECRET_ID: secretId, CLOUDBASE_SECRET_KEY: secretKey, LOCAL_CLOUD_URL: localUrl } = process.env;
  if (env && secretId && secretKey) {
    console.log(`seeding CloudBase environment ${env}`);
    await writeSeedSets({ env, secretId, secretKey }, seedSets());
    await migrate();
    return;
  }
  if (localUrl) {
    console.log(`seeding the local cloud at ${localUrl}`);
    await seedLocalCloud(localUrl, process.env.LOCAL_CLOUD_ENV ?? 'local-dev', console.log);
    await migrate();
    return;
  }
  console.log('no CloudBase credentials in the environment: seeding the local cloud store in .localcloud/');
  const cloud = await startProjectCloud({ log: console.log });
  try {
    await migrate({ url: cloud.url, envId: cloud.envId });
  } finally {
    await cloud.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
