import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../localcloud';
import { functionsRoot, repoRoot } from './functionList';
import { seedSets } from './seed/seedDocuments';
import { writeSeedSets } from './seed/seedTarget';

export const defaultDataDir = path.join(repoRoot, '.localcloud');

/** Seeds a running local cloud through its /admin endpoint, as a deployment would seed CloudBase. */
export async function seedLocalCloud(url: string, envId: string, log?: (line: string) => void): Promise<void> {
  await writeSeedSets({ env: envId, secretId: 'local', secretKey: 'local', serviceUrl: `${url}/admin` }, seedSets(), log);
}

/** The local cloud with the project's built functions and, unless told otherwise, the seed content. */
export async function startProjectCloud(options: { dataDir?: string; port?: number; seed?: boolean; log?: (line: string) => void } = {}): Promise<LocalCloud> {
  const cloud = await startLocalCloud({ dataDir: options.dataDir ?? defaultDataDir, functionsDir: functionsRoot, port: options.port ?? 0, messagePushFunction: 'securityEvents' });
  if (options.seed !== false) {
    try {
      await seedLocalCloud(cloud.url, cloud.envId, options.log ?? (() => undefined));
    } catch (error) {
      await cloud.close();
      throw error;
    }
  }
  return cloud;
}
