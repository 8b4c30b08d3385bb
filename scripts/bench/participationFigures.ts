import Database from 'better-sqlite3';
import path from 'node:path';
import type { LocalCloud } from '../../localcloud';
import { encodeStored } from '../../localcloud/store/bsonValues';
import { tallyId } from '../../server/db/quiz/contestTallies';
import { contestBoardKey, contestSortScore } from '../../server/domain/quiz/contestRules';
import { bucketOf, countsDocId, rankShards } from '../../server/points/rankCounts';

export const benchContest = { id: 'bench-province-contest', organisations: 5_000, participants: 300_000, viewer: 'bench-contest-admin' };

/** Participants of the bench contest's organisation i: uneven, as unions are (sums to `participants`). */
function participantsOf(i: number): number {
  const { organisations, participants } = benchContest;
  const base = Math.floor(participants / organisations);
  const skew = ((i * 7919) % 41) - 20;
  return base + (i % 2 === 0 ? skew : -((((i - 1) * 7919) % 41) - 20));
}

/**
 * A provincial contest as its submissions leave it, straight into the store before it opens: one
 * tally per organisation (5,000 organisations, 300,000 participants), the contest's rank counts
 * (the total), the contest and a province admin to look at it.
 */
export function writeContestDirectly(dataDir: string, now: Date): void {
  const db = new Database(path.join(dataDir, 'documents.sqlite'));
  try {
    const put = db.prepare('INSERT OR REPLACE INTO documents (collection, id, version, body) VALUES (?, ?, ?, ?)');
    const { id, organisations, viewer } = benchContest;
    const scope = contestBoardKey(id);
    const counts = new Map<string, { _id: string; scope: string; bucket: number; shard: number; c: { a: Record<string, number> }; done: string[] }>();
    db.transaction(() => {
      for (let i = 0; i < organisations; i += 1) {
        const orgId = `bench-org-${i}`;
        const n = participantsOf(i);
        put.run('contest_tallies', tallyId(id, orgId), 1, JSON.stringify({ _id: tallyId(id, orgId), contestId: id, orgId, participants: n, scoreSum: n * 72, done: [] }));
        // Their sort scores in the rank counts, one shard per organisation (the reads sum them all alike).
        const sortScore = contestSortScore(70 + (i % 30), 60 + (i % 200));
        const doc = { _id: countsDocId(scope, bucketOf(sortScore), i % rankShards), scope, bucket: bucketOf(sortScore), shard: i % rankShards, c: { a: {} as Record<string, number> }, done: [] };
        const into = counts.get(doc._id) ?? doc;
        into.c.a[`s${sortScore}`] = (into.c.a[`s${sortScore}`] ?? 0) + n;
        counts.set(doc._id, into);
      }
      for (const doc of counts.values()) put.run('board_counts', doc._id, 1, JSON.stringify(doc));
      const at = now.getTime();
      put.run('contests', id, 1, encodeStored({ _id: id, title: '全省职工读四史知识竞赛', startsAt: new Date(at - 86_400_000), endsAt: new Date(at + 86_400_000), histories: ['party'], questionCount: 10, timeLimitSeconds: 300, orgIds: ['qh'], createdBy: viewer, createdAt: new Date(at - 86_400_000) }));
      put.run('roles', `role-${viewer}`, 1, encodeStored({ _id: `role-${viewer}`, openid: viewer, role: 'admin', orgId: null, grantedBy: 'bench', grantedAt: now }));
    })();
  } finally {
    db.close();
  }
}

/**
 * A cadre's participation view of the bench contest through the function host, the first page and
 * one deep in the list: keys and documents examined, and the figures against what was written.
 */
export async function participationFigures(cloud: LocalCloud): Promise<{ first: number; deep: number; roundTrips: number; exact: boolean }> {
  const { id, organisations, participants, viewer } = benchContest;
  const view = (cursor?: string) => cloud.measure(() => cloud.invoke('quiz', { action: 'getContestParticipation', input: cursor ? { contestId: id, cursor, limit: 50 } : { contestId: id, limit: 50 } }, { openid: viewer }));
  type Reply = { ok: boolean; data?: { total: number; rows: Array<{ orgId: string; participants: number }>; nextCursor: string | null } };
  const first = await view();
  const reply = first.value as Reply;
  if (!reply.ok || !reply.data) throw new Error('the participation view failed');
  const expected = Array.from({ length: organisations }, (_, i) => ({ orgId: `bench-org-${i}`, participants: participantsOf(i) })).sort((a, b) => b.participants - a.participants || (a.orgId < b.orgId ? 1 : -1));
  let exact = reply.data.total === participants && JSON.stringify(reply.data.rows.map((r) => ({ orgId: r.orgId, participants: r.participants }))) === JSON.stringify(expected.slice(0, 50));
  // Page 60 of 100, reached by its cursor (the cursor of the 50 × 59th organisation, as a client would hold it).
  const before = expected[50 * 59 - 1];
  const deepCursor = before ? Buffer.from(JSON.stringify([before.participants, tallyId(id, before.orgId)]), 'utf8').toString('base64url') : undefined;
  const deep = await view(deepCursor);
  const deepReply = deep.value as Reply;
  exact &&= deepReply.ok === true && JSON.stringify(deepReply.data?.rows.map((r) => r.orgId)) === JSON.stringify(expected.slice(50 * 59, 50 * 60).map((e) => e.orgId));
  const cost = (c: (typeof first.calls)[number] | undefined) => (c ? c.keysExamined + c.docsExamined : Number.NaN);
  return { first: cost(first.calls[0]), deep: cost(deep.calls[0]), roundTrips: first.calls[0]?.roundTrips ?? 0, exact };
}
