import type { LocalCloud } from '../../localcloud';
import type { Database } from '../../server/db/database';
import { countAbove, periodField, type CountsDoc } from '../../server/points/rankCounts';

interface Paper {
  attemptId: string;
  answers: Array<{ questionId: string; choice: string[] }>;
  right: number;
}

async function all<T>(db: Database, collection: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 0; ; page += 1) {
    const reply = (await db.collection(collection).where(where).skip(page * 1000).limit(1000).get()) as { data: T[] };
    out.push(...reply.data);
    if (reply.data.length < 1000) return out;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/**
 * `workers` distinct workers take today's paper (right answers 0–10), then all submit at once
 * through the function host. Checks every worker's points against what they answered: the ledger,
 * their province entry, and the province's rank counts summed per score against the entries.
 */
export async function concurrentSubmissions(cloud: LocalCloud, db: Database, workers: number) {
  const openid = (i: number) => `load-${i}`;
  const papers: Paper[] = [];
  for (let start = 0; start < workers; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, workers - start) }, async (_, k) => {
        const i = start + k;
        const started = (await cloud.invoke('quiz', { action: 'startDaily', input: {} }, { openid: openid(i) })) as { ok: boolean; data: { attemptId: string } };
        if (!started.ok) throw new Error(`startDaily failed for ${openid(i)}`);
        const reply = (await db.collection('attempts').where({ _id: started.data.attemptId }).get()) as { data: Array<{ paper: Array<{ id: string; answer: string[] }> }> };
        const right = i % 11;
        const answers = (reply.data[0]?.paper ?? []).map((q, n) => ({ questionId: q.id, choice: n < right ? q.answer : [] }));
        return { attemptId: started.data.attemptId, answers, right };
      }),
    );
    papers.push(...batch);
  }
  cloud.costs().reset();
  const times: number[] = [];
  const outcomes = await Promise.all(
    papers.map(async (paper, i) => {
      const started = process.hrtime.bigint();
      try {
        const reply = (await cloud.invoke('quiz', { action: 'submitAttempt', input: { attemptId: paper.attemptId, answers: paper.answers } }, { openid: openid(i) })) as { ok: boolean; data?: { pointsAwarded: number } };
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        return reply.ok ? (reply.data?.pointsAwarded ?? -1) : -1;
      } catch {
        return -1;
      }
    }),
  );
  const hottest = cloud.costs().hottest(1)[0];
  const roundTrips = cloud.costs().total.roundTrips;
  const errors = outcomes.filter((o) => o < 0).length;
  const ledger = new Map((await all<{ openid: string; points: number }>(db, 'points_ledger', { source: 'quiz-daily' })).map((e) => [e.openid, e.points]));
  const entries = await all<{ openid: string; dayScore: number; allScore: number }>(db, 'board_entries', { scope: 'province:qh' });
  const province = new Map(entries.map((e) => [e.openid, e.allScore]));
  let lost = 0;
  let double = 0;
  papers.forEach((paper, i) => {
    const held = Math.max(ledger.get(openid(i)) ?? 0, province.get(openid(i)) ?? 0);
    const least = Math.min(ledger.get(openid(i)) ?? 0, province.get(openid(i)) ?? 0);
    if (least < paper.right) lost += paper.right - least;
    if (held > paper.right) double += held - paper.right;
  });
  // The rank counts must add up to the entries, score by score.
  const counts = await all<CountsDoc>(db, 'board_counts', { scope: 'province:qh' });
  const field = periodField('day', new Date());
  let countMismatches = 0;
  for (let score = -1; score <= 10; score += 1) {
    const fromCounts = countAbove(counts, field, score);
    const fromEntries = entries.filter((e) => e.dayScore > score).length;
    if (fromCounts !== fromEntries) countMismatches += 1;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { errors, lost, double, countMismatches, p50: percentile(sorted, 50), p95: percentile(sorted, 95), hottest, roundTrips };
}
