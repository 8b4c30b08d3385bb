import { historyKeys, type HistoryKey } from '../../contracts/content';
import { poolCondition, releaseAfterClose, type PoolCommands, type PoolUse } from '../../domain/quiz/servablePool';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

function commands(db: Database): PoolCommands {
  return db.command as unknown as PoolCommands;
}

/**
 * The ids a use may serve at `now`, by history (one projected read per history, on the history
 * index). Practice, challenges, daily papers and 背题 ask for 'open'; contests for 'contest'.
 */
export async function servableQuestionIds(db: Database, use: PoolUse, now: Date, histories: readonly HistoryKey[] = historyKeys): Promise<Map<HistoryKey, string[]>> {
  const lists = await Promise.all(
    histories.map(async (history) => {
      const { data } = await db
        .collection(quizCollections.questions)
        .where(poolCondition(use, { history }, commands(db), now))
        .field({ _id: true })
        .limit(1000)
        .get();
      return [history, (data as Array<{ _id: string }>).map((d) => d._id)] as const;
    }),
  );
  return new Map(lists);
}

/** Of the given ids, those the open pool may serve at `now` (one read): a wrong-book entry may name a sealed contest question. */
export async function openPoolOnly(db: Database, ids: readonly string[], now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const { data } = await db
    .collection(quizCollections.questions)
    .where(poolCondition('open', { _id: _.in([...ids]) }, commands(db), now))
    .field({ _id: true })
    .limit(ids.length)
    .get();
  const open = new Set((data as Array<{ _id: string }>).map((d) => d._id));
  return ids.filter((id) => open.has(id));
}

/**
 * Keeps the sealed questions among `ids` out of every open use until `until` (when the contest
 * drawing them is over), or later if another contest already holds them longer (one update). Each
 * question remembers the contests that drew it (`sealedFor`), so closing one early can release
 * what no other contest holds.
 */
export async function sealForContest(db: Database, contestId: string, ids: readonly string[], until: Date): Promise<void> {
  if (ids.length === 0) return;
  const _ = db.command;
  await db
    .collection(quizCollections.questions)
    .where({ _id: _.in([...ids]), sealed: true })
    .update({ data: { sealedFor: _.addToSet(contestId), sealedUntil: _.max(until as unknown as number) } });
}

type SealedRow = { _id: string; sealedFor?: string[]; sealedUntil?: Date | string | null };

/**
 * After a contest closed early: each question it drew is released when the contest is over, unless
 * another contest that drew it is over later (then at that time). Reads the contest's questions on
 * the history index, the other contests named, and writes one update per release time. The write
 * checks the number of contests holding the question is still the one read: a contest that draws
 * it meanwhile adds itself and raises the seal, and must not be undone. `overAtOf` says when a
 * contest is over (its stored end plus the grace).
 */
export async function releaseClosedContest(db: Database, contest: { _id: string; histories: readonly HistoryKey[] }, closedOverAt: Date, overAtOf: (contestIds: string[]) => Promise<Map<string, Date>>): Promise<number> {
  const _ = db.command;
  const { data } = await db
    .collection(quizCollections.questions)
    .where({ history: _.in([...contest.histories]), sealedFor: contest._id })
    .field({ _id: true, sealedFor: true, sealedUntil: true })
    .limit(1000)
    .get();
  const rows = data as SealedRow[];
  const others = [...new Set(rows.flatMap((r) => r.sealedFor ?? []))].filter((id) => id !== contest._id);
  const overAt = others.length ? await overAtOf(others) : new Map<string, Date>();
  const groups = new Map<string, { until: Date; holders: number; ids: string[] }>();
  for (const row of rows) {
    const until = releaseAfterClose(row, contest._id, closedOverAt, overAt);
    if (!until) continue;
    const holders = row.sealedFor?.length ?? 0;
    const key = `${until.toISOString()}|${holders}`;
    const group = groups.get(key) ?? { until, holders, ids: [] };
    group.ids.push(row._id);
    groups.set(key, group);
  }
  let released = 0;
  for (const group of groups.values()) {
    const { stats } = await db
      .collection(quizCollections.questions)
      .where({ _id: _.in(group.ids), sealedFor: _.size(group.holders) })
      .update({ data: { sealedUntil: group.until } });
    released += stats.updated;
  }
  return released;
}
