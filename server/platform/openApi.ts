import { wxCloud } from './cloud';

/** msgSecCheck v2 verdict. */
export interface TextVerdict {
  suggest: 'pass' | 'review' | 'risky';
  label: number;
}

/** wxacode.getUnlimited's input (WeChat's names, camelCase as the cloud call takes them). */
export interface UnlimitedCodeRequest {
  /** At most 32 visible characters: digits, letters and !#$&'()*+,/:;=?@-._~ */
  scene: string;
  /** A page path without a leading slash or query, e.g. pages/consoleLogin/index. */
  page: string;
  /** Default true: WeChat refuses a page the published mini program lacks (41030). */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
  /** 280–1280 px, default 430. */
  width?: number;
}

export interface UnlimitedCode {
  contentType: string;
  buffer: Buffer;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/**
 * The WeChat openapi calls the functions make, behind one small port: production calls
 * cloud.openapi; the local cloud answers the same calls over plain JSON (its transport is
 * multipart and binary in production, so the emulator does not try to imitate it).
 */
export interface OpenApi {
  /** scene: 1 profile, 2 comment, 3 forum, 4 social log (WeChat's scene values). */
  msgSecCheck(input: { openid: string; content: string; scene: 1 | 2 | 3 | 4 }): Promise<TextVerdict>;
  /** Resolves with WeChat's errcode; 43101 means the user refused or used up the subscription. */
  sendSubscribeMessage(message: SubscribeMessage): Promise<{ errcode: number; errmsg: string }>;
  /**
   * The open data behind a CloudID, decrypted by WeChat for this user (cloud.getOpenData), or null
   * when WeChat refuses it. Never trust open data that merely arrives in the call's data: a client
   * can send a plain object shaped like the platform's replacement.
   */
  openCloudId(openid: string, cloudID: string): Promise<Record<string, unknown> | null>;
  /**
   * Starts WeChat's asynchronous media check (mediaCheckAsync v2) of a reachable URL: media_type 2
   * an image (the default), 1 audio. The verdict arrives later as a wxa_media_check push event
   * carrying the same trace id.
   */
  mediaCheckAsync(input: { openid: string; mediaUrl: string; scene: 1 | 2 | 3 | 4; mediaType?: 1 | 2 }): Promise<{ traceId: string }>;
  /** An unlimited mini program code (wxacode.getUnlimited) opening `page` with `scene`; rejects with WeChat's errcode. */
  getUnlimitedCode(request: UnlimitedCodeRequest): Promise<UnlimitedCode>;
}

/** WeChat refused to make a mini program code (40169 bad scene, 41030 unknown page, 45009 rate). */
export class OpenApiRefusal extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`openapi refused: ${errcode} ${errmsg}`);
  }
}

type OpenDataItem = { cloudID?: string; data?: Record<string, unknown>; errCode?: number };

function openDataOf(list: unknown): Record<string, unknown> | null {
  const item = (Array.isArray(list) ? list[0] : undefined) as OpenDataItem | undefined;
  return item && !item.errCode && item.data && typeof item.data === 'object' ? item.data : null;
}

interface OpenApiReply {
  errcode?: number;
  errCode?: number;
  errmsg?: string;
  errMsg?: string;
  result?: { suggest: TextVerdict['suggest']; label: number };
  contentType?: string;
  /** The cloud call's image; the local cloud sends it as base64. */
  buffer?: Buffer | string;
  trace_id?: string;
  traceId?: string;
}

function replyCode(reply: OpenApiReply): number {
  return reply.errcode ?? reply.errCode ?? 0;
}

function verdictOf(reply: OpenApiReply): TextVerdict {
  if (replyCode(reply) !== 0 || !reply.result) {
    throw new Error(`msgSecCheck failed: ${replyCode(reply)} ${reply.errmsg ?? reply.errMsg ?? ''}`);
  }
  return { suggest: reply.result.suggest, label: reply.result.label };
}

function traceIdOf(reply: OpenApiReply): { traceId: string } {
  const traceId = reply.trace_id ?? reply.traceId;
  if (replyCode(reply) !== 0 || !traceId) {
    throw new Error(`mediaCheckAsync failed: ${replyCode(reply)} ${reply.errmsg ?? reply.errMsg ?? ''}`);
  }
  return { traceId };
}

function codeOf(reply: OpenApiReply): UnlimitedCode {
  if (replyCode(reply) !== 0 || !reply.buffer) throw new OpenApiRefusal(replyCode(reply) || -1, reply.errmsg ?? reply.errMsg ?? 'no image');
  const buffer = typeof reply.buffer === 'string' ? Buffer.from(reply.buffer, 'base64') : Buffer.from(reply.buffer);
  return { contentType: reply.contentType ?? 'image/png', buffer };
}

/** Production: cloud.openapi (the functions' config.json grants these permissions). */
export function wechatOpenApi(): OpenApi {
  const openapi = wxCloud().openapi;
  return {
    async msgSecCheck({ openid, content, scene }) {
      return verdictOf(await openapi.security.msgSecCheck({ openid, content, scene, version: 2 }));
    },
    async mediaCheckAsync({ openid, mediaUrl, scene, mediaType }) {
      return traceIdOf(await openapi.security.mediaCheckAsync({ mediaUrl, mediaType: mediaType ?? 2, version: 2, openid, scene }));
    },
    async sendSubscribeMessage(message) {
      try {
        const reply: OpenApiReply = await openapi.subscribeMessage.send({ ...message, miniprogramState: 'formal' });
        return { errcode: replyCode(reply), errmsg: reply.errmsg ?? reply.errMsg ?? 'ok' };
      } catch (error) {
        // The SDK rejects on a non-zero errcode; keep the code so callers can tell 43101 apart.
        const e = error as OpenApiReply;
        return { errcode: replyCode(e) || -1, errmsg: e.errmsg ?? e.errMsg ?? String(error) };
      }
    },
    async getUnlimitedCode(request) {
      try {
        return codeOf(await openapi.wxacode.getUnlimited({ ...request }));
      } catch (error) {
        if (error instanceof OpenApiRefusal) throw error;
        const e = error as OpenApiReply;
        throw new OpenApiRefusal(replyCode(e) || -1, e.errmsg ?? e.errMsg ?? String(error));
      }
    },
    async openCloudId(_openid, cloudID) {
      try {
        const reply = (await wxCloud().getOpenData({ list: [cloudID] })) as unknown as { list?: unknown };
        return openDataOf(reply.list);
      } catch {
        return null;
      }
    },
  };
}

/** The local cloud: the same calls as JSON to the emulator that hosts this function. */
export function localOpenApi(baseUrl: string): OpenApi {
  async function post(apiName: string, openid: string, payload: unknown): Promise<OpenApiReply> {
    const response = await fetch(`${baseUrl}/local/openapi/${apiName}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, payload }),
    });
    return (await response.json()) as OpenApiReply;
  }
  return {
    async msgSecCheck({ openid, content, scene }) {
      return verdictOf(await post('security.msgSecCheck', openid, { content, scene, version: 2 }));
    },
    async mediaCheckAsync({ openid, mediaUrl, scene, mediaType }) {
      return traceIdOf(await post('security.mediaCheckAsync', openid, { media_url: mediaUrl, media_type: mediaType ?? 2, version: 2, scene }));
    },
    async sendSubscribeMessage(message) {
      const reply = await post('subscribeMessage.send', message.touser, { ...message, miniprogramState: 'developer' });
      return { errcode: replyCode(reply), errmsg: reply.errmsg ?? 'ok' };
    },
    async getUnlimitedCode(request) {
      return codeOf(await post('wxacode.getUnlimited', '', request));
    },
    async openCloudId(openid, cloudID) {
      const reply = (await post('cloudbase.getOpenData', openid, { list: [cloudID] })) as OpenApiReply & { list?: unknown };
      return openDataOf(reply.list);
    },
  };
}

/** LOCAL_CLOUD_URL is set only by the local cloud's function host. */
export function openOpenApi(): OpenApi {
  const local = process.env.LOCAL_CLOUD_URL;
  return local ? localOpenApi(local) : wechatOpenApi();
}
