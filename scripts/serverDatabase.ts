import cloud from 'wx-server-sdk';
import type { Database } from '../server/db/database';
import { startProjectCloud } from './localSession';

/**
 * The database as the functions see it (the server SDK, so server/db code runs unchanged), for a
 * script: a real CloudBase environment when CLOUDBASE_ENV_ID, CLOUDBASE_SECRET_ID and
 * CLOUDBASE_SECRET_KEY are set, else the local cloud `local` names or the running one at
 * LOCAL_CLOUD_URL, else the store in .localcloud/ (opened for the script, closed by `close`).
 */
export async function openServerDatabase(local?: { url: string; envId: string }): Promise<{ db: Database; close: () => Promise<void> }> {
  const { CLOUDBASE_ENV_ID: env, CLOUDBASE_SECRET_ID: secretId, CLOUDBASE_SECRET_KEY: secretKey, LOCAL_CLOUD_URL: localUrl } = process.env;
  if (env && secretId && secretKey) {
    cloud.init({ env, secretId, secretKey } as Parameters<typeof cloud.init>[0]);
    return { db: cloud.database() as unknown as Database, close: async () => undefined };
  }
  let url = local?.url ?? localUrl;
  let envId = local?.envId ?? process.env.LOCAL_CLOUD_ENV ?? 'local-dev';
  let close = async (): Promise<void> => undefined;
  if (!url) {
    const started = await startProjectCloud({ seed: false });
    url = started.url;
    envId = started.envId;
    close = () => started.close();
  }
  // The local cloud needs no Tencent Cloud metadata probe; the SDK's typings lack serviceUrl.
  process.env.TENCENTCLOUD = 'true';
  cloud.init({ env: envId, serviceUrl: `${url}/admin`, secretId: 'local', secretKey: 'local' } as unknown as Parameters<typeof cloud.init>[0]);
  return { db: cloud.database() as unknown as Database, close };
}
