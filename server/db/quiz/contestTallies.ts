import type { Database } from '../database';
import { quizCollections } from './quizCollections';

/**
 * Participation in a contest by organisation, kept as it happens so a cadre's view reads a page of
 * counters instead of aggregating every entry: `contest_tallies/<contestId>|<orgId or ->`,
 * `{ contestId, orgId, participants, scoreSum, done }`, sorted on the index
 * contestId_1_participants_-1__id_-1.
 *
 * Why one document per (contest, organisation), derived from the entries:
 * - a view pages the organisations by participants straight off the index, so each organisation's
 *   figure must be in one document (shards of it could not be sorted without reading them all);
 * - no document is written by every submission of a contest: the organisations spread the writes,
 *   and the contest's total comes from its rank counts (32 shards, already kept per submission);
 * - each write is one atomic conditional `_.inc`, never a transaction, so concurrent submissions of
 *   one organisation queue on its document but never conflict or retry. A one-organisation
 *   contest's tally takes all of its submissions: the cost is that document's write rate, not aborts;
 * - exactly once per entry: the entry (one per contest and worker, written once by its fixed id)
 *   is born `tallied: false` and marked `tallied: true` after the increment, so a retry or a later
 *   settle of a counted entry reads the mark and writes nothing. Only a call that died between the
 *   increment and the mark relies on `done` (the last openids added, like the rank counts' award ids):
 *   its retry finds its openid there and adds nothing.
 */
export interface TallyDoc {
  _id: string;
  contestId: string;
  orgId: string | null;
  participants: number;
  /** The sum of the participants' paper scores (the average is scoreSum / participants). */
  scoreSum: number;
  done: string[];
}

/** A contest entry as the tally reads it. */
export interface TalliedEntry {
  _id: string;
  openid: string;
  orgId: string | null;
  paperScore: number;
  tallied?: boolean;
}

export const tallyDoneKept = 200;

export function tallyId(contestId: string, orgId: string | null): string {
  return `${contestId}|${orgId ?? '-'}`;
}

/**
 * Adds entries of one organisation (none already in `done`) to its tally once: one conditional
 * update, or the creation of the document for the first ones. False when some of them were in
 * `done` already (the caller then adds them one by one).
 */
async function addToTally(db: Database, contestId: string, orgId: string | null, entries: readonly TalliedEntry[]): Promise<boolean> {
  const _ = db.command;
  const tallies = db.collection(quizCollections.contestTallies);
  const id = tallyId(contestId, orgId);
  const openids = entries.map((e) => e.openid);
  const scoreSum = entries.reduce((n, e) => n + e.paperScore, 0);
  const update = () =>
    tallies.where({ _id: id, done: _.nin(openids) }).update({ data: { participants: _.inc(entries.length), scoreSum: _.inc(scoreSum), done: _.push({ each: openids, slice: -tallyDoneKept }) } });
  if ((await update()).stats.updated === 1) return true;
  const fresh: TallyDoc = { _id: id, contestId, orgId, participants: entries.length, scoreSum, done: openids.slice(-tallyDoneKept) };
  const added = await tallies.add({ data: fresh }).then(
    () => true,
    async (error: unknown) => {
      // Only the document being there explains a refused add (anything else must not be taken as counted).
      if ((await tallies.where({ _id: id }).field({ _id: true }).limit(1).get()).data.length === 0) throw error;
      return false;
    },
  );
  if (added) return true;
  // Created meanwhile (the update now applies), or some of these are in it already.
  return (await update()).stats.updated === 1;
}

/**
 * Counts one contest entry in its organisation's tally, once. `entry` is the entry just written
 * (known untallied); null when the entry was there already (a retry, a concurrent settle): it is
 * read, and a tallied one is left alone.
 */
export async function tallyContestEntry(db: Database, contestId: string, boardKey: string, openid: string, entry: TalliedEntry | null): Promise<void> {
  const found = entry ?? (((await db.collection('leaderboards').where({ _id: `${boardKey}|${openid}` }).limit(1).get()).data[0] as TalliedEntry | undefined) ?? null);
  if (!found || found.tallied === true) return;
  await tallyEntries(db, contestId, [found]);
}

/**
 * Counts entries of a contest not yet tallied (the submission's own, or a migration's page), then
 * marks them tallied. Per organisation one update of up to 50 (well inside `done`); a group with
 * an entry counted already (a run that died before its mark) goes one by one, each skipped when done.
 */
export async function tallyEntries(db: Database, contestId: string, entries: readonly TalliedEntry[]): Promise<void> {
  const _ = db.command;
  const byOrg = new Map<string | null, TalliedEntry[]>();
  for (const e of entries) byOrg.set(e.orgId ?? null, [...(byOrg.get(e.orgId ?? null) ?? []), e]);
  for (const [orgId, group] of byOrg) {
    for (let i = 0; i < group.length; i += 50) {
      const chunk = group.slice(i, i + 50);
      if (chunk.length > 1 && (await addToTally(db, contestId, orgId, chunk))) continue;
      for (const one of chunk) await addToTally(db, contestId, orgId, [one]);
    }
  }
  await db
    .collection('leaderboards')
    .where({ _id: _.in(entries.map((e) => e._id)), tallied: _.neq(true) })
    .update({ data: { tallied: true } });
}

/** Where a page of organisations ended (participants, then id, both descending), opaque to the client. */
export function encodeTallyCursor(participants: number, id: string): string {
  return Buffer.from(JSON.stringify([participants, id]), 'utf8').toString('base64url');
}

/** The cursor back, or undefined for none or one that does not decode (the first page then). */
export function decodeTallyCursor(cursor: string | undefined): { participants: number; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [participants, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    return typeof participants === 'number' && Number.isInteger(participants) && typeof id === 'string' ? { participants, id } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A page of a contest's organisations, most participants first (ties by id), after `cursor`: one
 * walk of `limit` keys and documents on contestId_1_participants_-1__id_-1, however many organisations took part.
 */
export async function tallyPage(db: Database, contestId: string, cursor: { participants: number; id: string } | undefined, limit: number): Promise<TallyDoc[]> {
  const _ = db.command;
  // The plain bound on participants starts the walk at the cursor (not at the top); the $or then leaves out what was shown.
  const where = cursor ? _.and([{ contestId, participants: _.lte(cursor.participants) }, _.or([{ participants: _.lt(cursor.participants) }, { participants: cursor.participants, _id: _.lt(cursor.id) }])]) : { contestId };
  const { data } = await db
    .collection(quizCollections.contestTallies)
    .where(where as Record<string, unknown>)
    .orderBy('participants', 'desc')
    .orderBy('_id', 'desc')
    .field({ contestId: true, orgId: true, participants: true, scoreSum: true })
    .limit(limit)
    .get();
  return data as TallyDoc[];
}
