import { readFileSync } from 'node:fs';
import http from 'node:http';

interface CloudApi {
  callFunction(options: { name: string; data?: unknown }): Promise<{ result: unknown; errMsg: string; requestID: string }>;
  uploadFile(options: { cloudPath: string; filePath: string }): Promise<{ fileID: string; statusCode: number; errMsg: string }>;
  getTempFileURL(options: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg: string }>; errMsg: string }>;
}

/** POST to the seeded local cloud ('/local/invoke', '/admin?env=…'), shared with the picture renderer. */
export function postJson(path: string, body: unknown): Promise<unknown> {
  const url = `${cloudUrl()}${path}`;
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    // A fresh connection per call: a kept-alive socket that idles past the server's keep-alive
    // timeout (5 s, e.g. while a page compiles) can be reset just as it is reused.
    const request = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((response.statusCode ?? 500) >= 400) reject(new Error(`local cloud ${response.statusCode}: ${text}`));
        else resolve(JSON.parse(text) as unknown);
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

function putBytes(url: string, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'PUT', agent: false, headers: { 'content-length': bytes.length } }, (response) => {
      response.resume();
      response.on('end', () => ((response.statusCode ?? 500) >= 400 ? reject(new Error(`upload ${response.statusCode}`)) : resolve()));
    });
    request.on('error', reject);
    request.end(bytes);
  });
}

/** This jest worker's own cloud (see globalSetup). */
function cloudUrl(): string {
  const worker = process.env.JEST_WORKER_ID ?? '1';
  const url = process.env[`PAGE_CLOUD_URL_${worker}`];
  if (!url) throw new Error(`PAGE_CLOUD_URL_${worker} is not set: page tests run under the pages project of jest.config.js`);
  return url;
}

/** Grants a role the way an admin script writes it: the server SDK's insertDocument on the roles collection. */
export async function grantRole(openid: string, orgId: string | null, role: 'cadre' | 'admin' | 'editor' = 'cadre'): Promise<void> {
  const document = { openid, role, orgId, grantedBy: 'page-test', grantedAt: { $date: new Date().toISOString() } };
  const reply = (await postJson('/admin?env=local-dev', { action: 'database.insertDocument', collectionName: 'roles', data: [JSON.stringify(document)] })) as { code?: string; message?: string };
  if (reply.code) throw new Error(`${reply.code} ${reply.message ?? ''}`);
}

/**
 * Writes a document the way an admin script or another flow (an approval, a group join) would: the
 * server SDK's insertDocument. Dates are given as `{ $date: iso }`.
 */
export async function insertDocument(collectionName: string, document: Record<string, unknown>): Promise<void> {
  const reply = (await postJson('/admin?env=local-dev', { action: 'database.insertDocument', collectionName, data: [JSON.stringify(document)] })) as { code?: string; message?: string };
  if (reply.code) throw new Error(`${reply.code} ${reply.message ?? ''}`);
}

/** A worker whose union approved them, as approval leaves the user document. */
export async function unionWorker(openid: string, nickname: string, orgId: string | null): Promise<void> {
  const now = { $date: new Date().toISOString() };
  await insertDocument('users', { _id: openid, nickname, avatarFileId: null, orgId, createdAt: now, updatedAt: now });
}

/** Changes fields of one document the way an admin script would (e.g. to put a moment in the past). Dates as `{ $date: iso }`. */
export async function updateDocument(collectionName: string, id: string, fields: Record<string, unknown>): Promise<void> {
  const reply = (await postJson('/admin?env=local-dev', { action: 'database.modifyDocument', collectionName, query: JSON.stringify({ _id: id }), data: JSON.stringify({ $set: fields }), multi: false })) as {
    code?: string;
    message?: string;
    data?: { updated: number };
  };
  if (reply.code) throw new Error(`${reply.code} ${reply.message ?? ''}`);
  if (reply.data?.updated !== 1) throw new Error(`${collectionName}/${id} was not updated`);
}

let requests = 0;

/** What the worker taps in wx.requestSubscribeMessage's dialog: 允许 or 取消, for every template, or per template. */
export type SubscriptionChoice = 'accept' | 'reject' | Record<string, 'accept' | 'reject'>;

interface SubscribeOptions {
  tmplIds: string[];
  success?: (answer: Record<string, string>) => void;
  fail?: (error: { errMsg: string }) => void;
  complete?: () => void;
}

/** The template ids of every wx.requestSubscribeMessage dialog since the last actAs, oldest first. */
export const subscriptionDialogs: string[][] = [];

/**
 * wx.requestSubscribeMessage as the worker answers it: each template tapped 允许 is recorded by the
 * local cloud (one more message of it may be sent, as WeChat counts), and the answer is WeChat's.
 */
function subscribeDialog(openid: string, choice: SubscriptionChoice) {
  return async (options: SubscribeOptions): Promise<Record<string, string>> => {
    subscriptionDialogs.push([...options.tmplIds]);
    const decide = (id: string) => (typeof choice === 'string' ? choice : (choice[id] ?? 'reject'));
    const accepted = options.tmplIds.filter((id) => decide(id) === 'accept');
    const answer: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of options.tmplIds) answer[id] = 'reject';
    if (accepted.length > 0) Object.assign(answer, await postJson('/local/subscriptions', { openid, templateIds: accepted }));
    options.success?.(answer);
    options.complete?.();
    return answer;
  };
}

/**
 * From now on the mini program's wx.cloud calls the seeded local cloud's functions as this WeChat
 * user: page → services/api.ts → wx.cloud.callFunction → function → database → page. The worker
 * answers subscription dialogs with `subscriptions` (default: 允许 for every template).
 */
export function actAs(openid: string, options: { subscriptions?: SubscriptionChoice } = {}): void {
  const api: CloudApi = {
    async callFunction({ name, data }) {
      const result = await postJson('/local/invoke', { name, data: data ?? {}, openid });
      requests += 1;
      return { result, errMsg: 'cloud.callFunction:ok', requestID: `local-${requests}` };
    },
    // wx.cloud.uploadFile as the phone does it: ask storage where to put the bytes, then PUT them there.
    async uploadFile({ cloudPath, filePath }) {
      const meta = (await postJson('/admin?env=local-dev', { action: 'storage.getUploadMetadata', path: cloudPath })) as { data?: { url: string; fileId: string }; code?: string; message?: string };
      if (!meta.data) throw new Error(`uploadFile refused: ${meta.code ?? ''} ${meta.message ?? ''}`);
      await putBytes(meta.data.url, readFileSync(filePath));
      return { fileID: meta.data.fileId, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
    },
    async getTempFileURL({ fileList }) {
      const reply = (await postJson('/admin?env=local-dev', { action: 'storage.batchGetDownloadUrl', file_list: fileList.map((fileid) => ({ fileid, max_age: 7200 })) })) as {
        data: { download_list: Array<{ fileID: string; tempFileURL: string; code: string }> };
      };
      return {
        fileList: reply.data.download_list.map((f) => ({ fileID: f.fileID, tempFileURL: f.tempFileURL, status: f.code === 'SUCCESS' ? 0 : 1, errMsg: f.code })),
        errMsg: 'cloud.getTempFileURL:ok',
      };
    },
  };
  const wx = (globalThis as unknown as { wx: { cloud: CloudApi; requestSubscribeMessage?: unknown } }).wx;
  Object.assign(wx.cloud, api);
  subscriptionDialogs.length = 0;
  wx.requestSubscribeMessage = subscribeDialog(openid, options.subscriptions ?? 'accept');
}
