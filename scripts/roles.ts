/**
 * npm run roles -- grant <openid> <orgId>   gives a worker the cadre role for an organisation
 * npm run roles -- revoke <openid> <orgId>  takes it back
 * npm run roles -- list [orgId]             lists cadre and admin roles
 * Targets a real CloudBase environment when CLOUDBASE_ENV_ID, CLOUDBASE_SECRET_ID and
 * CLOUDBASE_SECRET_KEY are set, else the running local cloud at LOCAL_CLOUD_URL, else the store in
 * .localcloud/. Every grant and revoke is written to audit_log.
 */
import os from 'node:os';
import tcb from '@cloudbase/node-sdk';
import { runRolesCommand, type RolesDb } from './roles/rolesCommand';
import { startProjectCloud } from './localSession';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const actor = `script:${os.userInfo().username}`;
  const { CLOUDBASE_ENV_ID: env, CLOUDBASE_SECRET_ID: secretId, CLOUDBASE_SECRET_KEY: secretKey, LOCAL_CLOUD_URL: localUrl } = process.env;
  let close = async () => undefined as void;
  let db: RolesDb;
  if (env && secretId && secretKey) {
    db = tcb.init({ env, secretId, secretKey }).database() as unknown as RolesDb;
  } else {
    let url = localUrl;
    let envId = process.env.LOCAL_CLOUD_ENV ?? 'local-dev';
    if (!url) {
      const cloud = await startProjectCloud({ seed: false });
      url = cloud.url;
      envId = cloud.envId;
      close = () => cloud.close();
    }
    // The local cloud needs no Tencent Cloud metadata probe.
    process.env.TENCENTCLOUD = 'true';
    db = tcb.init({ env: envId, secretId: 'local', secretKey: 'local', keepalive: false, serviceUrl: `${url}/admin` } as Parameters<typeof tcb.init>[0]).database() as unknown as RolesDb;
  }
  try {
    for (const line of await runRolesCommand(db, args, actor, new Date())) console.log(line);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
