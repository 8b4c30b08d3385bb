import { convergenceWorld, expectConvergence, untagged } from './harness/convergence';

// A daily submission dies at each of its database requests in turn, is retried, and must leave
// what a run without a fault leaves: the result, the ledger entry, the board entries, the rank
// counts and the wrong-answer book, each once.
const world = convergenceWorld(300_000);
const { all } = world;

/** Whether a scope's rank counts add up, score by score, to its entries' scores today, this week and all time. */
async function countsAgree(scope: string): Promise<boolean> {
  const entries = await all('board_entries', { scope });
  const counts = await all('board_counts', { scope });
  for (const [field, score] of [['d', 'dayScore'], ['w', 'weekScore'], ['a', 'allScore']] as const) {
    const fromCounts = new Map<number, number>();
    for (const doc of counts) {
      for (const [name, map] of Object.entries((doc.c ?? {}) as Record<string, Record<string, number>>)) {
        if (!name.startsWith(field)) continue;
        for (const [key, n] of Object.entries(map)) fromCounts.set(Number(key.slice(1)), (fromCounts.get(Number(key.slice(1))) ?? 0) + n);
      }
    }
    const fromEntries = new Map<number, number>();
    for (const entry of entries) fromEntries.set(entry[score] as number, (fromEntries.get(entry[score] as number) ?? 0) + 1);
    for (const key of new Set([...fromCounts.keys(), ...fromEntries.keys()])) if ((fromCounts.get(key) ?? 0) !== (fromEntries.get(key) ?? 0)) return false;
  }
  return true;
}

const papers = new Map<string, Array<{ questionId: string; choice: string[] }>>();

test('a daily submission that dies at any database request converges on its retry: points, ranks and wrong-answer book once', async () => {
  const worker = (tag: string) => `cv-sub-${tag}`;
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'quiz',
    action: 'submitAttempt',
    setup: async (tag) => {
      await world.fc.call(worker(tag), 'account', 'updateProfile', { nickname: '卓玛' });
      await world.db.collection('users').doc(worker(tag)).update({ data: { orgId: 'qh-haixi' } });
      const started = await world.fc.call(worker(tag), 'quiz', 'startDaily', {});
      if (!started.ok) throw new Error(started.message);
      const { data } = (await world.db.collection('attempts').where({ _id: started.data.attemptId }).get()) as { data: Array<{ paper: Array<{ id: string; answer: string[] }> }> };
      papers.set(tag, (data[0]?.paper ?? []).map((q, i) => ({ questionId: q.id, choice: i < 7 ? q.answer : [] })));
    },
    call: async (tag) => {
      const attemptId = (await all('attempts', { openid: worker(tag) }))[0]?._id as string;
      return world.fc.call(worker(tag), 'quiz', 'submitAttempt', { attemptId, answers: papers.get(tag) as never });
    },
    // Question ids and times differ between runs; the rest must be alike for every caller.
    answer: (result) =>
      result.ok
        ? { score: result.data.score, correct: result.data.review.filter((r) => r.correct).length, pointsAwarded: result.data.pointsAwarded, rank: result.data.rank, rankBefore: result.data.rankBefore }
        : result,
    state: async (tag) => {
      const openid = worker(tag);
      const ledger = (await all('points_ledger', { openid })).map(({ source, sourceId, points }) => ({ source, sourceId, points }));
      const boards = (await all('board_entries', { openid })).map(({ _id, dayScore, weekScore, allScore }) => ({ _id, dayScore, weekScore, allScore })).sort((a, b) => String(a._id).localeCompare(String(b._id)));
      const book = (await all('wrong_book', { openid })).map(({ wrongCount, rightStreak }) => [wrongCount, rightStreak]).sort();
      const attempt = (await all('attempts', { openid })).map(({ status, result }) => ({ status, points: (result as { pointsAwarded: number } | null)?.pointsAwarded }));
      return untagged({ ledger, boards, book, attempt, ranks: [await countsAgree('province:qh'), await countsAgree('org:qh-haixi')] }, openid);
    },
  });
  expect(steps).toBeGreaterThanOrEqual(6);
});
