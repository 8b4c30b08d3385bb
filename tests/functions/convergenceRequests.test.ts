import { convergenceWorld, expectConvergence, untagged } from './harness/convergence';
import { requestForm } from './harness/requestForm';
import { acceptTemplates } from './harness/subscriptions';
import { subscribeTemplates } from '../../server/domain/requests/subscribeTemplates';

// Request actions die after each step in turn, are retried, and must leave what a run without a
// fault leaves: one request, counted once on the dashboard, one notice to the worker.
const world = convergenceWorld(300_000);
const { all } = world;

/** Each run of each test files to its own organisation, so its dashboard counters are its own. */
async function ownOrg(test: string, tag: string): Promise<string> {
  const orgId = `cv-org-${test}-${tag}`;
  await world.db.collection('orgs').doc(orgId).set({ data: { name: `测试工会${tag}`, parentId: 'qh-xining', kind: 'city', order: 999 } });
  return orgId;
}

async function requestState(test: string, openid: string, tag: string): Promise<unknown> {
  // lastNotice is left out: a call that dies between sending and recording leaves it unrecorded.
  const requests = (await all('requests', { openid })).map(({ status, timeline, pendingNotice, photoChecksPending }) => ({
    status,
    steps: (timeline as Array<{ event: string }>).map((e) => e.event),
    pendingNotice: pendingNotice ?? null,
    photoChecksPending: photoChecksPending ?? false,
  }));
  // Sums of milliseconds from filing depend on the run's clock: only that they are there and whole counts.
  const counters = (await all('request_stats', { orgId: `cv-org-${test}-${tag}` })).map(({ _id: _ignored, week: _week, acceptMs, resolveMs, ...rest }) => ({
    ...rest,
    acceptMs: typeof acceptMs === 'number' && Number.isInteger(acceptMs) && acceptMs >= 0 ? 'ms' : acceptMs,
    resolveMs: typeof resolveMs === 'number' && Number.isInteger(resolveMs) && resolveMs >= 0 ? 'ms' : resolveMs,
  }));
  const notices = (await world.fc.cloud.outbox()).filter((e) => e.apiName === 'subscribeMessage.send' && (e.payload as { touser: string }).touser === openid).length;
  const messages = (await all('messages', { openid })).map(({ title }) => title).sort();
  return untagged({ requests, counters, notices, messages }, tag);
}

test('a submit that dies after any step converges on its retry: one request, counted once, one receipt in the 消息 centre, the same answer', async () => {
  const worker = (tag: string) => `cv-sub-${tag}`;
  const forms = new Map<string, ReturnType<typeof requestForm>>();
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'requests',
    action: 'submit',
    setup: async (tag) => {
      forms.set(tag, requestForm({ orgId: await ownOrg('sub', tag) }));
      await acceptTemplates(world.fc, worker(tag), [subscribeTemplates.requestStatusChanged]);
    },
    call: (tag) => world.fc.call(worker(tag), 'requests', 'submit', forms.get(tag) as ReturnType<typeof requestForm>),
    answer: (result, tag) => untagged(result.ok ? { ...result.data, id: 'ID', createdAt: 'T', updatedAt: 'T', timeline: result.data.timeline.length, deadlines: null } : result, tag),
    state: (tag) => requestState('sub', worker(tag), tag),
  });
  expect(steps).toBeGreaterThan(3);
});

test('a cadre’s accept that dies after any step converges on its retry: accepted once, counted once, the worker told once', async () => {
  const worker = (tag: string) => `cv-acc-${tag}`;
  const cadre = (tag: string) => `cv-cadre-${tag}`;
  const ids = new Map<string, string>();
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'requests',
    action: 'accept',
    setup: async (tag) => {
      const orgId = await ownOrg('acc', tag);
      await world.db.collection('roles').add({ data: { openid: cadre(tag), role: 'cadre', orgId, grantedBy: 'admin', grantedAt: new Date() } });
      // Three units: an acceptance is pushed only while two more stay for what matters more.
      await acceptTemplates(world.fc, worker(tag), [subscribeTemplates.requestStatusChanged], 3);
      const filed = await world.fc.call(worker(tag), 'requests', 'submit', requestForm({ orgId }));
      if (!filed.ok) throw new Error(filed.message);
      ids.set(tag, filed.data.id);
    },
    call: (tag) => world.fc.call(cadre(tag), 'requests', 'accept', { requestId: ids.get(tag) as string, note: '' }),
    // A retry after the accept committed is told it is already accepted; the state must match.
    answer: () => null,
    state: (tag) => requestState('acc', worker(tag), tag),
  });
  expect(steps).toBeGreaterThan(3);
});

/** A request of the run's own organisation, filed by `worker` and accepted and resolved by `cadre`. */
async function resolvedRequest(tag: string, worker: string, cadre: string): Promise<string> {
  const orgId = await ownOrg('fu', tag);
  await world.db.collection('roles').add({ data: { openid: cadre, role: 'cadre', orgId, grantedBy: 'admin', grantedAt: new Date() } });
  await acceptTemplates(world.fc, worker, [subscribeTemplates.requestStatusChanged], 3);
  const filed = await world.fc.call(worker, 'requests', 'submit', requestForm({ orgId }));
  if (!filed.ok) throw new Error(filed.message);
  for (const action of ['accept', 'resolve'] as const) {
    const moved = await world.fc.call(cadre, 'requests', action, { requestId: filed.data.id, note: '已协调解决' });
    if (!moved.ok) throw new Error(moved.message);
  }
  return filed.data.id;
}

test('a 回访 that dies after any step converges on its retry: recorded once, counted once on the dashboard, audited once, the same answer', async () => {
  const worker = (tag: string) => `cv-fu-${tag}`;
  const cadre = (tag: string) => `cv-fu-cadre-${tag}`;
  const ids = new Map<string, string>();
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'requests',
    action: 'followUp',
    setup: async (tag) => {
      ids.set(tag, await resolvedRequest(tag, worker(tag), cadre(tag)));
    },
    call: (tag) => world.fc.call(cadre(tag), 'requests', 'followUp', { requestId: ids.get(tag) as string, outcome: 'satisfied', note: '职工表示满意' }),
    answer: (result) => (result.ok ? { status: result.data.status, followUp: result.data.followUp ? { ...result.data.followUp, at: 'T' } : null } : result),
    state: async (tag) => {
      const id = ids.get(tag) as string;
      const followUps = (await all('requests', { _id: id })).map((r) => (r.followUp as { outcome: string } | undefined)?.outcome ?? null);
      const audited = (await all('audit_log', { requestId: id, action: 'follow_up' })).length;
      return { followUps, audited, ...((await requestState('fu', worker(tag), tag)) as object) };
    },
  });
  expect(steps).toBeGreaterThan(3);
});
