import type { SubscriptionDoc } from '../../domain/notices/subscriptionDoc';
import { collections } from '../collections';
import type { Database, Transaction } from '../database';

/** One document per person and template; an openid never holds '|'. */
export function subscriptionIdOf(openid: string, templateId: string): string {
  return `${openid}|${templateId}`;
}

/**
 * Adds one unit per template the person accepted, by atomic increments (parallel reports all count).
 * A first acceptance creates the document; if a parallel call created it first, it increments.
 */
export async function addAcceptances(db: Database, openid: string, templateIds: readonly string[], now: Date): Promise<void> {
  const _ = db.command;
  const subscriptions = db.collection(collections.subscriptions);
  for (const templateId of templateIds) {
    const _id = subscriptionIdOf(openid, templateId);
    const increment = async () => (await subscriptions.where({ _id }).update({ data: { quota: _.inc(1), updatedAt: now } })).stats.updated === 1;
    if (await increment()) continue;
    const doc: SubscriptionDoc = { _id, openid, templateId, quota: 1, updatedAt: now };
    try {
      await subscriptions.add({ data: doc });
    } catch (error) {
      if (!(await increment())) throw error;
    }
  }
}

/** The person's units left per template (templates never accepted are absent). */
export async function quotaOf(db: Database, openid: string): Promise<Record<string, number>> {
  const { data } = await db.collection(collections.subscriptions).where({ openid }).limit(20).get();
  return Object.fromEntries((data as SubscriptionDoc[]).map((doc) => [doc.templateId, Math.max(0, doc.quota)]));
}

/**
 * Inside a transaction: takes one unit for a push when at least `needed` are left. The read joins
 * the transaction's read set, so two pushes cannot both take the last unit.
 */
export async function reserveUnitIn(t: Transaction, openid: string, templateId: string, needed: number, now: Date): Promise<boolean> {
  const ref = t.collection(collections.subscriptions).doc(subscriptionIdOf(openid, templateId));
  let doc: SubscriptionDoc | null;
  try {
    doc = ((await ref.get()).data as SubscriptionDoc | null) ?? null;
  } catch (error) {
    // wx-server-sdk rejects a doc().get() of a missing document: never accepted.
    if (/does not exist/.test(String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error))) return false;
    throw error;
  }
  if (!doc || doc.quota < needed) return false;
  await ref.update({ data: { quota: doc.quota - 1, updatedAt: now } });
  return true;
}

/** Outside a transaction: takes one unit when at least `needed` are left (one conditional, atomic update). */
export async function reserveUnit(db: Database, openid: string, templateId: string, needed: number, now: Date): Promise<boolean> {
  const _ = db.command;
  const { stats } = await db.collection(collections.subscriptions).where({ _id: subscriptionIdOf(openid, templateId), quota: _.gte(needed) }).update({ data: { quota: _.inc(-1), updatedAt: now } });
  return stats.updated === 1;
}

/**
 * After a push with a reserved unit: kept when WeChat sent it; 43101 means WeChat allows none (the
 * server's count was wrong), so the quota becomes 0; any other failure gives the unit back.
 */
export async function settleUnit(db: Database, openid: string, templateId: string, errcode: number, now: Date): Promise<void> {
  if (errcode === 0) return;
  if (errcode === 43101) return zeroQuota(db, openid, templateId, now);
  await db.collection(collections.subscriptions).where({ _id: subscriptionIdOf(openid, templateId) }).update({ data: { quota: db.command.inc(1), updatedAt: now } });
}

/** WeChat answered 43101: it allows no message of this template to this person now. */
export async function zeroQuota(db: Database, openid: string, templateId: string, now: Date): Promise<void> {
  await db.collection(collections.subscriptions).where({ _id: subscriptionIdOf(openid, templateId) }).update({ data: { quota: 0, updatedAt: now } });
}
