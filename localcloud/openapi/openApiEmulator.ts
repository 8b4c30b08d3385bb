import { randomBytes } from 'node:crypto';
import type { BlockedWord } from './blockedWords';
import { unlimitedCode } from './miniProgramCode';

export interface OutboxEntry {
  apiName: string;
  payload: unknown;
  at: string;
}

/** A mediaCheckAsync call WeChat has accepted and not yet answered with its push event. */
export interface PendingMediaCheck {
  traceId: string;
  openid: string;
  mediaUrl: string;
  /** WeChat's media_type: 1 audio, 2 image. */
  mediaType: 1 | 2;
}

export type OpenApiReply = Record<string, unknown> & { errcode: number; errmsg: string };

/** WeChat's label for content that passed. */
const PASS_LABEL = 100;

const reply = (errcode: number, errmsg: string): OpenApiReply => ({ errcode, errmsg });

const acceptanceKey = (openid: string, templateId: string): string => `${openid}\n${templateId}`;

/** What wx.requestSubscribeMessage answers: `{ errMsg, <templateId>: 'accept' | … }`. */
export type SubscribeAnswer = Record<string, string>;

/**
 * The WeChat openapi calls the functions make through the project's platform port, answered as
 * the real APIs answer them. Every call answered with errcode 0 is kept in the outbox, oldest first
 * (a refused subscription message is not).
 *
 * One-time subscription messages follow WeChat's rule: each time a user taps 允许 for a template
 * (wx.requestSubscribeMessage), one message of that template may be sent to them; acceptances add
 * up, each send uses one, and a send with none left is refused with 43101.
 */
export class OpenApiEmulator {
  private readonly sent: OutboxEntry[] = [];
  private readonly refused = new Set<string>();
  /** Unused acceptances, keyed by openid and template id. */
  private readonly acceptances = new Map<string, number>();
  private readonly pendingMedia: PendingMediaCheck[] = [];

  constructor(
    private readonly blockedWords: readonly BlockedWord[],
    private readonly now: () => Date = () => new Date(),
    private readonly openCloudId: (cloudID: string, openid: string) => Record<string, unknown> = (cloudID) => ({ cloudID, errCode: -601006, errMsg: 'cloudID not issued' }),
    private readonly miniProgram: { appId: string; pages: () => Set<string> } = { appId: 'wx-local-app', pages: () => new Set() },
  ) {}

  /**
   * From now on subscription messages to this user fail with 43101, whatever they accepted, as
   * after turning subscription messages off in the mini program's settings.
   */
  refuseSubscription(openid: string): void {
    this.refused.add(openid);
  }

  /**
   * The user tapped 允许 for each of these templates in one wx.requestSubscribeMessage dialog: each
   * allows one more message. Answers as the mini program API does (a user who turned messages off
   * gets 'reject' without a dialog).
   */
  acceptSubscription(openid: string, templateIds: readonly string[]): SubscribeAnswer {
    const answer: SubscribeAnswer = { errMsg: 'requestSubscribeMessage:ok' };
    for (const templateId of new Set(templateIds)) {
      if (this.refused.has(openid)) {
        answer[templateId] = 'reject';
        continue;
      }
      const key = acceptanceKey(openid, templateId);
      this.acceptances.set(key, (this.acceptances.get(key) ?? 0) + 1);
      answer[templateId] = 'accept';
    }
    return answer;
  }

  /** How many messages of this template may still be sent to this user. */
  subscriptionQuota(openid: string, templateId: string): number {
    return this.refused.has(openid) ? 0 : (this.acceptances.get(acceptanceKey(openid, templateId)) ?? 0);
  }

  outbox(): OutboxEntry[] {
    return this.sent.map((entry) => ({ ...entry }));
  }

  /** The image checks started since the last call, oldest first; they are no longer pending. */
  takePendingMediaChecks(): PendingMediaCheck[] {
    return this.pendingMedia.splice(0, this.pendingMedia.length);
  }

  async call(apiName: string, openid: unknown, payload: unknown): Promise<OpenApiReply> {
    const body = (payload ?? {}) as Record<string, unknown>;
    const answer = apiName === 'wxacode.getUnlimited' ? await unlimitedCode(this.miniProgram.appId, this.miniProgram.pages, body) : this.answer(apiName, typeof openid === 'string' ? openid : '', body);
    // The outbox keeps what was asked, not the image.
    if (answer.errcode === 0) this.sent.push({ apiName, payload, at: this.now().toISOString() });
    return answer;
  }

  private answer(apiName: string, openid: string, payload: Record<string, unknown>): OpenApiReply {
    switch (apiName) {
      case 'security.msgSecCheck':
        return this.msgSecCheck(openid, payload);
      case 'security.mediaCheckAsync':
        return this.mediaCheckAsync(openid, payload);
      case 'subscribeMessage.send':
        return this.sendSubscribeMessage(payload);
      case 'cloudbase.getOpenData':
        // cloud.getOpenData: each cloudID opens only for the user it was issued to.
        return { errcode: 0, errmsg: 'ok', list: (Array.isArray(payload.list) ? payload.list : []).map((id) => this.openCloudId(String(id), openid)) };
      default:
        return reply(-1, `not implemented in the local cloud: ${apiName}`);
    }
  }

  /** msgSecCheck version 2: `result` is the verdict, `detail` lists what each strategy found. */
  private msgSecCheck(openid: string, payload: Record<string, unknown>): OpenApiReply {
    if (!openid) return reply(40003, 'invalid openid');
    if (payload.version !== 2) return reply(47001, 'data format error: version must be 2');
    if (typeof payload.content !== 'string') return reply(47001, 'data format error: content is required');
    if (![1, 2, 3, 4].includes(payload.scene as number)) return reply(40097, 'invalid args: scene must be 1, 2, 3 or 4');
    const content = payload.content.toLowerCase();
    const hits = this.blockedWords.filter(({ word }) => content.includes(word.toLowerCase()));
    const first = hits[0];
    const verdict = first ? { suggest: 'risky', label: first.label } : { suggest: 'pass', label: PASS_LABEL };
    return {
      ...reply(0, 'ok'),
      result: verdict,
      detail: [
        { strategy: 'content_model', errcode: 0, ...verdict, prob: first ? 90 : 0 },
        ...hits.map(({ word, label }) => ({ strategy: 'keyword', errcode: 0, suggest: 'risky', label, level: 20, keyword: word })),
      ],
      trace_id: randomBytes(12).toString('hex'),
    };
  }

  /**
   * mediaCheckAsync version 2, audio (media_type 1) or image (2): answers at once with a trace_id;
   * the verdict is pushed later as a wxa_media_check event (LocalCloud.completeMediaChecks delivers it).
   */
  private mediaCheckAsync(openid: string, payload: Record<string, unknown>): OpenApiReply {
    if (!openid) return reply(40003, 'invalid openid');
    if (payload.version !== 2) return reply(47001, 'data format error: version must be 2');
    if (typeof payload.media_url !== 'string' || !payload.media_url) return reply(47001, 'data format error: media_url is required');
    if (payload.media_type !== 1 && payload.media_type !== 2) return reply(40097, 'invalid args: media_type must be 1 or 2');
    if (![1, 2, 3, 4].includes(payload.scene as number)) return reply(40097, 'invalid args: scene must be 1, 2, 3 or 4');
    const traceId = randomBytes(12).toString('hex');
    this.pendingMedia.push({ traceId, openid, mediaUrl: payload.media_url, mediaType: payload.media_type });
    return { ...reply(0, 'ok'), trace_id: traceId };
  }

  private sendSubscribeMessage(payload: Record<string, unknown>): OpenApiReply {
    if (typeof payload.touser !== 'string' || !payload.touser) return reply(40003, 'invalid openid');
    if (typeof payload.templateId !== 'string' || !payload.templateId) return reply(40037, 'invalid template_id');
    const key = acceptanceKey(payload.touser, payload.templateId);
    const left = this.refused.has(payload.touser) ? 0 : (this.acceptances.get(key) ?? 0);
    if (left < 1) return reply(43101, 'user refuse to accept the msg');
    this.acceptances.set(key, left - 1);
    return reply(0, 'ok');
  }
}
