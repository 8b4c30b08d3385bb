import { createHash } from 'node:crypto';
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
  /** True from the ledger commit until the boards hold the points (a retry finishes the job). */
  boardsPending?: boolean;
}

export function ledgerId(openid: string, source: PointSource, sourceId: string): string {
  return `${openid}|${source}|${sourceId}`;
}

/**
 * How many recent awards a board entry remembers: enough that re-applying a pending award (a retry
 * right after a failure, with at most a few of the worker's awards in between) is recognised.
 */
const rememberedAwards = 16;

/** A short opaque mark of one ledger entry, kept on the board entries it was added to. */
export function awardMark(ledgerEntryId: string): string {
  return createHash('sha256').update(ledgerEntryId).digest('base64url').slice(0, 12);
}

/**
 * Records points once per (worker, source, sourceId), within the source's daily cap, and adds them
 * to every board they count for. A repeat returns what the first call awarded (`repeat: true`).
 * Converges after a failure at any step: the ledger entry and the cap commit together, marked
 * `boardsPending`; each board entry takes the points once (it remembers the award's mark); then
 * the mark is cleared. A repeat that finds the entry still pending finishes the boards.
 */
export async function awardPoints(ctx: ActionContext, award: Award): Promise<{ awarded: number; repeat: boolean }> {
  const { db, openid, now } = ctx;
  const id = ledgerId(openid, award.source, award.sourceId);
  const day = dayKey(now);
  const capId = `${openid}|${award.source}|${day}`;
  const outcome = await db.runTransaction(async (t) => {
    const existing = (await t.collection(pointsCollections.ledger).doc(id).get().catch(() => ({ data: null }))).data as LedgerEntry | null;
    if (existing) return { awarded: existing.points, fresh: false, pending: existing.boardsPending === true, at: new Date(existing.createdAt) };
    const counter = (await t.collection(pointsCollections.caps).doc(capId).get().catch(() => ({ data: null }))).data as { total: number } | null;
    const earned = counter?.total ?? 0;
    const awarded = cappedAward(award.points, earned, dailyCaps[award.source]);
    const entry: Omit<LedgerEntry, '_id'> = { openid, source: award.source, sourceId: award.sourceId, points: awarded, asked: award.points, day, week: weekKey(now), createdAt: now, ...(awarded > 0 ? { boardsPending: true } : {}) };
    await t.collection(pointsCollections.ledger).doc(id).set({ data: entry });
    await t.collection(pointsCollections.caps).doc(capId).set({ data: { openid, source: award.source, day, total: earned + awarded } });
    return { awarded, fresh: true, pending: awarded > 0, at: now };
  });
  if (outcome.pending) {
    // The award's own time picks the boards' periods, so a retry after midnight adds to the same day.
    await addToBoards({ ...ctx, now: outcome.at }, await membershipsOf(db, openid), outcome.awarded, awardMark(id));
    await db.collection(pointsCollections.ledger).doc(id).update({ data: { boardsPending: false } });
  }
  return { awarded: outcome.awarded, repeat: !outcome.fresh };
}

/**
 * Three round trips at most: which entries exist, one multi-document _.inc for them, one batch
 * insert for the rest (the first points of a day, week or board). Never a shared hot document.
 * Idempotent per award `mark`: an entry that remembers it is not incremented again.
 */
export async function addToBoards(ctx: ActionContext, member: Member, points: number, mark: string): Promise<void> {
  const { db, openid, now } = ctx;
  const _ = db.command;
  const keys = boardsFor(member, now);
  const ids = keys.map((k) => entryId(k, openid));
  const boards = db.collection(pointsCollections.boards);
  // Entries are never removed, so what this read finds still exists when it is incremented.
  const { data } = await boards.where({ _id: _.in(ids) }).field({ _id: true }).limit(ids.length).get();
  const present = new Set((data as Array<{ _id: string }>).map((d) => d._id));
  const remember = _.push({ each: [mark], slice: -rememberedAwards });
  const addOnce = (where: Record<string, unknown>) => boards.where({ ...where, awards: _.neq(mark) }).update({ data: { score: _.inc(points), awards: remember } });
  if (present.size > 0) await addOnce({ _id: _.in([...present]) });
  if (present.size === ids.length) return;
  const missing: BoardEntryDoc[] = keys.filter((key) => !present.has(entryId(key, openid))).map((key) => ({ _id: entryId(key, openid), boardKey: key, openid, score: points, nickname: member.nickname, awards: [mark] }));
  // One batch insert (all or nothing); if a concurrent first award created one meanwhile, go one by one.
  await boards.add({ data: missing }).catch(async () => {
    for (const doc of missing) await boards.add({ data: doc }).catch(() => addOnce({ _id: doc._id }));
  });
}
