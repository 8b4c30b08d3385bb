import { subscribeTemplates } from '../../server/domain/requests/subscribeTemplates';
import { convergenceWorld, expectConvergence, untagged } from './harness/convergence';
import { requestForm } from './harness/requestForm';
import { acceptTemplates } from './harness/subscriptions';

// The overdue sweep flags, escalates and reminds in many steps: whatever step it dies at, the
// next run must finish the reminders, so the cadres end with the messages and pushes of a run
// without a fault, none twice.
const world = convergenceWorld(600_000);
const { all } = world;

const worker = (tag: string) => `cv-ovd-w-${tag}`;
const cadres = (tag: string) => ({ subscribed: `cv-ovd-a-${tag}`, unsubscribed: `cv-ovd-b-${tag}`, parent: `cv-ovd-p-${tag}` });

const runTimer = () => world.fc.callRaw('', 'requestsTimer', { Type: 'Timer', TriggerName: 'hourlyOverdueCheck' });

/** Two requests past their acceptance time in the run's own organisation, whose parent is the run's too. */
async function overdueWorld(tag: string): Promise<void> {
  const parent = `cv-ovd-up-${tag}`;
  const orgId = `cv-ovd-org-${tag}`;
  await world.db.collection('orgs').doc(parent).set({ data: { name: `上级工会${tag}`, parentId: 'qh', kind: 'city', order: 998 } });
  await world.db.collection('orgs').doc(orgId).set({ data: { name: `测试工会${tag}`, parentId: parent, kind: 'county', order: 999 } });
  const { subscribed, unsubscribed, parent: parentCadre } = cadres(tag);
  for (const [openid, at] of [[subscribed, orgId], [unsubscribed, orgId], [parentCadre, parent]] as const) {
    await world.db.collection('roles').add({ data: { openid, role: 'cadre', orgId: at, grantedBy: 'admin', grantedAt: new Date() } });
  }
  // Enough units for every reminder (so the order of the reminders decides nothing), one to spare.
  await acceptTemplates(world.fc, subscribed, [subscribeTemplates.requestOverdue], 3);
  await acceptTemplates(world.fc, parentCadre, [subscribeTemplates.requestOverdue], 2);
  for (const title of ['车间粉尘超标', '宿舍没有暖气']) {
    const filed = await world.fc.call(worker(tag), 'requests', 'submit', requestForm({ orgId, title }));
    if (!filed.ok) throw new Error(filed.message);
    await world.db.collection('requests').doc(filed.data.id).update({ data: { acceptDueAt: new Date(Date.now() - 60_000) } });
  }
}

async function overdueState(tag: string): Promise<unknown> {
  const people = Object.values(cadres(tag));
  const requests = (await all('requests', { openid: worker(tag) }))
    .map(({ title, overdue, escalatedTo, remindPending, timeline }) => ({ title, overdue, escalatedTo, remindPending, steps: (timeline as Array<{ event: string }>).map((e) => e.event) }))
    .sort((a, b) => String(a.title).localeCompare(String(b.title)));
  const messages: unknown[] = [];
  const quota: unknown[] = [];
  for (const openid of people) {
    // A push claimed by a run that died before recording WeChat's answer stays 'claimed': what was
    // sent shows in the outbox; a push still 'pending' would be one never sent.
    messages.push(...(await all('messages', { openid })).map(({ title, summary, push }) => ({ openid, title, summary, push: push === undefined || push === 'pending' ? (push ?? null) : 'taken' })));
    quota.push(...(await all('subscriptions', { openid })).map(({ templateId, quota: left }) => ({ openid, templateId, left })));
  }
  const sends = (await world.fc.cloud.outbox())
    .filter((e) => e.apiName === 'subscribeMessage.send')
    .map((e) => (e.payload as { touser: string }).touser)
    .filter((openid) => people.includes(openid))
    .sort();
  const order = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  return untagged({ requests, messages: messages.sort(order), quota: quota.sort(order), sends }, tag);
}

test('an overdue sweep that dies after any step is finished by the next run: every reminder written and pushed once', async () => {
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'requestsTimer',
    setup: overdueWorld,
    call: () => runTimer(),
    // What a run reports depends on what an earlier one did; the state is what must agree.
    answer: () => null,
    state: overdueState,
    maxCalls: 200,
  });
  expect(steps).toBeGreaterThan(10);
  expect(await overdueState('clean')).toMatchObject({
    sends: ['cv-ovd-a-TAG', 'cv-ovd-a-TAG', 'cv-ovd-p-TAG', 'cv-ovd-p-TAG'],
    quota: [
      { openid: 'cv-ovd-a-TAG', left: 1 },
      { openid: 'cv-ovd-p-TAG', left: 0 },
    ],
  });
  expect(((await overdueState('clean')) as { messages: unknown[] }).messages).toHaveLength(6);
});
