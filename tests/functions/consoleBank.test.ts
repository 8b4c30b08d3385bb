import { connectSdk } from '../localcloud/helpers/testCloud';
import type { EditorQuestion, ImportReport, ReportGroup } from '../../server/contracts/quiz';
import { toCsv } from '../../server/content/csv';
import { questionColumns, questionToCells } from '../../server/content/questionRows';
import type { Question } from '../../server/content/questionSchema';
import { ConsoleClient } from './harness/consoleClient';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(120000);

let fc: FunctionCloud;
let db: ReturnType<typeof connectSdk>['db'];
let editor: ConsoleClient;

function ok<T>(reply: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`);
  return reply.data;
}

const plain = ({ retired: _r, updatedAt: _u, ...q }: EditorQuestion): Question => q;
const csvOf = (questions: Question[]) =>
  Buffer.from(toCsv([questionColumns.map((c) => c.header), ...questions.map((q) => questionColumns.map((c) => String(questionToCells(q)[c.key])))])).toString('base64');

beforeAll(async () => {
  fc = await startFunctionCloud();
  db = connectSdk(fc.cloud).db;
  await db.collection('roles').add({ data: { _id: 'editor--cb-editor', openid: 'cb-editor', role: 'editor', orgId: null, grantedBy: 'setup', grantedAt: new Date() } });
  await db.collection('roles').add({ data: { _id: 'cadre-qh-xining-cb-cadre', openid: 'cb-cadre', role: 'cadre', orgId: 'qh-xining', grantedBy: 'setup', grantedAt: new Date() } });
  editor = new ConsoleClient(fc.cloud);
  await editor.logInAs('cb-editor');
});

afterAll(async () => {
  await fc?.close();
});

test('editors page through the bank in id order with filters and stem search; a cadre may not', async () => {
  const first = ok(await editor.call<{ items: EditorQuestion[]; nextCursor: string | null; total: number }>('quiz', 'listBankQuestions', { history: 'labor', limit: 5 }));
  expect(first.items.map((q) => q.id)).toEqual(['labor-001', 'labor-002', 'labor-003', 'labor-004', 'labor-005']);
  expect(first.items[0]).toMatchObject({ answer: ['D'], sealed: true, retired: false });
  const second = ok(await editor.call<{ items: EditorQuestion[] }>('quiz', 'listBankQuestions', { history: 'labor', limit: 5, cursor: first.nextCursor }));
  expect(second.items[0]?.id).toBe('labor-006');
  const judges = ok(await editor.call<{ items: EditorQuestion[]; total: number }>('quiz', 'listBankQuestions', { type: 'judge', sealed: false, limit: 50 }));
  expect(judges.total).toBeGreaterThan(0);
  expect(judges.items.every((q) => q.type === 'judge' && q.sealed !== true)).toBe(true);
  const found = ok(await editor.call<{ items: EditorQuestion[] }>('quiz', 'listBankQuestions', { search: '京汉铁路总工会成立大会' }));
  expect(found.items.map((q) => q.history)).toEqual(['labor']);

  const cadre = new ConsoleClient(fc.cloud);
  await cadre.logInAs('cb-cadre');
  expect(await cadre.call('quiz', 'listBankQuestions', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await fc.call('cb-cadre', 'quiz', 'getBankQuestion', { id: 'labor-001' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('an edit is judged by the bank’s schema: a broken one is refused and changes nothing, a good one is kept and audited', async () => {
  const before = ok(await editor.call<EditorQuestion>('quiz', 'getBankQuestion', { id: 'labor-002' }));
  const { history: _h, ...fields } = plain(before);
  const broken = await editor.call('quiz', 'saveBankQuestion', { ...fields, options: fields.options.slice(0, 3), explanation: '太短了' });
  expect(broken).toMatchObject({ ok: false, code: 'QUESTION_INVALID' });
  // In the editor's words, naming the field.
  expect((broken as { message: string }).message).toContain('选项:单选题应有 4 个选项,现在是 3 个');
  expect((broken as { message: string }).message).toContain('解析要以句号“。”结尾');
  expect(plain(ok(await editor.call<EditorQuestion>('quiz', 'getBankQuestion', { id: 'labor-002' })))).toEqual(plain(before));

  const saved = ok(await editor.call<EditorQuestion>('quiz', 'saveBankQuestion', { ...fields, difficulty: before.difficulty === 3 ? 2 : 3 }));
  expect(saved.updatedAt).not.toBeNull();
  expect(ok(await editor.call<EditorQuestion>('quiz', 'getBankQuestion', { id: 'labor-002' })).difficulty).toBe(saved.difficulty);
  const { data: audit } = await db.collection('audit_log').where({ actorOpenid: 'cb-editor' }).get();
  expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'question.edit', target: 'labor-002' }), expect.objectContaining({ action: 'quiz.saveBankQuestion', via: 'console', ok: false })]));
});

test('a retired question is never served; restoring it serves it again', async () => {
  // Only labor-210 and labor-211 stay in the labor practice pool.
  await db.collection('questions').where({ history: 'labor' }).update({ data: { retired: true } });
  for (const id of ['labor-210', 'labor-211']) ok(await editor.call('quiz', 'setQuestionRetired', { id, retired: false }));
  const open = ok(await editor.call<{ items: EditorQuestion[] }>('quiz', 'listBankQuestions', { history: 'labor', retired: false, sealed: false }));
  expect(open.items.map((q) => q.id)).toEqual(['labor-210', 'labor-211']);
  expect(ok(await editor.call<EditorQuestion>('quiz', 'setQuestionRetired', { id: 'labor-210', retired: true })).retired).toBe(true);
  const served = new Set<string>();
  for (let i = 0; i < 6; i += 1) served.add(ok(await fc.call('cb-worker', 'quiz', 'practiceNext', { from: 'history', history: 'labor' })).question.id);
  expect([...served]).toEqual(['labor-211']);
  ok(await editor.call('quiz', 'setQuestionRetired', { id: 'labor-211', retired: true }));
  expect(await fc.call('cb-worker', 'quiz', 'practiceNext', { from: 'history', history: 'labor' })).toMatchObject({ ok: false, code: 'NO_QUESTIONS' });
  await db.collection('questions').where({ history: 'labor' }).update({ data: { retired: false } });
});

test('an import with one bad row names the row and writes nothing; a good one adds and replaces', async () => {
  const [a, b] = (await Promise.all(['prc-010', 'prc-011'].map(async (id) => ok(await editor.call<EditorQuestion>('quiz', 'getBankQuestion', { id }))))).map(plain) as [Question, Question];
  await db.collection('questions').doc('prc-011').remove();
  const changed = { ...a, difficulty: a.difficulty === 1 ? 2 : 1 } as Question;
  const bad = await editor.call<ImportReport>('quiz', 'importBankQuestions', { format: 'csv', contentBase64: csvOf([changed, b, { ...a, id: 'prc-012', answer: ['E'] } as Question]) });
  const report = ok(bad);
  expect(report.imported).toBe(false);
  expect(report.rows.map((r) => [r.row, r.id, r.problems.length > 0])).toEqual([[2, 'prc-010', false], [3, 'prc-011', false], [4, 'prc-012', true]]);
  expect(report.rows[2]?.problems).toEqual(['答案 E 不在 4 个选项之中']);
  expect(await editor.call('quiz', 'getBankQuestion', { id: 'prc-011' })).toMatchObject({ ok: false, code: 'QUESTION_NOT_FOUND' });
  expect(ok(await editor.call<EditorQuestion>('quiz', 'getBankQuestion', { id: 'prc-010' })).difficulty).toBe(a.difficulty);

  const copied = ok(await editor.call<ImportReport>('quiz', 'importBankQuestions', { format: 'csv', contentBase64: csvOf([{ ...a, id: 'prc-999' }]) }));
  expect(copied).toMatchObject({ imported: false, bankErrors: [expect.objectContaining({ id: 'prc-999', message: expect.stringContaining('prc-010') })] });

  const good = ok(await editor.call<ImportReport>('quiz', 'importBankQuestions', { format: 'csv', contentBase64: csvOf([changed, b]) }));
  expect(good).toMatchObject({ imported: true, added: 1, replaced: 1, bankErrors: [] });
  expect(plain(ok(await editor.call<EditorQuestion>('quiz', 'getBankQuestion', { id: 'prc-011' })))).toEqual(b);
  expect(ok(await editor.call<EditorQuestion>('quiz', 'getBankQuestion', { id: 'prc-010' })).difficulty).toBe(changed.difficulty);
});

test('an export as xlsx imports back unchanged', async () => {
  const exported = ok(await editor.call<{ tempFileURL: string; rows: number }>('quiz', 'exportBankQuestions', { history: 'reform', format: 'xlsx' }));
  expect(exported.rows).toBe(194);
  const bytes = Buffer.from(await (await fetch(exported.tempFileURL)).arrayBuffer());
  const again = ok(await editor.call<ImportReport>('quiz', 'importBankQuestions', { format: 'xlsx', contentBase64: bytes.toString('base64'), dryRun: true }));
  expect(again).toMatchObject({ imported: true, dryRun: true, added: 0, replaced: 194, sheetProblems: [], bankErrors: [] });
});

test('纠错 reports are listed per question and closed with a reply each reporter sees', async () => {
  for (const [openid, questionId, note] of [['w1', 'party-003', '答案应为B'], ['w2', 'party-003', '同上'], ['w1', 'prc-020', '有错别字']] as const) {
    ok(await fc.call(openid, 'quiz', 'reportQuestion', { questionId, reason: 'answer', note }));
  }
  const { groups, nextOffset } = ok(await editor.call<{ groups: ReportGroup[]; nextOffset: number | null }>('quiz', 'listQuestionReports', {}));
  expect(nextOffset).toBeNull();
  expect(groups.map((g) => [g.questionId, g.count])).toEqual([['party-003', 2], ['prc-020', 1]]);
  expect(groups[0]).toMatchObject({ reasons: { answer: 2 }, notes: ['同上', '答案应为B'], stem: expect.any(String) });
  expect(ok(await editor.call<{ groups: ReportGroup[]; nextOffset: number | null }>('quiz', 'listQuestionReports', { limit: 1 })).nextOffset).toBe(1);

  expect(ok(await editor.call('quiz', 'closeQuestionReports', { questionId: 'party-003', outcome: 'resolved', reply: '已核实并更正答案,感谢指正。' }))).toEqual({ questionId: 'party-003', closed: 2 });
  expect(await editor.call('quiz', 'closeQuestionReports', { questionId: 'party-003', outcome: 'rejected', reply: '重复处理' })).toMatchObject({ ok: false, code: 'NO_OPEN_REPORTS' });
  ok(await editor.call('quiz', 'closeQuestionReports', { questionId: 'prc-020', outcome: 'rejected', reply: '经核对原文,题目无误。' }));

  const mine = ok(await fc.call('w1', 'quiz', 'listMyReports', {})).items;
  expect(mine).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ questionId: 'party-003', status: 'resolved', reply: '已核实并更正答案,感谢指正。' }),
      expect.objectContaining({ questionId: 'prc-020', status: 'rejected', reply: '经核对原文,题目无误。' }),
    ]),
  );
  // A closed report no longer blocks the same worker from reporting the question again.
  ok(await fc.call('w1', 'quiz', 'reportQuestion', { questionId: 'party-003', reason: 'other', note: '还有一处问题' }));
  expect(ok(await editor.call<{ groups: ReportGroup[] }>('quiz', 'listQuestionReports', {})).groups.map((g) => [g.questionId, g.count])).toEqual([['party-003', 1]]);
});
