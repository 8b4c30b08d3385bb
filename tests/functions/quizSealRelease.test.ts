import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

// A sealed question a contest draws stays out of practice, 背题, the wrong-book practice and daily
// papers until every contest that drew it is over; then it is served like any open question.
jest.setTimeout(120_000);

let fc: FunctionCloud;
let db: Db;
const history = 'socialism';
let x = '';
let y = '';

beforeAll(async () => {
  fc = await startFunctionCloud();
  ({ db } = connectSdk(fc.cloud));
  const _ = db.command;
  // The history's bank, as this file sets it: two sealed questions, every other one retired.
  const { data } = (await db.collection('questions').where({ history }).field({ _id: true }).limit(1000).get()) as { data: Array<{ _id: string }> };
  [x, y] = data.map((d) => d._id) as [string, string];
  await db.collection('questions').where({ history }).update({ data: { retired: true, sealed: false, sealedUntil: _.remove() } });
  await db.collection('questions').where({ _id: _.in([x, y]) }).update({ data: { retired: false, sealed: true } });
});

afterAll(async () => {
  await fc?.close();
});

const hour = 3_600_000;

async function addContest(id: string, endsInMs: number): Promise<Date> {
  const now = Date.now();
  const endsAt = new Date(now + endsInMs);
  await db.collection('contests').add({
    data: { _id: id, title: '社会主义发展史竞赛', startsAt: new Date(now - 60_000), endsAt, histories: [history], questionCount: 2, timeLimitSeconds: 300, orgIds: ['qh'], createdBy: 'test', createdAt: new Date(now) },
  });
  return endsAt;
}

async function sealedUntil(): Promise<Array<string | null>> {
  const { data } = (await db.collection('questions').where({ _id: db.command.in([x, y]) }).field({ sealedUntil: true }).get()) as { data: Array<{ sealedUntil?: string }> };
  return data.map((d) => (d.sealedUntil ? new Date(d.sealedUntil).toISOString() : null));
}

const over = (endsAt: Date) => new Date(endsAt.getTime() + 30_000).toISOString();

/** What each open use serves of the history to `openid` now. */
async function openUses(openid: string): Promise<{ practice: string; wrongBook: string; study: string[]; daily: string[] }> {
  const practice = await fc.call(openid, 'quiz', 'practiceNext', { from: 'history', history });
  const wrongBook = await fc.call(openid, 'quiz', 'practiceNext', { from: 'wrongBook' });
  const study = await fc.call(openid, 'quiz', 'browseQuestions', { history });
  const daily = await fc.call(`${openid}-daily-${Date.now()}`, 'quiz', 'startDaily', {});
  if (!study.ok || !daily.ok) throw new Error('study or daily failed');
  return {
    practice: practice.ok ? practice.data.question.id : practice.code,
    wrongBook: wrongBook.ok ? wrongBook.data.question.id : wrongBook.code,
    study: study.data.items.map((i) => i.id).sort(),
    daily: daily.data.questions.map((q) => q.id).filter((id) => id === x || id === y),
  };
}

test('a contest seals what it draws until it is over; a later-ending contest that draws it too holds it longer, an earlier-ending one does not shorten it', async () => {
  const endsA = await addContest('seal-a', hour);
  const a = await fc.call('rel-a', 'quiz', 'startContest', { contestId: 'seal-a' });
  if (!a.ok) throw new Error(a.message);
  expect(a.data.questions.map((q) => q.id).sort()).toEqual([x, y].sort());
  expect(await sealedUntil()).toEqual([over(endsA), over(endsA)]);

  const endsB = await addContest('seal-b', 2 * hour);
  expect(await fc.call('rel-b', 'quiz', 'startContest', { contestId: 'seal-b' })).toMatchObject({ ok: true });
  expect(await sealedUntil()).toEqual([over(endsB), over(endsB)]);

  await addContest('seal-c', 1.5 * hour);
  expect(await fc.call('rel-c', 'quiz', 'startContest', { contestId: 'seal-c' })).toMatchObject({ ok: true });
  expect(await sealedUntil()).toEqual([over(endsB), over(endsB)]);
});

test('until the contest is over its questions are kept from every open use; from that moment on they are served', async () => {
  // The worker of contest A got both wrong: both are in their wrong-answer book.
  const attemptId = 'contest_seal-a_rel-a';
  const submitted = await fc.call('rel-a', 'quiz', 'submitAttempt', { attemptId, answers: [] });
  expect(submitted).toMatchObject({ ok: true, data: { score: 0 } });

  expect(await openUses('rel-a')).toEqual({ practice: 'NO_QUESTIONS', wrongBook: 'WRONG_BOOK_EMPTY', study: [], daily: [] });

  // The last contest holding them is over in a few seconds: still kept out just before…
  const endsAt = new Date(Date.now() + 4_000);
  await db.collection('questions').where({ _id: db.command.in([x, y]) }).update({ data: { sealedUntil: endsAt } });
  expect(await openUses('rel-a')).toEqual({ practice: 'NO_QUESTIONS', wrongBook: 'WRONG_BOOK_EMPTY', study: [], daily: [] });
  // …and served once that moment has passed.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, endsAt.getTime() - Date.now()) + 50));
  const after = await openUses('rel-a');
  expect([x, y]).toContain(after.practice);
  expect([x, y]).toContain(after.wrongBook);
  expect(after.study).toEqual([x, y].sort());
  expect(after.daily.sort()).toEqual([x, y].sort());

  // Released questions are no longer drawn as sealed ones: a new contest seals nothing again.
  await addContest('seal-d', hour);
  expect(await fc.call('rel-d', 'quiz', 'startContest', { contestId: 'seal-d' })).toMatchObject({ ok: true });
  expect(await sealedUntil()).toEqual([endsAt.toISOString(), endsAt.toISOString()]);
});
