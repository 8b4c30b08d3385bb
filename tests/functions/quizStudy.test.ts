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

describe('quiz function: 背题 and 纠错', () => {
  test('背题 pages through the open pool with answers and explanations, never a sealed contest question', async () => {
    const { db } = connectSdk(fc.cloud);
    const { data: sealed } = (await db.collection('questions').where({ history: 'labor', sealed: true }).field({ _id: true }).limit(1000).get()) as { data: Array<{ _id: string }> };
    const { total: all } = await db.collection('questions').where({ history: 'labor' }).count();
    expect(sealed.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let after: string | undefined;
    let total = 0;
    for (let page = 0; page < 100; page += 1) {
      const reply = await fc.call('st-1', 'quiz', 'browseQuestions', { history: 'labor', ...(after ? { after } : {}) });
      if (!reply.ok) throw new Error(reply.message);
      total = reply.data.total;
      for (const card of reply.data.items) {
        expect(card.options.some((o) => o.right)).toBe(true);
        expect(card.explanation).toMatch(/。$/);
        expect(card.source.length).toBeGreaterThan(0);
      }
      seen.push(...reply.data.items.map((c) => c.id));
      if (!reply.data.nextCursor) break;
      after = reply.data.nextCursor;
    }
    expect(total).toBe(all - sealed.length);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const sealedIds = new Set(sealed.map((s) => s._id));
    expect(seen.filter((id) => sealedIds.has(id))).toEqual([]);
  });

  test('背题 leaves out the questions of the worker’s open daily paper until it is submitted', async () => {
    const started = await fc.call('st-2', 'quiz', 'startDaily', {});
    if (!started.ok) throw new Error(started.message);
    const onPaper = new Set(started.data.questions.map((q) => q.id));
    const histories = [...new Set(started.data.questions.map((q) => q.history))];
    for (const history of histories) {
      let after: string | undefined;
      for (let page = 0; page < 100; page += 1) {
        const reply = await fc.call('st-2', 'quiz', 'browseQuestions', { history, ...(after ? { after } : {}) });
        if (!reply.ok) throw new Error(reply.message);
        expect(reply.data.items.filter((c) => onPaper.has(c.id))).toEqual([]);
        if (!reply.data.nextCursor) break;
        after = reply.data.nextCursor;
      }
    }
  });

  test('a worker reports a question once while it is open; reports are counted per question; the outcome reaches the reporter', async () => {
    const report = { questionId: 'party-001', reason: 'explanation' as const, note: '解析里的年份和题干不一致' };
    expect(await fc.call('rp-1', 'quiz', 'reportQuestion', report)).toMatchObject({ ok: true, data: { reportId: 'party-001:rp-1', reports: 1 } });
    expect(await fc.call('rp-1', 'quiz', 'reportQuestion', { ...report, note: '再说一次' })).toMatchObject({ ok: false, code: 'ALREADY_REPORTED' });
    expect(await fc.call('rp-2', 'quiz', 'reportQuestion', { ...report, reason: 'answer' })).toMatchObject({ ok: true, data: { reports: 2 } });

    const mine = await fc.call('rp-1', 'quiz', 'listMyReports', {});
    if (!mine.ok) throw new Error(mine.message);
    expect(mine.data.items).toMatchObject([{ questionId: 'party-001', reason: 'explanation', status: 'open', reply: null }]);
    expect(mine.data.items[0]?.stem.length).toBeGreaterThan(0);

    // An editor closes it (the console's side writes these fields).
    const { db } = connectSdk(fc.cloud);
    await db.collection('questionReports').doc('party-001:rp-1').update({ data: { status: 'resolved', reply: '已更正解析中的年份', closedAt: new Date(), closedBy: 'editor-1' } });
    const closed = await fc.call('rp-1', 'quiz', 'listMyReports', {});
    expect(closed).toMatchObject({ ok: true, data: { items: [{ status: 'resolved', reply: '已更正解析中的年份' }] } });

    // A new report after the outcome is a new open report; the closed one keeps its outcome.
    expect(await fc.call('rp-1', 'quiz', 'reportQuestion', { ...report, note: '更正后选项顺序也不对' })).toMatchObject({ ok: true, data: { reports: 3 } });
    const again = await fc.call('rp-1', 'quiz', 'listMyReports', {});
    if (!again.ok) throw new Error(again.message);
    expect(again.data.items.map((i) => i.status).sort()).toEqual(['open', 'resolved']);
    const { data: counts } = await db.collection('questionReportCounts').where({ _id: 'party-001' }).get();
    expect(counts[0]).toMatchObject({ reports: 3 });
  });

  test('a report with a rejected note, an unknown question or injected input writes nothing', async () => {
    expect(await fc.call('rp-3', 'quiz', 'reportQuestion', { questionId: 'prc-002', reason: 'other', note: '违禁测试词' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(await fc.call('rp-3', 'quiz', 'reportQuestion', { questionId: 'prc-999', reason: 'other', note: '这道题不存在' })).toMatchObject({ ok: false, code: 'QUESTION_NOT_FOUND' });
    expect(await fc.callRaw('rp-3', 'quiz', { action: 'reportQuestion', input: { questionId: 'prc-002', reason: 'other', note: '说明', openid: 'rp-1' } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await fc.callRaw('rp-3', 'quiz', { action: 'reportQuestion', input: { questionId: { $gt: '' }, reason: 'other', note: '说明' } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await fc.callRaw('rp-3', 'quiz', { action: 'browseQuestions', input: { history: 'party', after: { $gt: '' } } })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const { db } = connectSdk(fc.cloud);
    expect((await db.collection('questionReports').where({ openid: 'rp-3' }).count()).total).toBe(0);
    expect((await db.collection('questionReportCounts').where({ _id: 'prc-002' }).count()).total).toBe(0);
  });

  test('我的纠错 pages by the sort key', async () => {
    const { db } = connectSdk(fc.cloud);
    const base = Date.UTC(2026, 10, 2);
    const docs = Array.from({ length: 25 }, (_, i) => ({ _id: `reform-${String(i + 1).padStart(3, '0')}:rp-4`, questionId: `reform-${String(i + 1).padStart(3, '0')}`, openid: 'rp-4', reason: 'other', note: '说明', status: 'open', createdAt: new Date(base + Math.floor(i / 3) * 1000) }));
    await db.collection('questionReports').add({ data: docs });
    const first = await fc.call('rp-4', 'quiz', 'listMyReports', {});
    if (!first.ok || !first.data.nextCursor) throw new Error('no first page');
    const second = await fc.call('rp-4', 'quiz', 'listMyReports', { cursor: first.data.nextCursor });
    if (!second.ok) throw new Error(second.message);
    const ids = [...first.data.items, ...second.data.items].map((i) => i.id);
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    expect(second.data.nextCursor).toBeNull();
  });
});
