/**
 * npm start: builds the functions, starts the local cloud on 127.0.0.1 with the seed content, and
 * prints how to call it. Data persists in .localcloud/ (delete the folder to start afresh).
 */
import { buildFunctions } from './build';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildConsole } from './buildConsole';
import { CONSOLE_PATH, consoleDist, defaultDataDir, startProjectCloud } from './localSession';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3900);
  const names = await buildFunctions();
  console.log(`built cloud functions: ${names.join(', ')}`);
  if (!existsSync(path.join(consoleDist, 'index.html')) || process.env.BUILD_CONSOLE === '1') {
    await buildConsole();
    console.log('built the web console');
  }
  const cloud = await startProjectCloud({ port, log: (line) => console.log(line) });
  const invoke = (name: string, openid: string, action: string, input: unknown) =>
    `curl -s ${cloud.url}/local/invoke -H 'content-type: application/json' -d '${JSON.stringify({ name, openid, data: { action, input } })}'`;
  console.log(`
职工之家 local cloud is running at ${cloud.url}  (env "${cloud.envId}", data in ${defaultDataDir})

Call a function as a worker (the openid is the caller's identity; pick any):
  ${invoke('account', 'worker-1', 'getProfile', {})}
  ${invoke('account', 'worker-1', 'updateProfile', { nickname: '青海工人', orgId: 'qh-xining' })}
  ${invoke('account', 'worker-1', 'listOrgs', {})}

Web console (工会工作台): ${cloud.url}${CONSOLE_PATH}
  Log in by scanning its code with WeChat; locally, the login page shows a command that confirms
  the login as any openid holding a console role (make the first admin with npm run roles -- admin <openid>).

Messages the functions sent (subscription messages):  curl -s ${cloud.url}/local/outbox
WeChat's verdict on the pending image and audio checks (request photos, avatars, story covers and audio):
  curl -s ${cloud.url}/local/media-checks -H 'content-type: application/json' -d '{"verdict":"pass"}'
The real server SDK works against it too: TCB_CONTEXT_CNFG='{"URL":"${cloud.url}/admin"}' (see README).
Press Ctrl+C to stop.`);
  const stop = async () => {
    await cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
