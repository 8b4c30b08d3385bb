import { convergenceWorld, expectConvergence, untagged } from './harness/convergence';

// Account actions die after each step in turn, are retried, and must leave what a run without a
// fault leaves: the profile, the join request, the membership and its audit entry, once each.
const world = convergenceWorld(300_000);
const { all } = world;

async function accountState(openid: string, tag: string): Promise<unknown> {
  const users = (await all('users', { _id: openid })).map(({ nickname, orgId }) => ({ nickname, orgId }));
  const requests = (await all('org_join_requests', { _id: openid })).map(({ orgId, status, via, decidedBy }) => ({ orgId, status, via, decidedBy }));
  const audit = (await all('audit_log', { target: openid })).map(({ action, orgId, actorOpenid }) => ({ action, orgId, actorOpenid }));
  return untagged({ users, requests, audit }, tag);
}

test('a profile update that dies after any step converges on its retry: the nickname once, the same profile', async () => {
  const worker = (tag: string) => `cv-pf-${tag}`;
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'account',
    action: 'updateProfile',
    setup: async () => undefined,
    call: (tag) => world.fc.call(worker(tag), 'account', 'updateProfile', { nickname: '格桑' }),
    answer: (result, tag) => untagged(result.ok ? { nickname: result.data.nickname, orgId: result.data.orgId } : result, tag),
    state: (tag) => accountState(worker(tag), tag),
  });
  expect(steps).toBeGreaterThan(1);
});

test('a request to join that dies after any step converges on its retry: one pending request, the same answer', async () => {
  const worker = (tag: string) => `cv-rj-${tag}`;
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'account',
    action: 'requestOrgJoin',
    setup: async () => undefined,
    call: (tag) => world.fc.call(worker(tag), 'account', 'requestOrgJoin', { orgId: 'qh-haixi' }),
    answer: (result, tag) => untagged(result.ok ? { ...result.data.request, requestedAt: 'T' } : result, tag),
    state: (tag) => accountState(worker(tag), tag),
  });
  expect(steps).toBeGreaterThan(1);
});

test('a cadre’s approval that dies after any step converges on its retry: a member once, audited once, the same answer', async () => {
  const worker = (tag: string) => `cv-dj-${tag}`;
  const cadre = (tag: string) => `cv-dj-cadre-${tag}`;
  const steps = await expectConvergence(world.fc.cloud, {
    functionName: 'account',
    action: 'decideJoinRequest',
    setup: async (tag) => {
      await world.db.collection('roles').add({ data: { openid: cadre(tag), role: 'cadre', orgId: 'qh-haixi', grantedBy: 'test', grantedAt: new Date() } });
      const asked = await world.fc.call(worker(tag), 'account', 'requestOrgJoin', { orgId: 'qh-haixi' });
      if (!asked.ok) throw new Error(asked.message);
    },
    call: (tag) => world.fc.call(cadre(tag), 'account', 'decideJoinRequest', { openid: worker(tag), approve: true }),
    answer: (result, tag) => untagged(result.ok ? { ...result.data.request, requestedAt: 'T', decidedAt: 'T' } : result, tag),
    state: (tag) => accountState(worker(tag), tag),
  });
  expect(steps).toBeGreaterThan(4);
});
