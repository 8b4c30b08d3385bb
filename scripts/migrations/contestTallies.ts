import type { Database } from '../../server/db/database';
import { tallyEntries, type TalliedEntry } from '../../server/db/quiz/contestTallies';
import { contestBoardKey } from '../../server/domain/quiz/contestRules';

/**
 * Contests that ran before participation was kept per organisation have entries but no tallies:
 * each such entry (no `tallied: true`) is counted into its organisation's tally and marked, through
 * the same code the submission uses, so an entry is counted once even when a submission of a
 * running contest counts its own at the same moment, or a run died half way (its openid is in the
 * tally's `done` then, and the next run marks it without adding it again).
 *
 * Idempotent: counted entries are marked, so a second run finds none. Walks the contests by id,
 * 100 at a time, and each contest's untallied entries 500 at a time; a finished run leaves a marker
 * in `migrations`, so later runs (every `npm run seed`) read nothing more unless forced.
 */
export interface TallyReport {
  /** False when an earlier run finished (the marker is there) and this one was not forced. */
  ran: boolean;
  contests: number;
  tallied: number;
}

const contestPage = 100;
const entryPage = 500;
const marker = { collection: 'migrations', id: 'contest_tallies' };

export async function migrateContestTallies(db: Database, actor: string, now: Date, options: { force?: boolean; log?: (line: string) => void } = {}): Promise<TallyReport> {
  const _ = db.command;
  const report: TallyReport = { ran: false, contests: 0, tallied: 0 };
  const done = await db.collection(marker.collection).where({ _id: marker.id }).limit(1).get();
  if (done.data.length > 0 && !options.force) return report;
  report.ran = true;
  for (let after = ''; ; ) {
    const { data } = await db.collection('contests').where({ _id: _.gt(after) }).orderBy('_id', 'asc').field({ _id: true }).limit(contestPage).get();
    const contests = data as Array<{ _id: string }>;
    for (const { _id: contestId } of contests) {
      let counted = 0;
      for (;;) {
        // Marked entries drop out of the filter, so each round reads the next untallied ones.
        const { data: entries } = await db
          .collection('leaderboards')
          .where({ boardKey: contestBoardKey(contestId), tallied: _.neq(true) })
          .field({ _id: true, openid: true, orgId: true, paperScore: true })
          .limit(entryPage)
          .get();
        if (entries.length === 0) break;
        await tallyEntries(db, contestId, (entries as TalliedEntry[]).map((e) => ({ ...e, orgId: e.orgId ?? null, paperScore: e.paperScore ?? 0 })));
        counted += entries.length;
      }
      if (counted > 0) {
        report.contests += 1;
        report.tallied += counted;
        options.log?.(`${contestId}: ${counted} entries counted by organisation`);
      }
    }
    const last = contests[contests.length - 1];
    if (!last || contests.length < contestPage) break;
    after = last._id;
  }
  await db.collection(marker.collection).doc(marker.id).set({ data: { finishedAt: now, by: actor, contests: report.contests, tallied: report.tallied } });
  return report;
}
