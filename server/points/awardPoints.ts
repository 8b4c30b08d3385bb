import type { ActionContext } from '../runtime/context';
import { boardsFor, entryId, type BoardEntryDoc } from './boardKeys';
import { membershipsOf, type Member } from './memberships';
import { cappedAward, dailyCaps, type PointSource } from './pointCaps';
import { dayKey, weekKey } from './periodKeys';
import { pointsCollections } from './pointsCollections';

export interface Award {
  source: PointSource;
  sourceId: string;
  points: number;
}

export interface LedgerEntry {
  _id: string;
  openid: string;
  source: PointSource;
  sourceId: string;
  points: number;
  asked: number;
  day: string;
  week: string;
  createdAt: Date;
}

export function ledgerId(openid: string, source: PointSource, sourceId: string): string {
  return `${openid}|${source}|${sourceId}`;
}

/**
 * Records points once per (worker, source, sourceId), within the source's daily cap, and adds them
 * to every board they count for. A repeat returns what the first call awarded (`repeat: true`) and
 * writes nothing.
 */
export async function awardPoints(ctx: ActionContext, award: Award): Promise<{ awarded: number; repeat: boolean }> {
  const { db, openid, now } = ctx;
  const id = ledgerId(openid, award.source, award.sourceId);
  const day = dayKey(now);
  const capId = `${openid}|${award.source}|${day}`;
  const outcome = await db.runTransaction(async (t) => {
    const existing = (await t.collection(pointsCollections.ledger).doc(id).get().catch(() => ({ data: null }))).data as LedgerEntry | null;
    if (existing) return { awarded: existing.points, fresh: false };
    const counter = (await t.collection(pointsCollections.caps).doc(capId).get().catch(() => ({ data: null }))).data as { total: number } | null;
    const earned = counter?.total ?? 0;
    const awarded = cappedAward(award.points, earned, dailyCaps[award.source]);
    const entry: Omit<LedgerEntry, '_id'> = { openid, source: award.source, sourceId: award.sourceId, points: awarded, asked: award.points, day, week: weekKey(now), createdAt: now };
    await t.collection(pointsCollections.ledger).doc(id).set({ data: entry });
    await t.collection(pointsCollections.caps).doc(capId).set({ data: { openid, source: award.source, day, total: earned + awarded } });
    return { awarded, fresh: true };
  });
  if (outcome.fresh && outcome.awarded > 0) await addToBoards(ctx, await membershipsOf(db, openid), outcome.awarded);
  return { awarded: outcome.awarded, repeat: !outcome.fresh };
}

/**
 * Three round trips at most: which entries exist, one multi-document _.inc for them, one batch
 * insert for the rest (the first points of a day, week or board). Never a shared hot document.
 */
export async function addToBoards(ctx: ActionContext, member: Member, points: number): Promise<void> {
  const { db, openid, now } = ctx;
  const _ = db.command;
  const keys = boardsFor(member, now);
  const ids = keys.map((k) => entryId(k, openid));
  const boards = db.collection(pointsCollections.boards);
  // Entries are never removed, so what this read finds still exists when it is incremented.
  const { data } = await boards.where({ _id: _.in(ids) }).field({ _id: true }).limit(ids.length).get();
  const present = new Set((data as Array<{ _id: string }>).map((d) => d._id));
  if (present.size > 0) await boards.where({ _id: _.in([...present]) }).update({ data: { score: _.inc(points) } });
  if (present.size === ids.length) return;
  const missing: BoardEntryDoc[] = keys.filter((key) => !present.has(entryId(key, openid))).map((key) => ({ _id: entryId(key, openid), boardKey: key, openid, score: points, nickname: member.nickname }));
  // One batch insert (all or nothing); if a concurrent first award created one meanwhile, go one by one.
  await boards.add({ data: missing }).catch(async () => {
    for (const doc of missing) await boards.add({ data: doc }).catch(() => boards.doc(doc._id).update({ data: { score: _.inc(points) } }));
  });
}
