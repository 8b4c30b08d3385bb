import path from 'node:path';
import { readCollectionsFile } from './collectionsFile';
import type { CallCost, DbCost } from './database/costLedger';
import { DatabaseActions } from './database/databaseActions';
import type { Fault, FaultSpec } from './functionHost/faultInjection';
import { FunctionHost } from './functionHost/functionHost';
import { readBlockedWords } from './openapi/blockedWords';
import { pagesOf } from './openapi/miniProgramCode';
import { OpenApiEmulator, type OutboxEntry, type PendingMediaCheck } from './openapi/openApiEmulator';
import type { HttpRoute, StaticSite } from './httpAccess';
import { startServer } from './server';
import { FileStorage } from './storage/fileStorage';
import { DocumentStore } from './store/documentStore';

export { CLOUD_ID_MARKER } from './functionHost/groupCloudIds';
export type { OutboxEntry } from './openapi/openApiEmulator';
export type { Fault, FaultSpec } from './functionHost/faultInjection';
export type { CallCost, DbCost } from './database/costLedger';

export interface LocalCloudOptions {
  /** The persisted store (SQLite file, uploaded files) lives here; created if missing. */
  dataDir: string;
  /** A folder of built functions: <functionsDir>/<name>/index.js exporting `main(event, context)`. */
  functionsDir: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default 'local-dev'. */
  envId?: string;
  /** Default 'wx-local-app'. */
  appId?: string;
  /** Default <repo>/database/collections.json. */
  collectionsFile?: string;
  /** Default <repo>/data/security/blocked-words.txt (one word per line, # comments). */
  blockedWordsFile?: string;
  /**
   * The function the mini program's 消息推送 points at: WeChat's push events (wxa_media_check) are
   * delivered to it by completeMediaChecks. Unset: completeMediaChecks refuses.
   */
  messagePushFunction?: string;
  /**
   * Collections loaded into memory before the server answers (a large store otherwise loads on the
   * first request that touches it, which can outlast a client's socket timeout).
   */
  preloadCollections?: string[];
  /** HTTP 访问服务: paths of the local cloud's address routed to functions (e.g. /console-api → console). */
  httpRoutes?: HttpRoute[];
  /** 静态网站托管: folders served under paths (e.g. /console/ → console/dist). */
  staticSites?: StaticSite[];
}

export interface Caller {
  openid: string;
  /**
   * Accepted for the harness; it does not reach the function. CloudBase puts no group id in a
   * function's context: a group reaches a function only as a CloudID (see issueGroupCloudId).
   */
  groupId?: string;
}

export interface LocalCloud {
  /** e.g. http://127.0.0.1:38123 */
  url: string;
  envId: string;
  /** Like wx.cloud.callFunction from the mini program: runs <name>'s main with the caller's WeChat context; resolves with what main returned. */
  invoke(name: string, data: unknown, caller: Caller): Promise<unknown>;
  /** Like the mini program's share flow: a cloudID that, passed back inside callFunction data as { __localCloudID: id }, reaches the function as { cloudID: id, data: { openGId } } — only for the same openid. */
  issueGroupCloudId(openid: string, openGId: string): string;
  /** Client-side upload (wx.cloud.uploadFile): stores the bytes, returns a fileID 'cloud://<env>.<bucket>/<cloudPath>'. */
  uploadFile(cloudPath: string, bytes: Buffer, caller: Caller): Promise<string>;
  /** Openapi calls the functions made that WeChat accepted (errcode 0), oldest first. */
  outbox(): Promise<OutboxEntry[]>;
  /**
   * From now on subscription messages to this user fail with errcode 43101, whatever they accepted
   * (as after turning them off in the mini program's settings).
   */
  refuseSubscription(openid: string): void;
  /**
   * The user tapped 允许 for these templates in wx.requestSubscribeMessage: one more message of each
   * may be sent to them (acceptances add up; each send uses one; none left answers 43101). Resolves
   * with what wx.requestSubscribeMessage answers. Also served as POST /local/subscriptions
   * `{ openid, templateIds }`.
   */
  acceptSubscription(openid: string, templateIds: readonly string[]): Record<string, string>;
  /** How many messages of the template may still be sent to the user. */
  subscriptionQuota(openid: string, templateId: string): number;
  /**
   * WeChat answering the image checks started so far (security.mediaCheckAsync): for each, in order,
   * invokes the messagePushFunction with the wxa_media_check push event (no user, as a push), the
   * verdict given by `verdict(mediaUrl, mediaType)` (media_type 1 audio, 2 image). Resolves with how
   * many events were delivered.
   */
  completeMediaChecks(verdict: (mediaUrl: string, mediaType: 1 | 2) => 'pass' | 'risky'): Promise<number>;
  /** Counts of database actions served since the last reset, by action name ('database.getDocument', …). */
  stats(): { dbActions: Record<string, number>; reset(): void };
  /**
   * Production's cost model: for every database request since the last reset, the round trip and
   * the index keys and documents a MongoDB server would examine for that plan (explain's
   * totalKeysExamined / totalDocsExamined), in total and per function call; and how often each
   * document was written (`hottest`, to find documents every submission writes).
   */
  costs(): {
    total: DbCost;
    calls: CallCost[];
    hottest(limit?: number): Array<{ document: string; writes: number }>;
    reset(): void;
  };
  /**
   * Failure injection: the next invocation of `functionName` (of `action`, by `openid`, when given)
   * dies at its `failAtCall`-th database request. That request and every later one of the
   * invocation are refused, unapplied; the invocation rejects like a crashed function. The
   * returned Fault says whether it fired (an invocation with fewer database calls finishes normally).
   */
  injectFault(spec: FaultSpec): Fault;
  /** Forgets injected faults that no invocation has claimed. */
  clearFaults(): void;
  /** Runs `work` (function calls, SDK calls) alone and answers what it cost; resets the totals first. */
  measure<T>(work: () => Promise<T>): Promise<{ value: T; total: DbCost; calls: CallCost[] }>;
  close(): Promise<void>;
}

/** WeChat's wxa_media_check push (JSON form), as the message push delivers it to a cloud function. */
function mediaCheckEvent(appId: string, check: PendingMediaCheck, suggest: 'pass' | 'risky'): Record<string, unknown> {
  return {
    ToUserName: `gh_${appId}`,
    FromUserName: check.openid,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: appId,
    trace_id: check.traceId,
    version: 2,
    detail: [],
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
  };
}

const REPO_ROOT = path.resolve(__dirname, '..');

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const envId = options.envId ?? 'local-dev';
  const appId = options.appId ?? 'wx-local-app';
  const declarations = readCollectionsFile(options.collectionsFile ?? path.join(REPO_ROOT, 'database', 'collections.json'));
  const blockedWords = readBlockedWords(options.blockedWordsFile ?? path.join(REPO_ROOT, 'data', 'security', 'blocked-words.txt'));

  const store = DocumentStore.open(options.dataDir, declarations);
  for (const name of options.preloadCollections ?? []) store.documents(name);
  let url = '';
  const database = new DatabaseActions(store, () => new Date());
  const storage = new FileStorage(path.join(options.dataDir, 'files'), envId, () => url);
  const functions = new FunctionHost({ functionsDir: options.functionsDir, envId, appId });
  // Read at each call, so a page added while the local cloud runs can be coded (as after a release).
  const pages = () => pagesOf(path.join(REPO_ROOT, 'miniprogram', 'app.json'));
  const openApi = new OpenApiEmulator(blockedWords, undefined, (cloudID, openid) => functions.openCloudId(cloudID, openid), { appId, pages });
  const completeMediaChecks = async (verdict: (mediaUrl: string, mediaType: 1 | 2) => 'pass' | 'risky'): Promise<number> => {
    const target = options.messagePushFunction;
    if (!target) throw new Error('completeMediaChecks: no messagePushFunction is configured');
    const pending = openApi.takePendingMediaChecks();
    for (const check of pending) {
      await functions.invokeFromClient(target, mediaCheckEvent(appId, check, verdict(check.mediaUrl, check.mediaType)), '');
    }
    return pending.length;
  };
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(
      { database, storage, functions, openApi, envId, httpRoutes: options.httpRoutes ?? [], staticSites: options.staticSites ?? [], ...(options.messagePushFunction ? { completeMediaChecks } : {}) },
      options.port ?? 0,
    );
  } catch (error) {
    store.close();
    throw error;
  }
  url = server.url;
  functions.listen(url);

  return {
    url,
    envId,
    invoke: (name, data, caller) => functions.invokeFromClient(name, data, caller.openid),
    issueGroupCloudId: (openid, openGId) => functions.issueGroupCloudId(openid, openGId),
    uploadFile: (cloudPath, bytes) => storage.save(cloudPath, bytes),
    outbox: async () => openApi.outbox(),
    refuseSubscription: (openid) => openApi.refuseSubscription(openid),
    acceptSubscription: (openid, templateIds) => openApi.acceptSubscription(openid, templateIds),
    subscriptionQuota: (openid, templateId) => openApi.subscriptionQuota(openid, templateId),
    completeMediaChecks,
    injectFault: (spec) => functions.faults.arm(spec),
    clearFaults: () => functions.faults.clear(),
    stats: () => ({ dbActions: database.actionCounts(), reset: () => database.resetCounts() }),
    costs: () => ({
      total: database.costs.totals(),
      calls: database.costs.callCosts(),
      hottest: (limit = 10) => database.costs.hottest(limit),
      reset: () => database.costs.reset(),
    }),
    measure: async (work) => {
      database.costs.reset();
      const value = await work();
      return { value, total: database.costs.totals(), calls: database.costs.callCosts() };
    },
    close: async () => {
      await functions.close();
      await server.close();
      store.close();
    },
  };
}
