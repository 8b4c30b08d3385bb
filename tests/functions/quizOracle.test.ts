import { takePracticeQuota } from '../../server/db/quiz/practiceQuota';
import { practicePerDay, practicePerMinute } from '../../server/domain/quiz/practiceLimits';
import { dayKey } from '../../server/points/periodKeys';
import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(120000);

let fc: FunctionCloud;
let db: Db;

beforeAll(async () => {
  fc = await startFunctionCloud();
  db = connectSdk(fc.cloud).db;
});

afterAll(async () => {
  await fc?.close();
});

type BankDoc = { _id: string; history: string; sealed?: boolean };

/** The bank (one read per history: the whole bank is over the 1,000 a read returns). */
async function bank(history?: string): Promise<BankDoc[]> {
  const histories = history ? [history] : ['party', 'prc', 'reform', 'socialism', 'labor'];
  const reads = await Promise.all(histories.map((h) => db.collection('questions').where({ history: h }).field({ _id: true, history: true, sealed: true }).limit(1000).get()));
  return reads.flatMap(({ data }) => data as BankDoc[]);
}

/** Seals every question of a history except `keep`, as an editor could (the test's own bank state). */
async function sealAllBut(history: string, keep: readonly string[]): Promise<void> {
  const _ = db.command;
  await db.collection('questions').where({ history, _id: _.nin([...keep]) }).update({ data: { sealed: true } });
  await db.collection('questions').where({ _id: _.in([...keep]) }).update({ data: { sealed: false } });
}

async function practiseIds(openid: string, history: 'party' | 'prc' | 'reform' | 'socialism' | 'labor', times: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < times; i += 1) {
    const next = await fc.call(openid, 'quiz', 'practiceNext', { from: 'history', history });
    if (!next.ok) throw new Error(`${next.code} ${next.message}`);
    ids.push(next.data.question.id);
  }
  return ids;
}

describe('the sealed contest pool', () => {
  test('daily papers and challenges never serve a sealed question; a contest paper is drawn from the sealed pool', async () => {
    const sealed = new Set((await bank()).filter((q) => q.sealed === true).map((q) => q._id));
    expect(sealed.size).toBeGreaterThanOrEqual(50);
    for (const openid of ['seal-d1', 'seal-d2', 'seal-d3']) {
      const paper = await fc.call(openid, 'quiz', 'startDaily', {});
      if (!paper.ok) throw new Error(paper.message);
      expect(paper.data.questions.filter((q) => sealed.has(q.id))).toEqual([]);
      const run = await fc.call(openid, 'quiz', 'challengeStart', {});
      if (!run.ok) throw new Error(run.message);
      const { data } = await db.collection('attempts').where({ _id: run.data.attemptId }).get();
      const doc = data[0] as { current: { id: string }; queue: string[] };
      expect([doc.current.id, ...doc.queue].filter((id) => sealed.has(id))).toEqual([]);
    }
    const now = Date.now();
    await db.collection('contests').add({
      data: { _id: 'c-sealed', title: '封存题库竞赛', startsAt: new Date(now - 60_000), endsAt: new Date(now + 3_600_000), histories: ['party', 'prc', 'reform', 'socialism', 'labor'], questionCount: 20, timeLimitSeconds: 600, orgIds: ['qh'], createdBy: 'admin', createdAt: new Date(now) },
    });
    const contestPaper = await fc.call('seal-c1', 'quiz', 'startContest', { contestId: 'c-sealed' });
    if (!contestPaper.ok) throw new Error(contestPaper.message);
    expect(contestPaper.data.questions).toHaveLength(20);
    expect(contestPaper.data.questions.every((q) => sealed.has(q.id))).toBe(true);
  });

  test('practice serves only the open pool, from a history and from the 错题本', async () => {
    const labor = await bank('labor');
    const keep = labor.slice(0, 2).map((q) => q._id);
    await sealAllBut('labor', keep);
    const served = await practiseIds('seal-p1', 'labor', 8);
    expect(served.every((id) => keep.includes(id))).toBe(true);
    // A sealed question in the wrong-answer book (a contest's wrong answer) is not practised either.
    const sealedOne = labor[5]?._id as string;
    await db.collection('wrong_book').add({ data: { _id: `seal-p2|${sealedOne}`, openid: 'seal-p2', questionId: sealedOne, wrongCount: 1, rightStreak: 0, updatedAt: new Date() } });
    expect(await fc.call('seal-p2', 'quiz', 'practiceNext', { from: 'wrongBook' })).toMatchObject({ ok: false, code: 'WRONG_BOOK_EMPTY' });
  });
});

describe('practice is no answer oracle for open papers', () => {
  test('a worker cannot harvest the key of their own open challenge question through practice', async () => {
    const run = await fc.call('orc-1', 'quiz', 'challengeStart', {});
    if (!run.ok) throw new Error(run.message);
    const current = run.data.question;
    // Leave only the challenge question and one other in the practice pool of its history.
    const other = (await bank(current.history)).find((q) => q._id !== current.id)?._id as string;
    await sealAllBut(current.history, [current.id, other]);
    const served = await practiseIds('orc-1', current.history, 8);
    expect(served).toEqual(Array.from({ length: 8 }, () => other));
    // The challenge itself still takes its answer.
    const { data } = await db.collection('attempts').where({ _id: run.data.attemptId }).get();
    const answer = (data[0] as { current: { answer: string[] } }).current.answer;
    expect(await fc.call('orc-1', 'quiz', 'challengeAnswer', { attemptId: run.data.attemptId, questionId: current.id, choice: answer as never })).toMatchObject({ ok: true, data: { correct: true, streak: 1 } });
  });

  test('the 21st open contest paper is kept out of practice like the first twenty', async () => {
    const reform = await bank('reform');
    const onPapers = reform.slice(0, 21).map((q) => q._id);
    const free = reform[21]?._id as string;
    const now = Date.now();
    for (const [i, questionId] of onPapers.entries()) {
      const paper = [{ id: questionId, history: 'reform', type: 'judge', stem: '题干', options: [], answer: [], explanation: '' }];
      await db.collection('attempts').add({ data: { _id: `contest_k${i}_orc-2`, openid: 'orc-2', kind: 'contest', contestId: `k${i}`, day: '2026-12-02', status: 'open', paper, startedAt: new Date(now - i), deadline: new Date(now + 600_000), timeLimitSeconds: 600, result: null } });
    }
    // Only the twenty-first paper's question and one free question remain in the open pool.
    await sealAllBut('reform', [onPapers[20] as string, free]);
    expect(await practiseIds('orc-2', 'reform', 8)).toEqual(Array.from({ length: 8 }, () => free));
  });

  test('a second account cannot make the calls it took to harvest another worker’s open daily paper: practice stops at the per-minute limit with a clear message', async () => {
    const paper = await fc.call('orc-3a', 'quiz', 'startDaily', {});
    if (!paper.ok) throw new Error(paper.message);
    const histories = ['party', 'prc', 'socialism'] as const;
    let served = 0;
    let refusal: { code: string; message: string } | null = null;
    // The attack took about 1,850 calls; here the limit answers long before 60.
    for (let i = 0; i < 60 && !refusal; i += 1) {
      const next = await fc.call('orc-3b', 'quiz', 'practiceNext', { from: 'history', history: histories[i % 3] as (typeof histories)[number] });
      if (next.ok) served += 1;
      else refusal = next;
    }
    expect(refusal).toEqual({ ok: false, code: 'TOO_MANY', message: '答题太快了,请休息一分钟再继续' });
    expect(served).toBeLessThanOrEqual(2 * practicePerMinute);
  });

  test('a challenge start counts against the same quota, and a refused call serves nothing', async () => {
    await db.collection('quiz_seen').add({ data: { _id: 'quota_orc-4', day: dayKey(new Date()), count: practicePerDay, minute: 'x', minuteCount: 0 } });
    const refused = await fc.call('orc-4', 'quiz', 'challengeStart', {});
    expect(refused).toMatchObject({ ok: false, code: 'TOO_MANY', message: `今天已练习 ${practicePerDay} 题,达到每日上限,明天再来吧` });
    expect(await fc.call('orc-4', 'quiz', 'practiceNext', { from: 'history', history: 'party' })).toMatchObject({ ok: false, code: 'TOO_MANY' });
    expect((await db.collection('attempts').where({ openid: 'orc-4' }).get()).data).toEqual([]);
    expect((await db.collection('quiz_seen').where({ _id: 'practice_orc-4' }).get()).data).toEqual([]);
  });
});

describe('the practice quota', () => {
  const day = '2026-12-02';
  const at = (hhmmss: string) => new Date(`${day}T${hhmmss}.000Z`);

  test('at most 20 a minute, counted again in the next minute', async () => {
    const verdicts = [];
    for (let i = 0; i < practicePerMinute + 1; i += 1) verdicts.push(await takePracticeQuota(db, 'quota-1', day, at('08:00:10')));
    expect(verdicts.filter((v) => v === 'ok')).toHaveLength(practicePerMinute);
    expect(verdicts.at(-1)).toBe('minute');
    expect(await takePracticeQuota(db, 'quota-1', day, at('08:01:00'))).toBe('ok');
  });

  test('parallel calls cannot overdraw a minute', async () => {
    const verdicts = await Promise.all(Array.from({ length: 30 }, () => takePracticeQuota(db, 'quota-2', day, at('09:00:00'))));
    expect(verdicts.filter((v) => v === 'ok')).toHaveLength(practicePerMinute);
  });

  test('at most 300 a day, and a new day starts afresh', async () => {
    await db.collection('quiz_seen').add({ data: { _id: 'quota_quota-3', day, count: practicePerDay - 1, minute: '2026-12-02T07:00', minuteCount: 3 } });
    expect(await takePracticeQuota(db, 'quota-3', day, at('10:00:00'))).toBe('ok');
    expect(await takePracticeQuota(db, 'quota-3', day, at('10:05:00'))).toBe('day');
    expect(await takePracticeQuota(db, 'quota-3', '2026-12-03', new Date('2026-12-03T00:00:01Z'))).toBe('ok');
  });
});
