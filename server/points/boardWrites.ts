import type { Database } from '../db/database';
import { awardsKept, entryIdOf, isCountedScope, plus, scoresOf, type BoardEntryDoc } from './boardEntries';
import { dayKey, weekKey } from './periodKeys';
import { bucketOf, countChanges, countsDocId, doneKept, shardOf, stalePeriodFields, type CountsDoc, type PeriodScores } from './rankCounts';
import { pointsCollections } from './pointsCollections';

/** What one award did to one counted scope's scores (null before: unknown, the rank counts are left alone). */
export interface ScopeMove {
  scope: string;
  before: PeriodScores | null;
  after: PeriodScores;
}

const maxRounds = 5;

/**
 * Adds an award's points to the worker's entry on each scope, exactly once: one multi-document
 * update per group of entries in the same state (usually one for the province and the
 * organisations, one for the groups), conditioned on that state and on the award not being
 * there yet; one batch insert for scopes without an entry. A concurrent award of the same worker
 * makes the condition fail: those entries are read again and the round repeats.
 */
export async function addToEntries(
  db: Database,
  who: { openid: string; nickname: string },
  scopes: readonly string[],
  known: ReadonlyMap<string, BoardEntryDoc>,
  award: { id: string; points: number },
  now: Date,
): Promise<ScopeMove[]> {
  const _ = db.command;
  const entries = db.collection(pointsCollections.entries);
  const current = new Map(known);
  const moves: ScopeMove[] = [];
  let pending = [...scopes];
  for (let round = 0; round < maxRounds && pending.length > 0; round += 1) {
    const retry: string[] = [];
    const groups = new Map<string, { entry: BoardEntryDoc; scopes: string[] }>();
    const missing: string[] = [];
    for (const scope of pending) {
      const entry = current.get(scope);
      if (!entry) {
        missing.push(scope);
        continue;
      }
      if (entry.awards?.includes(award.id)) {
        // Applied by an earlier run of this award: its before is known while it is the latest.
        if (isCountedScope(scope)) moves.push({ scope, before: entry.prev?.award === award.id ? entry.prev : null, after: scoresOf(entry, now) });
        continue;
      }
      const counted = isCountedScope(scope);
      const key = JSON.stringify([counted, entry.day, entry.week, counted ? [entry.dayScore, entry.weekScore, entry.allScore] : null]);
      const group = groups.get(key) ?? { entry, scopes: [] };
      group.scopes.push(scope);
      groups.set(key, group);
    }
    for (const { entry, scopes: members } of groups.values()) {
      const counted = isCountedScope(members[0] as string);
      const before = scoresOf(entry, now);
      const after = plus(before, award.points);
      const condition: Record<string, unknown> = { _id: _.in(members.map((scope) => entryIdOf(scope, who.openid))), day: entry.day, week: entry.week, awards: _.neq(award.id) };
      if (counted) condition.allScore = entry.allScore;
      const data: Record<string, unknown> = {
        day: dayKey(now),
        dayScore: before.day === null ? award.points : _.inc(award.points),
        week: weekKey(now),
        weekScore: before.week === null ? award.points : _.inc(award.points),
        allScore: _.inc(award.points),
        nickname: who.nickname,
        awards: _.push({ each: [award.id], slice: -awardsKept }),
        updatedAt: now,
      };
      if (counted) data.prev = { award: award.id, ...before };
      const { stats } = await entries.where(condition).update({ data });
      if (stats.updated === members.length) {
        if (counted) for (const scope of members) moves.push({ scope, before, after });
      } else {
        retry.push(...members);
      }
    }
    if (missing.length > 0) {
      const fresh = missing.map((scope): BoardEntryDoc => {
        const after = plus(scoresOf(undefined, now), award.points);
        return {
          _id: entryIdOf(scope, who.openid),
          scope,
          openid: who.openid,
          nickname: who.nickname,
          day: dayKey(now),
          dayScore: after.day as number,
          week: weekKey(now),
          weekScore: after.week as number,
          allScore: after.all as number,
          awards: [award.id],
          prev: isCountedScope(scope) ? { award: award.id, day: null, week: null, all: null } : null,
          updatedAt: now,
        };
      });
      try {
        await entries.add({ data: fresh });
        for (const doc of fresh) if (isCountedScope(doc.scope)) moves.push({ scope: doc.scope, before: scoresOf(undefined, now), after: scoresOf(doc, now) });
      } catch {
        // One of them was created meanwhile (all or nothing): read and go round again.
        retry.push(...missing);
      }
    }
    if (retry.length > 0) {
      const { data } = await entries.where({ _id: _.in(retry.map((scope) => entryIdOf(scope, who.openid))) }).limit(retry.length).get();
      for (const doc of data as BoardEntryDoc[]) current.set(doc.scope, doc);
    }
    pending = retry;
  }
  if (pending.length > 0) throw new Error(`board entries kept changing under award ${award.id}`);
  return moves;
}

/**
 * Applies an award's moves to the rank counts, exactly once per document (`done`): one
 * multi-document update for the scopes that moved alike (usually all of them). Documents that do
 * not exist yet are created with the move in them; whenever the update and the creation together do
 * not account for every document (another award created one between the update and the read, or
 * won the creation), the update runs again, and its guard adds the move only where it is missing.
 */
export async function addToRankCounts(db: Database, moves: readonly ScopeMove[], awardId: string, now: Date): Promise<void> {
  const _ = db.command;
  const counts = db.collection(pointsCollections.counts);
  const groups = new Map<string, { changes: Record<string, number>; ids: Array<{ id: string; scope: string; bucket: number; shard: number }> }>();
  const shard = shardOf(awardId);
  for (const move of moves) {
    if (!move.before) continue;
    const changes = countChanges(move.before, move.after, now);
    if (Object.keys(changes).length === 0) continue;
    const key = JSON.stringify([move.before, move.after]);
    const group = groups.get(key) ?? { changes, ids: [] };
    const bucket = bucketOf(move.after.all ?? 0);
    group.ids.push({ id: countsDocId(move.scope, bucket, shard), scope: move.scope, bucket, shard });
    groups.set(key, group);
  }
  for (const { changes, ids } of groups.values()) {
    const data: Record<string, unknown> = { done: _.push({ each: [awardId], slice: -doneKept }) };
    for (const [field, n] of Object.entries(changes)) data[field] = _.inc(n);
    for (const field of stalePeriodFields(now)) data[field] = _.remove();
    const update = () => counts.where({ _id: _.in(ids.map((d) => d.id)), done: _.neq(awardId) }).update({ data });
    const { stats } = await update();
    if (stats.updated === ids.length) continue;
    const { data: present } = await counts.where({ _id: _.in(ids.map((d) => d.id)) }).field({ _id: true }).limit(ids.length).get();
    const existing = new Set((present as Array<{ _id: string }>).map((d) => d._id));
    const fresh = ids.filter((d) => !existing.has(d.id)).map((d): CountsDoc => ({ _id: d.id, scope: d.scope, bucket: d.bucket, shard: d.shard, c: nested(changes), done: [awardId] }));
    if (fresh.length > 0) {
      const created = await counts
        .add({ data: fresh })
        .then(() => true)
        .catch(() => false);
      if (created && fresh.length === ids.length - stats.updated) continue;
      // One was created by someone else meanwhile (a batch is all or nothing): create the others one by one.
      if (!created) for (const doc of fresh) await counts.add({ data: doc }).catch(() => undefined);
    }
    // Every document exists now. One missing at the first update may have been created by another
    // award since (none missing at the read, yet this award not added): the guarded update adds
    // this award once to each that lacks it, and passes over those that have it.
    await update();
  }
}

function nested(changes: Record<string, number>): CountsDoc['c'] {
  const c: CountsDoc['c'] = {};
  for (const [path, n] of Object.entries(changes)) {
    const [, field, score] = path.split('.') as [string, string, string];
    (c[field] ??= {})[score] = n;
  }
  return c;
}
