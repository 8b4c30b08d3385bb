import type { Database } from '../../db/database';
import { cadresOf, clearRemindPending, findNewlyOverdue, findRemindersDue } from '../../db/requests/overdueStore';
import { readInTransaction, writeInTransaction, type RequestDoc, type TimelineEntry } from '../../db/requests/requestStore';
import { claimPush, findMessageIn, putMessageIn, recordPush } from '../../db/notices/messageStore';
import { reserveUnitIn, settleUnit } from '../../db/notices/subscriptionStore';
import { unitsNeededForReminder } from '../../domain/notices/noticePriority';
import { overdueMessage } from '../../domain/notices/requestMessages';
import { cadreReminder } from '../../domain/requests/cadreReminder';
import { subscribeTemplates } from '../../domain/requests/subscribeTemplates';
import { missedDeadline, overdueNotes, type OverdueKind } from '../../domain/requests/overdue';
import type { OpenApi } from '../../platform/openApi';
import { bumpCountersIn } from '../../db/requests/requestCounters';
import { loadOrgs } from './orgNames';
import { transitionBumps } from './requestCounters';

export interface SweepContext {
  db: Database;
  openApi: OpenApi;
  now: Date;
}

export interface SweepReport {
  flagged: number;
  /** Reminders pushed as subscription messages. */
  reminders: number;
  /** Pushes WeChat refused (or that failed). */
  reminderFailures: number;
  /** Reminders kept in the cadre's 消息 centre only: no unit of the template was left. */
  remindersHeld: number;
}

/** Flags one request inside a transaction (it may have been accepted meanwhile); null when nothing to do. */
async function flag(ctx: SweepContext, id: string, parentOf: Map<string, string | null>): Promise<RequestDoc | null> {
  return ctx.db.runTransaction(async (t) => {
    const doc = await readInTransaction(t, id);
    const kind = doc && !doc.overdue ? missedDeadline(doc, ctx.now) : null;
    if (!doc || !kind) return null;
    const escalatedTo = parentOf.get(doc.orgId) ?? null;
    const entry: TimelineEntry = { at: ctx.now, actor: 'system', actorOpenid: null, event: 'escalate', from: doc.status, to: doc.status, orgId: escalatedTo ?? doc.orgId, note: overdueNotes[kind] };
    // The reminders are owed from this commit on: the flag cannot be raised without them.
    const patch = { overdue: true, escalatedTo, overdueKind: kind, remindPending: true, updatedAt: ctx.now };
    await writeInTransaction(ctx.db, t, id, patch, entry);
    const after: RequestDoc = { ...doc, ...patch };
    // The dashboard's overdue count changes with the flag, in the same commit.
    for (const bump of transitionBumps(doc, after)) await bumpCountersIn(ctx.db, t, bump);
    return after;
  });
}

/**
 * One cadre's reminder: always in their 消息 centre; pushed when they have a unit of the template
 * left. The message and the unit its push spends are committed together, once (the message's id
 * is the request, the kind and the cadre); the push is claimed before it is sent. A rerun finds
 * the message and only sends a push still pending: at most once, as a one-time subscription allows.
 */
async function remind(ctx: SweepContext, report: SweepReport, openid: string, doc: RequestDoc, kind: OverdueKind, orgName: string): Promise<void> {
  const message = overdueMessage(openid, doc, kind, orgName, ctx.now);
  const templateId = subscribeTemplates.requestOverdue;
  const state = await ctx.db.runTransaction(async (t) => {
    const existing = await findMessageIn(t, message._id);
    if (existing) return existing.push === 'pending' ? 'pending' : 'done';
    const reserved = await reserveUnitIn(t, openid, templateId, unitsNeededForReminder, ctx.now);
    await putMessageIn(t, reserved ? { ...message, push: 'pending' } : message);
    return reserved ? 'pending' : 'held';
  });
  if (state === 'held') report.remindersHeld += 1;
  if (state !== 'pending' || !(await claimPush(ctx.db, message._id))) return;
  let errcode: number;
  try {
    errcode = (await ctx.openApi.sendSubscribeMessage(cadreReminder(openid, doc, kind, orgName))).errcode;
  } catch (error) {
    console.warn('overdue reminder failed', error);
    errcode = -1;
  }
  await settleUnit(ctx.db, openid, templateId, errcode, ctx.now);
  await recordPush(ctx.db, message._id, errcode);
  if (errcode === 0) report.reminders += 1;
  else report.reminderFailures += 1;
}

/**
 * The timer's work: flag requests past their service-level times, escalate each to the parent
 * organisation, and remind the cadres of both. Safe to run again after any failure: a flagged
 * request is not flagged twice, and one whose reminders were not all done (remindPending) has
 * them finished by the next run, each message written and each push sent once.
 */
export async function sweepOverdue(ctx: SweepContext, batch = 100): Promise<SweepReport> {
  const report: SweepReport = { flagged: 0, reminders: 0, reminderFailures: 0, remindersHeld: 0 };
  const [candidates, unfinished] = await Promise.all([findNewlyOverdue(ctx.db, ctx.now, batch), findRemindersDue(ctx.db, batch)]);
  if (candidates.length === 0 && unfinished.length === 0) return report;
  const { orgs, names } = await loadOrgs(ctx.db);
  const parentOf = new Map(orgs.map((o) => [o._id, o.parentId]));
  const owed = new Map(unfinished.map((doc) => [doc._id, doc]));
  for (const candidate of candidates) {
    const doc = await flag(ctx, candidate._id, parentOf);
    if (!doc) continue;
    report.flagged += 1;
    owed.set(doc._id, doc);
  }
  const orgIds = [...new Set([...owed.values()].flatMap((d) => [d.orgId, d.escalatedTo].filter((o): o is string => o !== null)))];
  const cadres = await cadresOf(ctx.db, orgIds);
  for (const doc of owed.values()) {
    // The kind the flag was raised for (requests flagged before it was kept: as it stands now).
    const kind = doc.overdueKind ?? missedDeadline(doc, ctx.now) ?? 'resolve';
    for (const cadre of cadres.filter((c) => c.orgId === doc.orgId || c.orgId === doc.escalatedTo)) {
      await remind(ctx, report, cadre.openid, doc, kind, names.get(doc.orgId) ?? '');
    }
    await clearRemindPending(ctx.db, doc._id);
  }
  return report;
}
