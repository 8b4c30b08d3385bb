import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { joinByRoster } from './harness/membership';
import type { AttemptPaper } from '../../server/contracts/quiz';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
});

afterAll(async () => {
  await fc?.close();
});

type Doc = Record<string, unknown>;

async function docs(collection: string, where: Doc): Promise<Doc[]> {
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection(collection).where(where).limit(1000).get()) as { data: Doc[] };
  return data;
}

/** Any key that would reveal the answer before submission, at any depth of a payload. */
function revealingKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => revealingKeys(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (['answer', 'answers', 'explanation', 'correct', 'letter'].includes(k) ? [`${path}.${k}`] : revealingKeys(v, `${path}.${k}`)));
}

async function start(openid: string): Promise<AttemptPaper> {
  const reply = await fc.call(openid, 'quiz', 'startDaily', {});
  expect(revealingKeys(reply)).toEqual([]);
  if (!reply.ok) throw new Error(reply.message);
  return reply.data;
}

/** The right answers, read from the server's own copy of the paper (as only a test can). */
async function rightAnswers(attemptId: string): Promise<Array<{ questionId: string; choice: Array<'A' | 'B' | 'C' | 'D' | 'E'> }>> {
  const [attempt] = await docs('attempts', { _id: attemptId });
  const paper = (attempt?.paper ?? []) as Array<{ id: string; answer: Array<'A' | 'B' | 'C' | 'D' | 'E'> }>;
  return paper.map((q) => ({ questionId: q.id, choice: q.answer }));
}

describe('quiz function: 每日答题', () => {
  test('options carry random ids of this attempt, never the bank’s letters, and another attempt gets other ids', async () => {
    const a = await start('quiz-ids-a');
    const b = await start('quiz-ids-b');
    const keys = (p: AttemptPaper) => p.questions.flatMap((q) => q.options.map((o) => o.key));
    expect(keys(a).every((k) => /^[a-z0-9]{8}$/.test(k))).toBe(true);
    expect(keys(b).filter((k) => keys(a).includes(k))).toEqual([]);
    // The server scores in the attempt's ids: the bank's letter of a right option is not a right answer.
    const [stored] = await docs('attempts', { _id: a.attemptId });
    const paper = (stored?.paper ?? []) as Array<{ id: string; answer: string[]; options: Array<{ key: string; letter: string }> }>;
    const letters = paper.map((q) => ({ questionId: q.id, choice: q.options.filter((o) => q.answer.includes(o.key)).map((o) => o.letter) as Array<'A' | 'B' | 'C' | 'D' | 'E'> }));
    const reply = await fc.call('quiz-ids-a', 'quiz', 'submitAttempt', { attemptId: a.attemptId, answers: letters });
    expect(reply).toMatchObject({ ok: true, data: { score: 0 } });
  });

  test('a worker starts today’s paper: ten questions, two from each history, and nothing in it reveals an answer', async () => {
    const paper = await start('quiz-1');
    expect(paper.questions).toHaveLength(10);
    const byHistory = new Map<string, number>();
    for (const q of paper.questions) byHistory.set(q.history, (byHistory.get(q.history) ?? 0) + 1);
    expect([...byHistory.values()]).toEqual([2, 2, 2, 2, 2]);
    expect(new Date(paper.deadline).getTime() - new Date(paper.startedAt).getTime()).toBe(paper.timeLimitSeconds * 1000);
    const again = await start('quiz-1');
    expect(again.questions.map((q) => q.id)).toEqual(paper.questions.map((q) => q.id));
  });

  test('two workers get their questions and options in different orders', async () => {
    const a = await start('quiz-2a');
    const b = await start('quiz-2b');
    const optionOrders = (p: AttemptPaper) => p.questions.filter((q) => q.type !== 'judge').map((q) => q.options.map((o) => o.text).join('|'));
    const { db } = connectSdk(fc.cloud);
    const bankOrder = async (id: string) => ((await db.collection('questions').where({ _id: id }).get()).data[0] as { options: string[] }).options.join('|');
    const inBankOrder = await Promise.all(a.questions.filter((q) => q.type !== 'judge').map((q) => bankOrder(q.id)));
    expect(optionOrders(a).filter((order, i) => order !== inBankOrder[i]).length).toBeGreaterThan(0);
    expect(a.questions.map((q) => q.id)).not.toEqual(b.questions.map((q) => q.id));
  });

  test('a worker who answers every question right scores 100, sees each answer with its explanation, earns points and a rank', async () => {
    const paper = await start('quiz-3');
    const result = await fc.call('quiz-3', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: await rightAnswers(paper.attemptId) });
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({ score: 100, correctCount: 10, total: 10, pointsAwarded: 10 });
    expect(result.data.rank?.rank).toBeGreaterThanOrEqual(1);
    expect(result.data.rank?.score).toBe(10);
    expect(result.data.review.every((r) => r.correct && r.explanation.length >= 10 && r.answer.length > 0)).toBe(true);
    const ledger = await docs('points_ledger', { openid: 'quiz-3' });
    expect(ledger).toEqual([expect.objectContaining({ source: 'quiz-daily', points: 10, day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), week: expect.stringMatching(/^W/) })]);
  });

  test('a worker who submits twice is scored once', async () => {
    const paper = await start('quiz-4');
    const answers = await rightAnswers(paper.attemptId);
    const [first, second] = await Promise.all([
      fc.call('quiz-4', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers }),
      fc.call('quiz-4', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: [] }),
    ]);
    const third = await fc.call('quiz-4', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: [] });
    if (!first.ok || !second.ok || !third.ok) throw new Error('a repeat submission failed');
    expect(second.data.score).toBe(first.data.score);
    expect(third.data.score).toBe(first.data.score);
    expect(await docs('points_ledger', { openid: 'quiz-4' })).toHaveLength(1);
    const entries = await docs('board_entries', { openid: 'quiz-4' });
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.flatMap((e) => [e.dayScore, e.weekScore, e.allScore]))).toEqual(new Set([first.data.pointsAwarded]));
  });

  test('a second daily paper on the same day is refused with a clear message', async () => {
    const paper = await start('quiz-5');
    await fc.call('quiz-5', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: [] });
    const again = await fc.call('quiz-5', 'quiz', 'startDaily', {});
    expect(again).toMatchObject({ ok: false, code: 'DAILY_DONE', message: expect.stringContaining('明天再来') });
  });

  test('wrong answers are kept in the worker’s 错题本 and earn nothing', async () => {
    const paper = await start('quiz-6');
    const right = await rightAnswers(paper.attemptId);
    const answers = right.map((a, i) => (i < 3 ? { questionId: a.questionId, choice: [] } : a));
    const result = await fc.call('quiz-6', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers });
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({ correctCount: 7, score: 70, pointsAwarded: 7 });
    const book = await docs('wrong_book', { openid: 'quiz-6' });
    expect(book.map((b) => b.questionId).sort()).toEqual(right.slice(0, 3).map((a) => a.questionId).sort());
  });

  test('another worker’s attempt id is refused and changes nothing', async () => {
    const paper = await start('quiz-7');
    const reply = await fc.call('quiz-7x', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: [] });
    expect(reply).toMatchObject({ ok: false, code: 'NOT_YOUR_ATTEMPT' });
    expect(await fc.call('quiz-7x', 'quiz', 'getAttemptResult', { attemptId: paper.attemptId })).toMatchObject({ ok: false, code: 'NOT_YOUR_ATTEMPT' });
    expect((await docs('attempts', { _id: paper.attemptId }))[0]).toMatchObject({ status: 'open' });
  });

  test('answers and explanations are refused before submission and shown after it', async () => {
    const paper = await start('quiz-8');
    const early = await fc.call('quiz-8', 'quiz', 'getAttemptResult', { attemptId: paper.attemptId });
    expect(early).toMatchObject({ ok: false, code: 'NOT_SUBMITTED' });
    expect(revealingKeys(early)).toEqual([]);
    await fc.call('quiz-8', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: [] });
    const later = await fc.call('quiz-8', 'quiz', 'getAttemptResult', { attemptId: paper.attemptId });
    if (!later.ok) throw new Error(later.message);
    expect(later.data.review).toHaveLength(10);
    // Not a contest paper: the page keeps the daily paper's title and share text.
    expect(later.data.contestTitle).toBeNull();
    expect(later.data.contestId).toBeNull();
    expect(later.data.review[0]?.explanation).toMatch(/。$/);
  });

  test('a submission after the time limit and its grace is refused and scores nothing', async () => {
    const paper = await start('quiz-9');
    const { db } = connectSdk(fc.cloud);
    await db.collection('attempts').doc(paper.attemptId).update({ data: { deadline: new Date(Date.now() - 31_000) } });
    const reply = await fc.call('quiz-9', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: await rightAnswers(paper.attemptId) });
    expect(reply).toMatchObject({ ok: false, code: 'ATTEMPT_EXPIRED' });
    expect(await docs('points_ledger', { openid: 'quiz-9' })).toHaveLength(0);
  });

  test('a submission just inside the grace after the deadline still counts', async () => {
    const paper = await start('quiz-10');
    const { db } = connectSdk(fc.cloud);
    await db.collection('attempts').doc(paper.attemptId).update({ data: { deadline: new Date(Date.now() - 20_000) } });
    const reply = await fc.call('quiz-10', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: await rightAnswers(paper.attemptId) });
    expect(reply).toMatchObject({ ok: true, data: { score: 100 } });
  });

  test.each([
    ['an injected operator as attempt id', { attemptId: { $gt: '' }, answers: [] }],
    ['an injected operator as a choice', { attemptId: 'ATTEMPT', answers: [{ questionId: 'party-001', choice: { $ne: null } }] }],
    ['an injected operator as question id', { attemptId: 'ATTEMPT', answers: [{ questionId: { $gt: '' }, choice: ['A'] }] }],
    ['a wrong type', { attemptId: 42, answers: [] }],
    ['an oversized answer list', { attemptId: 'ATTEMPT', answers: Array.from({ length: 51 }, () => ({ questionId: 'party-001', choice: ['A'] })) }],
    ['an unknown option letter', { attemptId: 'ATTEMPT', answers: [{ questionId: 'party-001', choice: ['Z'] }] }],
    ['an unknown field', { attemptId: 'ATTEMPT', answers: [], score: 100 }],
  ])('bad input (%s) is refused and changes nothing', async (_name, input) => {
    const paper = await start('quiz-bad');
    const payload = JSON.parse(JSON.stringify(input).replace('"ATTEMPT"', JSON.stringify(paper.attemptId))) as unknown;
    const reply = await fc.callRaw('quiz-bad', 'quiz', { action: 'submitAttempt', input: payload });
    expect(reply).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.any(String) });
    expect((await docs('attempts', { _id: paper.attemptId }))[0]).toMatchObject({ status: 'open' });
  });

  test('answers to questions that are not on the paper are refused and change nothing', async () => {
    const paper = await start('quiz-11');
    const onPaper = new Set(paper.questions.map((q) => q.id));
    const stranger = ['party-001', 'party-002', 'party-003', 'prc-001', 'prc-002', 'prc-003'].find((q) => !onPaper.has(q)) ?? 'labor-999';
    const reply = await fc.call('quiz-11', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: [{ questionId: stranger, choice: ['A'] }] });
    expect(reply).toMatchObject({ ok: false, code: 'UNKNOWN_QUESTION' });
    expect((await docs('attempts', { _id: paper.attemptId }))[0]).toMatchObject({ status: 'open' });
    expect(await fc.call('quiz-11', 'quiz', 'submitAttempt', { attemptId: 'no-such-attempt', answers: [] })).toMatchObject({ ok: false, code: 'ATTEMPT_NOT_FOUND' });
  });

  test('one daily submission costs at most 8 database round trips, counted in the local cloud', async () => {
    await joinByRoster(fc, 'quiz-12', 'qh-xining');
    const paper = await start('quiz-12');
    const answers = (await rightAnswers(paper.attemptId)).map((a, i) => (i < 4 ? { ...a, choice: [] } : a));
    const { value: reply, calls } = await fc.cloud.measure(() => fc.call('quiz-12', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers }));
    expect(reply.ok).toBe(true);
    expect(calls.map((c) => [c.function, c.action, c.openid])).toEqual([['quiz', 'submitAttempt', 'quiz-12']]);
    const [submit] = calls;
    console.log(`one submission: ${submit?.roundTrips} database round trips, ${submit?.keysExamined} keys and ${submit?.docsExamined} documents examined`, submit?.byAction);
    expect(submit?.roundTrips).toBeLessThanOrEqual(8);
    // Every read is by _id or an index: a handful of keys and documents, whatever the number of workers.
    expect((submit?.keysExamined ?? 0) + (submit?.docsExamined ?? 0)).toBeLessThan(200);
  });
});

describe('quiz function: the daily streak on the 学习 home', () => {
  const shanghaiDay = (daysAgo: number) => new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

  /** A daily paper of an earlier day, as the days before left it. */
  async function pastPaper(openid: string, daysAgo: number, status: 'open' | 'submitted'): Promise<void> {
    const { db } = connectSdk(fc.cloud);
    const day = shanghaiDay(daysAgo);
    await db.collection('attempts').add({ data: { _id: `daily_${day}_${openid}`, openid, kind: 'daily', day, status, paper: [], startedAt: new Date(), deadline: new Date(), timeLimitSeconds: 300, result: status === 'submitted' ? { score: 60 } : null } });
  }

  async function streakOf(openid: string): Promise<number> {
    const reply = await fc.call(openid, 'quiz', 'getDailyStatus', {});
    if (!reply.ok) throw new Error(reply.message);
    return reply.data.streak;
  }

  test('a worker who answered today and the two days before has a streak of 3; an unfinished paper breaks it', async () => {
    await pastPaper('streak-1', 1, 'submitted');
    await pastPaper('streak-1', 2, 'submitted');
    await pastPaper('streak-1', 3, 'open');
    await pastPaper('streak-1', 4, 'submitted');
    expect(await streakOf('streak-1')).toBe(2);
    const paper = await start('streak-1');
    await fc.call('streak-1', 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: await rightAnswers(paper.attemptId) });
    expect(await streakOf('streak-1')).toBe(3);
  });

  test('a new worker has no streak, and one who skipped yesterday starts again', async () => {
    expect(await streakOf('streak-2')).toBe(0);
    await pastPaper('streak-3', 2, 'submitted');
    expect(await streakOf('streak-3')).toBe(0);
  });

  test('a streak longer than one look-back window is counted in full', async () => {
    for (let daysAgo = 1; daysAgo <= 31; daysAgo += 1) await pastPaper('streak-4', daysAgo, 'submitted');
    expect(await streakOf('streak-4')).toBe(31);
  });
});
