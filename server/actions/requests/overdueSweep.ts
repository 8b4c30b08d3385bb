import type { Database } from '../../db/database';
import { cadresOf, findNewlyOverdue } from '../../db/requests/overdueStore';
import { readInTransaction, writeInTransaction, type RequestDoc, type TimelineEntry } from '../../db/requests/requestStore';
import { putMessage } from '../../db/notices/messageStore';
import { reserveUnit, settleUnit } from '../../db/notices/subscriptionStore';
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
    await writeInTransaction(ctx.db, t, id, { overdue: true, escalatedTo, updatedAt: ctx.now }, entry);
    const after: RequestDoc = { ...doc, overdue: true, escalatedTo, updatedAt: ctx.now };
    // The dashboard's overdue count changes with the flag, in the same commit.
    for (const bump of transitionBumps(doc, after)) await bumpCountersIn(ctx.db, t, bump);
    return after;
  });
}

/** One cadre's reminder: always in their 消息 centre; pushed when they have a unit of the template left. */
async function remind(ctx: SweepContext, report: SweepReport, openid: string, doc: RequestDoc, kind: OverdueKind, orgName: string): Promise<void> {
  await putMessage(ctx.db, overdueMessage(openid, doc, kind, orgName, ctx.now));
  const templateId = subscribeTemplates.requestOverdue;
  if (!(await reserveUnit(ctx.db, openid, templateId, unitsNeededForReminder, ctx.now))) {
    report.remindersHeld += 1;
    return;
  }
  let errcode: number;
  try {
    errcode = (await ctx.openApi.sendSubscribeMessage(cadreReminder(openid, doc, kind, orgName))).errcode;
  } catch (error) {
    console.warn('overdue reminder failed', error);
    errcode = -1;
  }
  await settleUnit(ctx.db, openid, templateId, errcode, ctx.now);
  if (errcode === 0) report.reminders += 1;
  else report.reminderFailures += 1;
}

/**
 * The timer's work: flag requests past their service-level times, escalate each to the parent
 * organisation, and remind the cadres of both. Safe to run twice: a flagged request is skipped.
 */
export async function sweepOverdue(ctx: SweepContext, batch = 100): Promise<SweepReport> {
  const report: SweepReport = { flagged: 0, reminders: 0, reminderFailures: 0, remindersHeld: 0 };
  const candidates = await findNewlyOverdue(ctx.db, ctx.now, batch);
  if (candidates.length === 0) return report;
  const { orgs, names } = await loadOrgs(ctx.db);
  const parentOf = new Map(orgs.map((o) => [o._id, o.parentId]));
  const flagged: RequestDoc[] = [];
  for (const candidate of candidates) {
    const doc = await flag(ctx, candidate._id, parentOf);
    if (doc) flagged.push(doc);
  }
  report.flagged = flagged.length;
  const orgIds = [...new Set(flagged.flatMap((d) => [d.orgId, d.escalatedTo].filter((o): o is string => o !== null)))];
  const cadres = await cadresOf(ctx.db, orgIds);
  for (const doc of flagged) {
    const kind = missedDeadline(doc, ctx.now) ?? 'resolve';
    for (const cadre of cadres.filter((c) => c.orgId === doc.orgId || c.orgId === doc.escalatedTo)) {
      await remind(ctx, report, cadre.openid, doc, kind, names.get(doc.orgId) ?? '');
    }
  }
  return report;
}
