import * as actions from '../../server/actions/console';
import { contracts } from '../../server/contracts';
import { handleConsoleHttp } from '../../server/console/consoleHttp';
import { isHttpEvent } from '../../server/console/httpEvent';
import { openDatabase } from '../../server/db/database';
import { wxCloud } from '../../server/platform/cloud';
import { openOpenApi } from '../../server/platform/openApi';
import { createRouter } from '../../server/runtime/router';

const miniProgram = createRouter(contracts.console, actions);

/**
 * 工会工作台 (the web console). Reached two ways: over CloudBase's HTTP access (no WeChat identity:
 * the session cookie from a scan login says who calls) and from the mini program, where the cadre
 * confirms a login (identity from the WeChat context, as everywhere else).
 */
export async function main(event: unknown): Promise<unknown> {
  if (isHttpEvent(event) && !wxCloud().getWXContext().OPENID) {
    const env = process.env.CONSOLE_CODE_ENV_VERSION;
    return handleConsoleHttp(event, {
      db: openDatabase(),
      openApi: openOpenApi(),
      now: new Date(),
      basePath: process.env.CONSOLE_HTTP_PATH ?? '/console-api',
      secureCookies: !process.env.LOCAL_CLOUD_URL,
      localCloudUrl: process.env.LOCAL_CLOUD_URL,
      envVersion: env === 'trial' || env === 'develop' ? env : 'release',
    });
  }
  return miniProgram(event);
}
