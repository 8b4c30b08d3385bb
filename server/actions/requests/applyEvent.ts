import type { Transaction } from '../../db/database';
import { readInTransaction, writeInTransaction, type RequestDoc, type TimelineEntry } from '../../db/requests/requestStore';
import { nextStatus, statusLabels, type RequestEvent, type RequestStatus } from '../../domain/requests/requestStatusMachine';
import { ActionError } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import { bumpCountersIn } from '../../db/requests/requestCounters';
import { putMessageIn } from '../../db/notices/messageStore';
import { reserveUnitIn } from '../../db/notices/subscriptionStore';
import { unitsNeededToPush } from '../../domain/notices/noticePriority';
import { statusMessage } from '../../domain/notices/requestMessages';
import { subscribeTemplates } from '../../domain/requests/subscribeTemplates';
import { notifyStatus } from './notify';
import { transitionBumps } from './requestCounters';

export interface EventSpec {
  event: RequestEvent;
  actor: 'worker' | 'cadre';
  note: string;
  /** Who may act on this request; false answers NOT_FOUND (nobody learns another's request exists). */
  mayAct(doc: RequestDoc): boolean;
  /** A rule beyond the machine (the reopen window, one rating): an error to answer, or null. */
  check?(doc: RequestDoc): ActionError | null;
  /** The fields the event sets besides status, timeline and updatedAt. */
  patch?(doc: RequestDoc, to: RequestStatus): Partial<RequestDoc>;
  /** The organisation the timeline entry is recorded for (the target of a transfer). */
  entryOrgId?(doc: RequestDoc): string;
}

/** `unsent`: the request as read, when it still holds a notice an earlier call committed but never sent. */
type Outcome = { ok: true; doc: RequestDoc; from: RequestStatus; before: RequestDoc } | { ok: false; error: ActionError; unsent: RequestDoc | null };

function isConflict(error: unknown): boolean {
  return /CONFLICT/i.test(String((error as { code?: unknown })?.code ?? '') + String((error as Error)?.message ?? error));
}

/**
 * Whether the worker is pushed this notice, decided in the change's transaction: a unit of their
 * quota is taken when enough are left for its priority (the read joins the transaction, so two
 * changes cannot spend one unit). A push still unsent from an earlier change holds a unit already:
 * the newer notice takes it over. Otherwise the notice stays in the 消息 centre only.
 */
async function pushPlan(ctx: ActionContext, t: Transaction, doc: RequestDoc, spec: EventSpec, to: RequestStatus): Promise<Pick<RequestDoc, 'pendingNotice'> | Pick<RequestDoc, 'lastNotice'>> {
  const needed = unitsNeededToPush[spec.event];
  const held = doc.pendingNotice?.reserved === true;
  const reserved = held || (needed !== null && (await reserveUnitIn(t, doc.openid, subscribeTemplates.requestStatusChanged, needed, ctx.now)));
  if (!reserved) return { lastNotice: { at: ctx.now, errcode: null } };
  return { pendingNotice: { status: to, note: spec.note, event: spec.event, reserved: true } };
}

/**
 * Applies one event inside a transaction that re-reads the request, so two cadres acting at once
 * cannot both win: the loser's retry sees the new state and gets CONFLICT. Errors travel out as
 * values because the SDK drops the code of errors thrown inside the callback. The dashboard
 * counters change in the same transaction, and so does the worker's 消息 centre message; the push
 * is committed with it as `pendingNotice`, sent after the commit; a call that dies before sending
 * leaves it for the retry (or the next event on the request) to send, so nothing is counted twice
 * or lost.
 */
export async function applyEvent(ctx: ActionContext, requestId: string, spec: EventSpec): Promise<RequestDoc> {
  let outcome: Outcome;
  try {
    outcome = await ctx.db.runTransaction(async (t): Promise<Outcome> => {
      const doc = await readInTransaction(t, requestId);
      if (!doc || !spec.mayAct(doc)) return { ok: false, error: new ActionError('NOT_FOUND', '诉求不存在'), unsent: null };
      const unsent = doc.pendingNotice ? doc : null;
      const to = nextStatus(doc.status, spec.event);
      if (to === null) return { ok: false, error: new ActionError('CONFLICT', `诉求当前为「${statusLabels[doc.status]}」,不能执行此操作,请刷新后查看`), unsent };
      const refused = spec.check?.(doc) ?? null;
      if (refused) return { ok: false, error: refused, unsent };
      const entry: TimelineEntry = {
        at: ctx.now,
        actor: spec.actor,
        actorOpenid: ctx.openid,
        event: spec.event,
        from: doc.status,
        to,
        orgId: spec.entryOrgId?.(doc) ?? doc.orgId,
        note: spec.note,
      };
      // The worker is told what a cadre did (a reply too), not what they did themselves.
      const notify = spec.actor === 'cadre' && (doc.status !== to || spec.event === 'transfer' || spec.event === 'reply');
      const patch: Partial<RequestDoc> = { ...(spec.patch?.(doc, to) ?? {}), status: to, updatedAt: ctx.now, ...(notify ? await pushPlan(ctx, t, doc, spec, to) : {}) };
      await writeInTransaction(ctx.db, t, requestId, patch, entry);
      // The 消息 centre keeps the notice whatever becomes of the push: committed with the change.
      if (notify) await putMessageIn(t, statusMessage(doc, spec.event, spec.note, doc.timeline.length, ctx.now));
      const after: RequestDoc = { ...doc, ...patch, timeline: [...doc.timeline, entry] };
      for (const bump of transitionBumps(doc, after)) await bumpCountersIn(ctx.db, t, bump);
      return { ok: true, from: doc.status, before: doc, doc: after };
    });
  } catch (error) {
    if (isConflict(error)) throw new ActionError('CONFLICT', '诉求刚被其他人处理,请刷新后查看');
    throw error;
  }
  if (!outcome.ok) {
    if (outcome.unsent) await notifyStatus(ctx, outcome.unsent);
    throw outcome.error;
  }
  if (outcome.doc.pendingNotice) await notifyStatus(ctx, outcome.doc);
  return outcome.doc;
}
