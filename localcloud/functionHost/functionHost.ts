import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CloudError } from '../cloudError';
import { isPlainObject } from '../store/bsonValues';
import type { CallMessage, CallOutcome } from './callProtocol';
import { FAULT_MESSAGE, FaultInjector } from './faultInjection';
import { GroupCloudIds } from './groupCloudIds';
import { WorkerPool } from './workerPool';
import { functionWorkerSource } from './workerSource';

/** Who a call runs as. An empty openid is a call with no user (an admin script). */
export interface Identity {
  openid: string;
  appid: string;
}

export interface FunctionHostOptions {
  functionsDir: string;
  envId: string;
  appId: string;
  maxWorkersPerFunction?: number;
  /** CloudBase's longest function timeout; a local run is slower to start than production. */
  timeoutMs?: number;
}

/** wx.cloud.callFunction's limit on the data a mini program sends. */
const MAX_CLIENT_DATA_BYTES = 100 * 1024;

/** wx-server-sdk's code for a function that failed while running. */
const EXECUTE_FAIL = -504002;

/** Host variables a function may reasonably expect; the rest of the host's environment stays out. */
const INHERITED_ENV = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR', 'NODE_ENV'];

/** The rejection a mini program sees when the function threw. */
export class FunctionCallError extends Error {
  readonly errCode = EXECUTE_FAIL;
  constructor(
    readonly functionName: string,
    readonly errMsg: string,
  ) {
    super(`cloud.callFunction:fail errCode: ${EXECUTE_FAIL} functions execute fail | errMsg: ${errMsg}`);
    this.name = 'FunctionCallError';
  }
}

/**
 * Runs the built functions (<functionsDir>/<name>/index.js) with a WeChat context per call. Each
 * call carries a session token (TCB_SESSIONTOKEN, which the SDK sends with every request), so a
 * function calling another is recognised and the callee runs with the same identity.
 */
export class FunctionHost {
  private readonly pools = new Map<string, WorkerPool>();
  private readonly sessions = new Map<string, Identity>();
  /** The call behind each live session token, for the cost ledger. */
  private readonly calls = new Map<string, { function: string; action?: string; openid: string }>();
  private readonly cloudIds = new GroupCloudIds();
  /** Injected faults (LocalCloud.injectFault): an invocation that dies at its Nth database call. */
  readonly faults = new FaultInjector();
  private readonly source = functionWorkerSource();
  private workerEnv: Record<string, string> | undefined;

  constructor(private readonly options: FunctionHostOptions) {}

  /** Fixes the worker environment once the server's URL is known. */
  listen(url: string): void {
    const inherited = Object.fromEntries(INHERITED_ENV.flatMap((key) => (process.env[key] ? [[key, process.env[key] as string]] : [])));
    this.workerEnv = {
      ...inherited,
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SESSIONTOKEN',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
      TENCENTCLOUD_SECRETID: 'local-secret-id',
      TENCENTCLOUD_SECRETKEY: 'local-secret-key',
      TCB_ENV: this.options.envId,
      SCF_NAMESPACE: this.options.envId,
      // Tells the SDK it is on Tencent Cloud, which skips its metadata-server probe.
      TENCENTCLOUD: 'true',
      LOCAL_CLOUD_URL: url,
    };
  }

  issueGroupCloudId(openid: string, openGId: string): string {
    return this.cloudIds.issue(openid, openGId);
  }
  /** cloud.getOpenData for one cloudID (the openapi emulator answers with this). */
  openCloudId(cloudID: string, openid: string): Record<string, unknown> {
    return this.cloudIds.open(cloudID, openid);
  }


  /** A call from the mini program: JSON data in (within the platform's size limit), CloudIDs opened for this caller. */
  async invokeFromClient(name: string, data: unknown, openid: string): Promise<unknown> {
    const json = JSON.stringify(data ?? {});
    const size = Buffer.byteLength(json);
    if (size > MAX_CLIENT_DATA_BYTES) {
      throw new FunctionCallError(name, `callFunction data is ${size} bytes; the platform accepts at most ${MAX_CLIENT_DATA_BYTES}`);
    }
    const event = this.cloudIds.resolveIn(JSON.parse(json) as unknown, openid);
    return this.invoke(name, event, { openid, appid: this.options.appId });
  }

  /**
   * A call through HTTP access (HTTP 访问服务): the integration request as the event, and no WeChat
   * identity at all (the function must authenticate the caller itself).
   */
  async invokeFromHttp(name: string, event: Record<string, unknown>): Promise<unknown> {
    return this.invoke(name, event, { openid: '', appid: '' }, false);
  }

  /** functions.invokeFunction from a running function: it carries that call's session token. */
  async invokeFromFunction(name: unknown, requestData: unknown, sessionToken: unknown): Promise<unknown> {
    if (typeof name !== 'string') throw new CloudError('INVALID_PARAM', 'function_name is required');
    const identity = (typeof sessionToken === 'string' && this.sessions.get(sessionToken)) || { openid: '', appid: this.options.appId };
    let event: unknown = {};
    try {
      if (typeof requestData === 'string' && requestData) event = JSON.parse(requestData) as unknown;
    } catch {
      throw new CloudError('INVALID_PARAM', 'request_data is not JSON');
    }
    try {
      return await this.invoke(name, event, identity);
    } catch (error) {
      if (error instanceof FunctionCallError) throw new CloudError('FUNCTIONS_EXECUTE_FAIL', error.errMsg);
      throw error;
    }
  }

  /** The running call a request's session token belongs to (requests from outside a function have none). */
  callOf(token: unknown): { token: string; info: { function: string; action?: string; openid: string } } | undefined {
    const info = typeof token === 'string' ? this.calls.get(token) : undefined;
    return info && typeof token === 'string' ? { token, info } : undefined;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    this.pools.clear();
  }

  private async invoke(name: string, event: unknown, identity: Identity, fromMiniProgram = true): Promise<unknown> {
    const modulePath = this.modulePath(name);
    const token = randomBytes(16).toString('hex');
    const requestId = randomBytes(8).toString('hex');
    const env: Record<string, string | null> = {
      WX_OPENID: identity.openid || null,
      WX_APPID: identity.appid || null,
      WX_UNIONID: null,
      TCB_SESSIONTOKEN: token,
      TCB_SEQID: requestId,
    };
    const call: CallMessage = {
      modulePath,
      // The platform adds the caller to the event, as it does for calls from the mini program.
      event: fromMiniProgram && isPlainObject(event) ? { ...event, userInfo: { appId: identity.appid, openId: identity.openid } } : event,
      context: {
        request_id: requestId,
        function_name: name,
        function_version: '$LATEST',
        namespace: this.options.envId,
        memory_limit_in_mb: 256,
        time_limit_in_ms: this.timeoutMs(),
        environment: JSON.stringify({ ...this.workerEnv, ...env }),
      },
      env,
    };
    this.sessions.set(token, identity);
    const action = isPlainObject(event) && typeof event.action === 'string' ? event.action : undefined;
    this.calls.set(token, { function: name, openid: identity.openid, ...(action ? { action } : {}) });
    this.faults.claim(token, name, action, identity.openid);
    let outcome: CallOutcome;
    let died = false;
    try {
      outcome = await this.pool(name).run(call);
    } catch (error) {
      throw new FunctionCallError(name, (error as Error).message);
    } finally {
      this.sessions.delete(token);
      this.calls.delete(token);
      died = this.faults.release(token);
    }
    // Whatever the function made of the refused call, it died there, as a crash or timeout would.
    if (died) throw new FunctionCallError(name, FAULT_MESSAGE);
    if (!outcome.ok) throw new FunctionCallError(name, outcome.message);
    return outcome.resultJson === undefined ? null : (JSON.parse(outcome.resultJson) as unknown);
  }

  private modulePath(name: string): string {
    const modulePath = path.resolve(this.options.functionsDir, name, 'index.js');
    if (!/^[A-Za-z0-9_-]+$/.test(name) || !existsSync(modulePath)) {
      throw new CloudError('FUNCTIONS_REQUEST_FAIL', `[ResourceNotFound.Function] function not found: ${name} (looked for ${modulePath})`);
    }
    return modulePath;
  }

  private pool(name: string): WorkerPool {
    let pool = this.pools.get(name);
    if (!pool) {
      if (!this.workerEnv) throw new Error('FunctionHost.listen(url) must be called before functions run');
      pool = new WorkerPool({
        source: this.source,
        env: this.workerEnv,
        maxWorkers: this.options.maxWorkersPerFunction ?? 4,
        timeoutMs: this.timeoutMs(),
        functionName: name,
      });
      this.pools.set(name, pool);
    }
    return pool;
  }

  private timeoutMs(): number {
    return this.options.timeoutMs ?? 60_000;
  }
}
