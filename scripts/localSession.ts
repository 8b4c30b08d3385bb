import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../localcloud';
import { functionsRoot, repoRoot } from './functionList';
import { seedSets } from './seed/seedDocuments';
import { writeSeedSets } from './seed/seedTarget';

export const defaultDataDir = path.join(repoRoot, '.localcloud');
/** Where the web console's API is mounted (HTTP 访问服务) and where its built pages are served (静态网站托管). */
export const CONSOLE_API_PATH = '/console-api';
export const CONSOLE_PATH = '/console/';
export const consoleDist = path.join(repoRoot, 'console', 'dist');

/** Seeds a running local cloud through its /admin endpoint, as a deployment would seed CloudBase. */
export async function seedLocalCloud(url: string, envId: string, log?: (line: string) => void): Promise<void> {
  await writeSeedSets({ env: envId, secretId: 'local', secretKey: 'local', serviceUrl: `${url}/admin` }, seedSets(), log);
}

/** The local cloud with the project's built functions and, unless told otherwise, the seed content. */
export async function startProjectCloud(options: { dataDir?: string; port?: number; seed?: boolean; log?: (line: string) => void; preloadCollections?: string[] } = {}): Promise<LocalCloud> {
  const cloud = await startLocalCloud({ dataDir: options.dataDir ?? defaultDataDir, functionsDir: functionsRoot, port: options.port ?? 0, messagePushFunction: 'securityEvents',
    preloadCollections: options.preloadCollections ?? [],
    httpRoutes: [{ path: CONSOLE_API_PATH, functionName: 'console' }],
    staticSites: [{ path: CONSOLE_PATH, dir: consoleDist }],
  });
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
