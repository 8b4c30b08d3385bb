import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from '../functions/harness/functionCloud';
import type { Database } from '../../server/db/database';
import { addContestRankCount, contestRank } from '../../server/db/quiz/contests';
import { contestAttemptId } from '../../server/domain/quiz/contestRules';
import { countAll, type CountsDoc } from '../../server/points/rankCounts';
import { migrateContestRankCounts } from '../../scripts/migrations/contestRankCounts';

jest.setTimeout(90_000);

let fc: FunctionCloud;
let db: Db;
const day = 86_400_000;

beforeAll(async () => {
  fc = await startFunctionCloud();
  db = connectSdk(fc.cloud).db;
});

afterAll(async () => {
  await fc?.close();
});

async function contest(id: string, endsAt: Date): Promise<void> {
  const startsAt = new Date(endsAt.getTime() - day);
  await db.collection('contests').add({ data: { _id: id, title: '往期竞赛', startsAt, endsAt, histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh'], createdBy: 'mig-rc', createdAt: startsAt } });
}

/** Entries as submissions wrote them (sort score = score × 10,000 + 9,999 − seconds); the rank counts of those given as counted. */
async function entries(contestId: string, n: number, counted: (i: number) => boolean): Promise<Array<{ openid: string; score: number }>> {
  const key = `contest:${contestId}`;
  const made = Array.from({ length: n }, (_, i) => ({ openid: `${contestId}-w${i}`, score: (i % 11) * 10 * 10_000 + 9_999 - (60 + (i % 200)) }));
  const docs = made.map((e) => ({ _id: `${key}|${e.openid}`, boardKey: key, openid: e.openid, orgId: 'qh-xining', nickname: e.openid, score: e.score, paperScore: Math.floor(e.score / 10_000), timeUsedSeconds: 9_999 - (e.score % 10_000), tallied: true }));
  for (let i = 0; i < docs.length; i += 1000) await db.collection('leaderboards').add({ data: docs.slice(i, i + 1000) });
  const plain = db as unknown as Database;
  for (const [i, e] of made.entries()) if (counted(i)) await addContestRankCount(plain, key, contestAttemptId(contestId, e.openid), e.score, new Date());
  return made;
}

async function counts(contestId: string): Promise<CountsDoc[]> {
  const { data } = (await db.collection('board_counts').where({ scope: `contest:${contestId}` }).limit(1000).get()) as { data: CountsDoc[] };
  return data;
}

test('an ended contest whose entries predate its rank counts gets them rebuilt, exact for every place; a running one waits; a second run changes nothing', async () => {
  const now = new Date();
  await contest('mig-rc-old', new Date(now.getTime() - day));
  await contest('mig-rc-running', new Date(now.getTime() + day));
  await contest('mig-rc-kept', new Date(now.getTime() - day));
  // 1,200 entries (more than a page of the walk), the last 50 counted by their submissions.
  const old = await entries('mig-rc-old', 1200, (i) => i >= 1150);
  await entries('mig-rc-running', 30, (i) => i >= 20);
  await entries('mig-rc-kept', 40, () => true);
  const plain = db as unknown as Database;
  const lowest = old.reduce((a, b) => (b.score < a.score ? b : a));
  const exact = (score: number) => old.filter((e) => e.score > score).length + 1;
  expect(await contestRank(plain, 'contest:mig-rc-old', lowest.score)).toBeLessThan(exact(lowest.score));
  const keptBefore = await counts('mig-rc-kept');

  const lines: string[] = [];
  const report = await migrateContestRankCounts(plain, 'script:ops', now, { log: (line) => lines.push(line) });
  expect(report).toEqual({ ran: true, rebuilt: 1, entries: 1200, waiting: ['mig-rc-running'] });
  expect(countAll(await counts('mig-rc-old'), 'a')).toBe(1200);
  for (const e of [lowest, old[0]!, old[517]!]) expect(await contestRank(plain, 'contest:mig-rc-old', e.score)).toBe(exact(e.score));
  // A contest whose counts add up is left as it was; a running one too, and named.
  expect(await counts('mig-rc-kept')).toEqual(keptBefore);
  expect(countAll(await counts('mig-rc-running'), 'a')).toBe(10);
  expect(lines).toEqual(['mig-rc-old: rank counts rebuilt from 1200 entries', 'mig-rc-running: still running; its rank counts are rebuilt by a run after it ends']);

  // A contest waiting leaves no marker: the next run (after it ended) rebuilds it, and nothing else.
  await db.collection('contests').doc('mig-rc-running').update({ data: { endsAt: new Date(now.getTime() - 60_000) } });
  expect(await migrateContestRankCounts(plain, 'script:ops', new Date())).toEqual({ ran: true, rebuilt: 1, entries: 30, waiting: [] });
  expect(countAll(await counts('mig-rc-running'), 'a')).toBe(30);
  // Finished: a later run reads nothing unless forced, and a forced one finds every count adding up.
  expect(await migrateContestRankCounts(plain, 'script:ops', new Date())).toEqual({ ran: false, rebuilt: 0, entries: 0, waiting: [] });
  expect(await migrateContestRankCounts(plain, 'script:ops', new Date(), { force: true })).toEqual({ ran: true, rebuilt: 0, entries: 0, waiting: [] });
});

test('rebuilt counts remember each attempt as submissions do: a settle retried after the rebuild adds nothing', async () => {
  const now = new Date();
  await contest('mig-rc-after', new Date(now.getTime() - day));
  const made = await entries('mig-rc-after', 60, () => false);
  const plain = db as unknown as Database;
  await migrateContestRankCounts(plain, 'script:ops', now, { force: true });
  // A retried settle of an entry already counted adds nothing (its attempt is in its document's `done`).
  const first = made[0]!;
  await addContestRankCount(plain, 'contest:mig-rc-after', contestAttemptId('mig-rc-after', first.openid), first.score, new Date());
  expect(countAll(await counts('mig-rc-after'), 'a')).toBe(60);
});
