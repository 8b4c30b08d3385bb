import { grantRole, postJson } from './pageCloud';

/**
 * The picture-taking side's connection to the seeded local cloud: like actAs(), plus what the
 * renderer waits on before a picture (the page's cloud calls in flight, and a count of everything
 * the page does: calls started and answered, setData) and an offline mode in which every call
 * fails as on a phone without network.
 */
let inFlight = 0;
let activity = 0;
let sequence = 0;
let wake: Array<() => void> = [];

/** Something happened on the page (a call started or came back, a setData): wakes the renderer's wait. */
export function notePageActivity(): void {
  activity += 1;
  const waiting = wake;
  wake = [];
  for (const resolve of waiting) resolve();
}

export function pageActivity(): { inFlight: number; count: number } {
  return { inFlight, count: activity };
}

/** Resolves at the page's next activity (a call answered, most often). */
export function nextPageActivity(): Promise<void> {
  return new Promise((resolve) => wake.push(resolve));
}

/** Calls an action as a given WeChat user, as a state's setup does before the page opens. */
export async function invokeAs<T = unknown>(openid: string, name: string, action: string, input: unknown): Promise<T> {
  const reply = (await postJson('/local/invoke', { name, data: { action, input }, openid })) as { ok: boolean; data?: T; code?: string; message?: string };
  if (!reply.ok) throw new Error(`${name}.${action} as ${openid}: ${reply.code} ${reply.message}`);
  return reply.data as T;
}

/** Writes a role document the way the admin script does. */
export function writeRole(openid: string, orgId: string | null, role: 'cadre' | 'admin'): Promise<void> {
  return grantRole(openid, orgId, role);
}

/** From now on the page's wx.cloud calls reach the local cloud as this user (or fail, offline). */
export function connectAs(openid: string, options: { offline?: boolean } = {}): void {
  const cloud = (globalThis as unknown as { wx: { cloud: Record<string, unknown> } }).wx.cloud;
  cloud.callFunction = async ({ name, data }: { name: string; data?: unknown }) => {
    inFlight += 1;
    notePageActivity();
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
      notePageActivity();
    }
  };
}
