import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
});

afterAll(async () => {
  await fc?.close();
});

type Letter = 'A' | 'B' | 'C' | 'D' | 'E';
type Served = { id: string; answer: Letter[]; options: Array<{ key: Letter; text: string; letter: string }> };

/** The question last served to a worker in practice, as the server keeps it (as only a test can read it). */
async function servedQuestion(openid: string): Promise<Served> {
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection('quiz_seen').where({ _id: `practice_${openid}` }).get()) as { data: Array<{ question: Served }> };
  if (!data[0]?.question) throw new Error('nothing served');
  return data[0].question;
}

/** The right option ids of the question a worker was last served, in practice or in a challenge run. */
async function servedAnswer(openid: string, challengeId?: string): Promise<Letter[]> {
  if (!challengeId) return (await servedQuestion(openid)).answer;
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection('attempts').where({ _id: challengeId }).get()) as { data: Array<{ current: Served }> };
  return data[0]?.current.answer ?? [];
}

/** One option that is not among the right ones. */
async function wrongChoice(openid: string, challengeId?: string): Promise<Letter[]> {
  const { db } = connectSdk(fc.cloud);
  const question = challengeId ? ((await db.collection('attempts').where({ _id: challengeId }).get()) as { data: Array<{ current: Served }> }).data[0]?.current : await servedQuestion(openid);
  const wrong = question?.options.find((o) => !question.answer.includes(o.key));
  return wrong ? [wrong.key] : [];
}

function hasAnswerKeys(value: unknown): boolean {
  return /"(answer|explanation)"/.test(JSON.stringify(value));
}

describe('quiz function: 专项练习, 挑战答题 and 错题本', () => {
  test('a worker practises one history: each answer is checked by the server and explained at once', async () => {
    const next = await fc.call('pr-1', 'quiz', 'practiceNext', { from: 'history', history: 'labor' });
    if (!next.ok) throw new Error(next.message);
    expect(hasAnswerKeys(next)).toBe(false);
    expect(next.data.question.history).toBe('labor');
    const answer = await servedAnswer('pr-1');
    const verdict = await fc.call('pr-1', 'quiz', 'practiceAnswer', { questionId: next.data.question.id, choice: answer });
    if (!verdict.ok) throw new Error(verdict.message);
    expect(verdict.data).toMatchObject({ correct: true, answer, pointsAwarded: 1 });
    expect(verdict.data.explanation).toMatch(/。$/);
    // The same question cannot be answered twice, nor one that was never handed out.
    expect(await fc.call('pr-1', 'quiz', 'practiceAnswer', { questionId: next.data.question.id, choice: answer })).toMatchObject({ ok: false, code: 'NOT_SERVED' });
    expect(await fc.call('pr-1', 'quiz', 'practiceAnswer', { questionId: 'party-001', choice: ['A'] })).toMatchObject({ ok: false, code: 'NOT_SERVED' });
  });

  test('a question leaves the 错题本 after it is answered right twice in a row', async () => {
    const next = await fc.call('pr-2', 'quiz', 'practiceNext', { from: 'history', history: 'party' });
    if (!next.ok) throw new Error(next.message);
    const id = next.data.question.id;
    await fc.call('pr-2', 'quiz', 'practiceAnswer', { questionId: id, choice: await wrongChoice('pr-2') });
    const book = await fc.call('pr-2', 'quiz', 'listWrongBook', {});
    expect(book).toMatchObject({ ok: true, data: { items: [{ questionId: id, wrongCount: 1, rightStreak: 0 }] } });

    const review = async (right: boolean) => {
      const served = await fc.call('pr-2', 'quiz', 'practiceNext', { from: 'wrongBook' });
      if (!served.ok) throw new Error(served.message);
      expect(served.data.question.id).toBe(id);
      return fc.call('pr-2', 'quiz', 'practiceAnswer', { questionId: id, choice: right ? await servedAnswer('pr-2') : await wrongChoice('pr-2') });
    };
    await review(true);
    await review(false); // a wrong answer breaks the run
    await review(true);
    expect(await fc.call('pr-2', 'quiz', 'listWrongBook', {})).toMatchObject({ ok: true, data: { items: [{ questionId: id, wrongCount: 2, rightStreak: 1 }] } });
    await review(true);
    expect(await fc.call('pr-2', 'quiz', 'listWrongBook', {})).toMatchObject({ ok: true, data: { items: [] } });
    expect(await fc.call('pr-2', 'quiz', 'practiceNext', { from: 'wrongBook' })).toMatchObject({ ok: false, code: 'WRONG_BOOK_EMPTY' });
  });

  test('the 错题本 pages by its sort key: every entry once, latest first, ties in one submission included', async () => {
    const { db } = connectSdk(fc.cloud);
    // Open questions: a sealed one reaches the book only from a contest paper, and shows once released.
    const { data: bank } = (await db.collection('questions').where({ history: 'prc', sealed: db.command.neq(true) }).orderBy('_id', 'asc').limit(45).get()) as { data: Array<{ _id: string }> };
    const base = Date.UTC(2026, 10, 1);
    // Entries from one submission share updatedAt: groups of five.
    const entries = bank.map((q, i) => ({ _id: `pg-1|${q._id}`, openid: 'pg-1', questionId: q._id, wrongCount: 1, rightStreak: 0, updatedAt: new Date(base + Math.floor(i / 5) * 60_000) }));
    await db.collection('wrong_book').add({ data: entries });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const reply = await fc.call('pg-1', 'quiz', 'listWrongBook', { pageSize: 20, ...(cursor ? { cursor } : {}) });
      if (!reply.ok) throw new Error(reply.message);
      expect(reply.data.total).toBe(45);
      seen.push(...reply.data.items.map((i) => i.questionId));
      if (!reply.data.nextCursor) break;
      cursor = reply.data.nextCursor;
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
    // Latest group first.
    expect(seen.slice(0, 5).sort()).toEqual(bank.slice(40, 45).map((q) => q._id).sort());
    // Another worker's cursor reads only the caller's book.
    const other = await fc.call('pg-2', 'quiz', 'listWrongBook', { cursor: cursor ?? '' });
    expect(other).toMatchObject({ ok: true, data: { items: [], total: 0 } });
    expect(await fc.callRaw('pg-1', 'quiz', { action: 'listWrongBook', input: { cursor: { $gt: '' } } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  test('a challenge hands out the next question only after a right answer and ends at the first wrong one; the streak is the score', async () => {
    const started = await fc.call('ch-1', 'quiz', 'challengeStart', {});
    if (!started.ok) throw new Error(started.message);
    expect(hasAnswerKeys(started)).toBe(false);
    let question = started.data.question;
    for (let n = 1; n <= 3; n += 1) {
      const right = await servedAnswer('ch-1', started.data.attemptId);
      const step = await fc.call('ch-1', 'quiz', 'challengeAnswer', { attemptId: started.data.attemptId, questionId: question.id, choice: right });
      if (!step.ok) throw new Error(step.message);
      expect(step.data).toMatchObject({ correct: true, streak: n, finished: false });
      expect(hasAnswerKeys(step.data.next)).toBe(false);
      // Answering the same question again does not count twice.
      expect(await fc.call('ch-1', 'quiz', 'challengeAnswer', { attemptId: started.data.attemptId, questionId: question.id, choice: right })).toMatchObject({ ok: false, code: 'NOT_SERVED' });
      question = step.data.next ?? question;
    }
    const last = await fc.call('ch-1', 'quiz', 'challengeAnswer', { attemptId: started.data.attemptId, questionId: question.id, choice: await wrongChoice('ch-1', started.data.attemptId) });
    expect(last).toMatchObject({ ok: true, data: { correct: false, streak: 3, finished: true, next: null, pointsAwarded: 3 } });
    expect(await fc.call('ch-1', 'quiz', 'challengeAnswer', { attemptId: started.data.attemptId, questionId: question.id, choice: ['A'] })).toMatchObject({ ok: false, code: 'ATTEMPT_CLOSED' });
    expect(await fc.call('ch-2', 'quiz', 'challengeAnswer', { attemptId: started.data.attemptId, questionId: question.id, choice: ['A'] })).toMatchObject({ ok: false, code: 'NOT_YOUR_ATTEMPT' });
  });

  test('practice never hands out a question of the worker’s open daily paper', async () => {
    const paper = await fc.call('pr-3', 'quiz', 'startDaily', {});
    if (!paper.ok) throw new Error(paper.message);
    const onPaper = new Set(paper.data.questions.map((q) => q.id));
    for (let i = 0; i < 15; i += 1) {
      const next = await fc.call('pr-3', 'quiz', 'practiceNext', { from: 'history', history: 'socialism' });
      if (!next.ok) throw new Error(next.message);
      expect(onPaper.has(next.data.question.id)).toBe(false);
    }
  });

  test('a practice question that is on the worker’s open daily paper is not checked until the paper is submitted', async () => {
    const served = await fc.call('pr-5', 'quiz', 'practiceNext', { from: 'history', history: 'prc' });
    if (!served.ok) throw new Error(served.message);
    const paper = await fc.call('pr-5', 'quiz', 'startDaily', {});
    if (!paper.ok) throw new Error(paper.message);
    // Put the served question on the open paper, as a paper drawn after it could.
    const { db } = connectSdk(fc.cloud);
    await db.collection('attempts').doc(paper.data.attemptId).update({ data: { 'paper.0.id': served.data.question.id } });
    const reply = await fc.call('pr-5', 'quiz', 'practiceAnswer', { questionId: served.data.question.id, choice: ['A'] });
    expect(reply).toMatchObject({ ok: false, code: 'NOT_SERVED' });
    expect(JSON.stringify(reply)).not.toMatch(/"(answer|explanation)"/);
  });

  test.each([
    ['an injected operator as history', { from: 'history', history: { $gt: '' } }],
    ['an unknown source', { from: 'everything' }],
    ['an extra field', { from: 'wrongBook', history: 'party' }],
  ])('bad practice input (%s) is refused', async (_name, input) => {
    expect(await fc.callRaw('pr-4', 'quiz', { action: 'practiceNext', input })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
});

describe('daily points cap, end to end', () => {
  test('a worker who answers eleven different practice questions right in a day earns only the daily cap of 10 points, and a question met again earns nothing more', async () => {
    const awards: number[] = [];
    const expected: number[] = [];
    const met = new Set<string>();
    // Until eleven different questions have been answered right (at most 40 answers).
    for (let i = 0; i < 40 && met.size < 11; i += 1) {
      const next = await fc.call('pr-cap', 'quiz', 'practiceNext', { from: 'history', history: 'reform' });
      if (!next.ok) throw new Error(next.message);
      // Practice may hand the same question out again; its point was earned the first time.
      const earned = expected.reduce((a, b) => a + b, 0);
      expected.push(!met.has(next.data.question.id) && earned < 10 ? 1 : 0);
      met.add(next.data.question.id);
      const verdict = await fc.call('pr-cap', 'quiz', 'practiceAnswer', { questionId: next.data.question.id, choice: await servedAnswer('pr-cap') });
      if (!verdict.ok) throw new Error(verdict.message);
      expect(verdict.data.correct).toBe(true);
      awards.push(verdict.data.pointsAwarded);
    }
    expect(awards).toEqual(expected);
    expect(met.size).toBe(11);
    expect(awards.reduce((a, b) => a + b, 0)).toBe(10);
    const { db } = connectSdk(fc.cloud);
    const { data } = (await db.collection('points_ledger').where({ openid: 'pr-cap' }).limit(100).get()) as { data: Array<{ points: number }> };
    expect(data.reduce((sum, entry) => sum + entry.points, 0)).toBe(10);
  });
});
