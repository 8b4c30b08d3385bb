import { subscribeTemplates } from '../../server/domain/requests/subscribeTemplates';
import { convergenceWorld, expectConvergence, untagged } from './harness/convergence';
import { acceptTemplates } from './harness/subscriptions';

// An editor's answer to a 纠错 reaches the reporter: always in the 消息 centre, pushed with a unit of
// the template left; once per report, whatever step the editor's call dies at.
const world = convergenceWorld(300_000);
const { all } = world;
const template = subscribeTemplates.reportOutcome;

async function editor(openid: string): Promise<void> {
  await world.db.collection('roles').add({ data: { _id: `editor--${openid}`, openid, role: 'editor', orgId: null, grantedBy: 'setup', grantedAt: new Date() } });
}

async function report(openid: string, questionId: string, note: string): Promise<void> {
  const filed = await world.fc.call(openid, 'quiz', 'reportQuestion', { questionId, reason: 'answer', note });
  if (!filed.ok) throw new Error(filed.message);
}

const pushesTo = async (openid: string) =>
  (await world.fc.cloud.outbox()).filter((e) => e.apiName === 'subscribeMessage.send' && (e.payload as { touser: string }).touser === openid).map((e) => e.payload as { templateId: string; page: string; data: Record<string, { value: string }> });

test('each reporter finds the outcome and the reply in the 消息 centre; one with a unit of the template is pushed it, once', async () => {
  await editor('ro-editor');
  await acceptTemplates(world.fc, 'ro-subscribed', [template]);
  await report('ro-subscribed', 'party-003', '答案应为B');
  await report('ro-plain', 'party-003', '同上');
  await report('ro-plain', 'prc-020', '有错别字');
  const [question] = await all('questions', { _id: 'party-003' });
  const stem = String(question?.stem);

  const reply = '已核实并更正答案,感谢指正。';
  expect(await world.fc.call('ro-editor', 'quiz', 'closeQuestionReports', { questionId: 'party-003', outcome: 'resolved', reply })).toMatchObject({ ok: true, data: { closed: 2 } });
  expect(await world.fc.call('ro-editor', 'quiz', 'closeQuestionReports', { questionId: 'prc-020', outcome: 'rejected', reply: '经核对原文,题目无误。' })).toMatchObject({ ok: true });

  const subscribed = await world.fc.call('ro-subscribed', 'account', 'listMessages', {});
  expect(subscribed.ok && subscribed.data.messages).toEqual([
    expect.objectContaining({ kind: 'reportOutcome', title: '纠错已采纳', summary: Array.from(stem).length <= 40 ? stem : expect.stringMatching(/…$/), note: reply, url: '/pages/quiz/reports/index', read: false }),
  ]);
  expect(subscribed.ok && subscribed.data.unread).toBe(1);
  const plain = await world.fc.call('ro-plain', 'account', 'listMessages', {});
  expect(plain.ok && plain.data.messages.map((m) => [m.kind, m.title, m.note]).sort()).toEqual([
    ['reportOutcome', '纠错已采纳', reply],
    ['reportOutcome', '纠错未被采纳', '经核对原文,题目无误。'],
  ]);

  // The subscribed reporter's unit went to the outcome; the other accepted nothing and gets no push.
  const pushed = await pushesTo('ro-subscribed');
  expect(pushed).toEqual([expect.objectContaining({ templateId: template, page: 'pages/quiz/reports/index' })]);
  expect(pushed[0]?.data.phrase2).toEqual({ value: '已采纳' });
  expect(await pushesTo('ro-plain')).toEqual([]);
  expect(world.fc.cloud.subscriptionQuota('ro-subscribed', template)).toBe(0);
  expect((await all('subscriptions', { openid: 'ro-subscribed' })).map((s) => s.quota)).toEqual([0]);

  // Asking again changes nothing; a new report of the same question, once closed, is a new notice.
  expect(await world.fc.call('ro-editor', 'quiz', 'closeQuestionReports', { questionId: 'party-003', outcome: 'rejected', reply: '重复处理' })).toMatchObject({ ok: false, code: 'NO_OPEN_REPORTS' });
  await report('ro-subscribed', 'party-003', '还有一处问题');
  expect(await world.fc.call('ro-editor', 'quiz', 'closeQuestionReports', { questionId: 'party-003', outcome: 'rejected', reply: '这一处没有问题。' })).toMatchObject({ ok: true, data: { closed: 1 } });
  const again = await world.fc.call('ro-subscribed', 'account', 'listMessages', {});
  expect(again.ok && again.data.messages.map((m) => m.title).sort()).toEqual(['纠错已采纳', '纠错未被采纳']);
  expect(await pushesTo('ro-subscribed')).toHaveLength(1);
});

test('closing reports that dies after any step converges on its retry: each reporter told once, pushed at most once', async () => {
  // Each run closes the reports of a question of its own.
  const questions = new Map<string, string>();
  let used = 0;
  const bank: string[] = [];
  const reporters = (tag: string) => [`ro-cv-a-${tag}`, `ro-cv-b-${tag}`];
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'quiz',
    action: 'closeQuestionReports',
    setup: async (tag) => {
      if (bank.length === 0) bank.push(...(await all('questions', { history: 'socialism' })).map((q) => String(q._id)).sort());
      used += 1;
      const questionId = bank[40 + used] as string;
      questions.set(tag, questionId);
      await editor(`ro-cv-editor-${tag}`);
      const [subscribed, plain] = reporters(tag) as [string, string];
      await acceptTemplates(world.fc, subscribed, [template], 2);
      await report(subscribed, questionId, '答案有误');
      await report(plain, questionId, '解析有误');
    },
    call: (tag) => world.fc.call(`ro-cv-editor-${tag}`, 'quiz', 'closeQuestionReports', { questionId: questions.get(tag) as string, outcome: 'resolved', reply: '已更正,感谢指正。' }),
    // A retry after every report was closed is told there is none open: the state is what must agree.
    answer: (result) => (result.ok || result.code === 'NO_OPEN_REPORTS' ? 'closed' : result),
    state: async (tag) => {
      const people = reporters(tag);
      const messages: unknown[] = [];
      const pushes: unknown[] = [];
      const quota: unknown[] = [];
      for (const openid of people) {
        // A push claimed by a run that died before recording WeChat's answer stays 'claimed'; the outbox says what was sent.
        messages.push(...(await all('messages', { openid })).map(({ kind, title, note, push }) => ({ openid, kind, title, note, push: push === undefined || push === 'pending' ? (push ?? null) : 'taken' })));
        pushes.push(...(await pushesTo(openid)).map((p) => ({ openid, templateId: p.templateId })));
        quota.push(...(await all('subscriptions', { openid })).map((s) => ({ openid, quota: s.quota })));
      }
      const audited = (await all('audit_log', { actorOpenid: `ro-cv-editor-${tag}` })).map((a) => [a.action, a.target === questions.get(tag)]);
      const reports = (await all('questionReports', { questionId: questions.get(tag) as string })).map(({ openid, status, reply, noticePending }) => ({ openid, status, reply, noticePending: noticePending ?? false }));
      return untagged({ messages, pushes, quota, audited, reports: reports.sort((a, b) => String(a.openid).localeCompare(String(b.openid))) }, tag);
    },
    maxCalls: 120,
  });
  expect(steps).toBeGreaterThan(8);
  // What every run had to reach: both reporters told, the subscribed one pushed once with a unit to spare.
  const clean = (await all('messages', { openid: world.db.command.in(reporters('clean')) })).map(({ openid, title, push }) => [openid, title, push ?? null]).sort();
  expect(clean).toEqual([
    ['ro-cv-a-clean', '纠错已采纳', 'sent'],
    ['ro-cv-b-clean', '纠错已采纳', null],
  ]);
  expect(world.fc.cloud.subscriptionQuota('ro-cv-a-clean', template)).toBe(1);
  expect((await all('audit_log', { actorOpenid: 'ro-cv-editor-clean' })).map((a) => a.action)).toEqual(['questionReports.resolved', 'questionReports.resolved']);
});
