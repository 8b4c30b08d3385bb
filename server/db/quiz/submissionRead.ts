import { provinceScope } from '../../points/boardEntries';
import { pointsCollections } from '../../points/pointsCollections';
import { joined, pointsStateOf, withPointsState, type PointsState } from '../../points/pointsState';
import type { CountsDoc } from '../../points/rankCounts';
import type { Database } from '../database';
import type { AttemptDoc } from './attempts';
import { quizCollections } from './quizCollections';
import type { WrongBookDoc } from './wrongBook';

/** Everything a submission reads, in one round trip. */
export interface SubmissionRead {
  attempt: AttemptDoc;
  /** The worker's points state, with the ledger entry and counter of the attempt's source. */
  points: PointsState;
  /** The book's documents for the paper's questions. */
  wrongBook: WrongBookDoc[];
  /** The province's rank counts, with only today's field (for the rank before and after). */
  provinceCounts: CountsDoc[];
}

/**
 * One aggregation from the attempt: the worker's points state (pointsState.ts), the wrong-answer
 * book's documents for the paper's questions (by `_id`), and the province's rank counts (by the
 * index scope_1_bucket_-1, at most 17 × 32 documents) without the fields it does not need. Joins
 * are keyed by the caller's openid: another worker's attempt is refused before they are used.
 */
export async function readSubmission(
  db: Database,
  attemptId: string,
  openid: string,
  ids: { ledger: string[]; caps: string[]; weekField: string },
  sourceOf: (attempt: AttemptDoc) => string,
): Promise<SubmissionRead | null> {
  const start = db
    .collection(quizCollections.attempts)
    .aggregate()
    .match({ _id: attemptId })
    .addFields({
      pt_oid: openid,
      pt_ledger: ids.ledger,
      pt_caps: ids.caps,
      pt_province: provinceScope,
      pt_wrongIds: { $map: { input: '$paper.id', as: 'q', in: { $concat: [`${openid}|`, '$$q'] } } },
    });
  const { list } = await withPointsState(start)
    .lookup({ from: quizCollections.wrongBook, localField: 'pt_wrongIds', foreignField: '_id', as: 'pt_wrong' })
    .lookup({ from: pointsCollections.counts, localField: 'pt_province', foreignField: 'scope', as: 'pt_counts' })
    .project({ 'pt_counts.done': 0, 'pt_counts.c.a': 0, [`pt_counts.c.${ids.weekField}`]: 0 })
    .end();
  const row = list[0] as Record<string, unknown> | undefined;
  if (!row) return null;
  const stored = row as unknown as AttemptDoc;
  const attempt = { ...stored, startedAt: new Date(stored.startedAt), deadline: new Date(stored.deadline) };
  return {
    attempt,
    points: pointsStateOf(row, sourceOf(attempt)),
    wrongBook: joined<WrongBookDoc>(row, 'pt_wrong').filter((doc) => doc.openid === openid),
    provinceCounts: joined<CountsDoc>(row, 'pt_counts'),
  };
}
