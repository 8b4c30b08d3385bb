import { readInTransaction, writeInTransaction, type RequestDoc, type TimelineEntry } from '../../db/requests/requestStore';
import { nextStatus, statusLabels, type RequestEvent, type RequestStatus } from '../../domain/requests/requestStatusMachine';
import { ActionError } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import { bumpCountersIn } from '../../db/requests/requestCounters';
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
 * Applies one event inside a transaction that re-reads the request, so two cadres acting at once
 * cannot both win: the loser's retry sees the new state and gets CONFLICT. Errors travel out as
 * values because the SDK drops the code of errors thrown inside the callback. The dashboard
 * counters change in the same transaction, and the worker's notice is committed with it as
 * `pendingNotice`, sent after the commit; a call that dies before sending leaves it for the retry
 * (or the next event on the request) to send, so nothing is counted twice or lost.
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
      const notify = doc.status !== to || spec.event === 'transfer';
      const patch: Partial<RequestDoc> = { ...(spec.patch?.(doc, to) ?? {}), status: to, updatedAt: ctx.now, ...(notify ? { pendingNotice: { status: to, note: spec.note } } : {}) };
      await writeInTransaction(ctx.db, t, requestId, patch, entry);
      const after: RequestDoc = { ...doc, ...patch, timeline: [...doc.timeline, entry] };
      for (const bump of transitionBumps(doc, after)) await bumpCountersIn(ctx.db, t, bump);
      return { ok: true, from: doc.status, before: doc, doc: after };
    });
  } catch (error) {
    if (isConflict(error)) throw new ActionError('CONFLICT', '诉求刚被其他人处理,请刷新后查看');
    throw error;
  }
  if (!outcome.ok) {
    const pending = outcome.unsent?.pendingNotice;
    if (outcome.unsent && pending) await notifyStatus(ctx, outcome.unsent, pending.status, pending.note);
    throw outcome.error;
  }
  if (outcome.doc.pendingNotice) await notifyStatus(ctx, outcome.doc, outcome.doc.pendingNotice.status, outcome.doc.pendingNotice.note);
  return outcome.doc;
}
