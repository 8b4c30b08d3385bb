import http from 'node:http';

/**
 * The picture-taking side's connection to the seeded local cloud: like actAs(), plus a count of
 * calls still in flight (a picture is taken once a page has stopped talking to the cloud) and an
 * offline mode in which every call fails as on a phone without network.
 */
let inFlight = 0;
let sequence = 0;

export function callsInFlight(): number {
  return inFlight;
}

function cloudUrl(): string {
  const url = process.env.PAGE_CLOUD_URL;
  if (!url) throw new Error('PAGE_CLOUD_URL is not set: preview renders run under the pages project of jest.config.js');
  return url;
}

/** POST to the local cloud on a fresh socket (a pooled one may have been closed while wcc blocked the loop). */
export function postJson(path: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const request = http.request(`${cloudUrl()}${path}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (response) => {
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

/** Calls an action as a given WeChat user, as a state's setup does before the page opens. */
export async function invokeAs<T = unknown>(openid: string, name: string, action: string, input: unknown): Promise<T> {
  const reply = (await postJson('/local/invoke', { name, data: { action, input }, openid })) as { ok: boolean; data?: T; code?: string; message?: string };
  if (!reply.ok) throw new Error(`${name}.${action} as ${openid}: ${reply.code} ${reply.message}`);
  return reply.data as T;
}

/** Writes a role document the way the admin script does. */
export async function writeRole(openid: string, orgId: string | null, role: 'cadre' | 'admin'): Promise<void> {
  const document = { openid, role, orgId, grantedBy: 'preview', grantedAt: { $date: new Date().toISOString() } };
  const reply = (await postJson('/admin?env=local-dev', { action: 'database.insertDocument', collectionName: 'roles', data: [JSON.stringify(document)] })) as { code?: string; message?: string };
  if (reply.code) throw new Error(`${reply.code} ${reply.message ?? ''}`);
}

/** From now on the page's wx.cloud calls reach the local cloud as this user (or fail, offline). */
export function connectAs(openid: string, options: { offline?: boolean } = {}): void {
  const cloud = (globalThis as unknown as { wx: { cloud: Record<string, unknown> } }).wx.cloud;
  cloud.callFunction = async ({ name, data }: { name: string; data?: unknown }) => {
    inFlight += 1;
    try {
      if (options.offline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error('request:fail offline (preview)');
      }
      const result = await postJson('/local/invoke', { name, data: data ?? {}, openid });
      sequence += 1;
      return { result, errMsg: 'cloud.callFunction:ok', requestID: `preview-${sequence}` };
    } finally {
      inFlight -= 1;
    }
  };
}
