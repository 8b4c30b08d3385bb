import { connectSdk, type Db } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from '../functions/harness/functionCloud';
import { joinByRoster } from '../functions/harness/membership';
import type { Database } from '../../server/db/database';
import { migrateSelfDeclaredOrgs } from '../../scripts/migrations/selfDeclaredOrgs';

jest.setTimeout(90_000);

let fc: FunctionCloud;
let db: Db;

beforeAll(async () => {
  fc = await startFunctionCloud();
  db = connectSdk(fc.cloud).db;
  await db.collection('roles').add({ data: { openid: 'mig-cadre', role: 'cadre', orgId: 'qh-haixi', grantedBy: 'test', grantedAt: new Date() } });
  const now = Date.now();
  await db.collection('contests').add({
    data: { _id: 'c-mig', title: '海西职工竞赛', startsAt: new Date(now - 60_000), endsAt: new Date(now + 3_600_000), histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh-haixi'], createdBy: 'mig-cadre', createdAt: new Date(now) },
  });
});

afterAll(async () => {
  await fc?.close();
});

/** A worker as the profile left them before membership by approval: the organisation they chose. */
async function selfDeclared(openid: string, orgId: string): Promise<void> {
  const at = new Date('2026-11-01T00:00:00Z');
  await db.collection('users').doc(openid).set({ data: { nickname: openid, avatarFileId: null, orgId, createdAt: at, updatedAt: at } });
}

async function state(openid: string): Promise<unknown> {
  const profile = await fc.call(openid, 'account', 'getProfile', {});
  const contests = await fc.call(openid, 'quiz', 'listContests', {});
  const { data } = (await db.collection('audit_log').where({ target: openid, action: 'migrate_join_pending' }).get()) as { data: Array<{ orgId: string; actorOpenid: string }> };
  return {
    orgId: profile.ok ? profile.data.orgId : profile.code,
    request: profile.ok && profile.data.joinRequest ? [profile.data.joinRequest.orgId, profile.data.joinRequest.status] : null,
    contests: contests.ok ? contests.data.contests.map((c) => c.id) : contests.code,
    audit: data.map((a) => [a.orgId, a.actorOpenid]),
  };
}

test('self-declared organisations become pending requests its cadres decide; approved memberships stay; a second run changes nothing', async () => {
  await selfDeclared('mig-self', 'qh-haixi');
  await selfDeclared('mig-moving', 'qh-haixi');
  await fc.call('mig-moving', 'account', 'requestOrgJoin', { orgId: 'qh-xining' });
  await selfDeclared('mig-gone', 'qh-nowhere');
  await fc.call('mig-approved', 'account', 'requestOrgJoin', { orgId: 'qh-haixi' });
  expect(await fc.call('mig-cadre', 'account', 'decideJoinRequest', { openid: 'mig-approved', approve: true })).toMatchObject({ ok: true });
  await joinByRoster(fc, 'mig-roster', 'qh-haixi');
  // Before: a self-declared member is let into the organisation's contest.
  expect(await state('mig-self')).toMatchObject({ orgId: 'qh-haixi', contests: ['c-mig'] });

  const report = await migrateSelfDeclaredOrgs(db as unknown as Database, 'script:ops', new Date());
  expect(report).toEqual({ ran: true, examined: 5, approved: 2, migrated: 3 });
  expect(await state('mig-self')).toEqual({ orgId: null, request: ['qh-haixi', 'pending'], contests: [], audit: [['qh-haixi', 'script:ops']] });
  // Asked to move elsewhere already: that request stays, the unapproved membership goes.
  expect(await state('mig-moving')).toEqual({ orgId: null, request: ['qh-xining', 'pending'], contests: [], audit: [['qh-haixi', 'script:ops']] });
  expect(await state('mig-gone')).toEqual({ orgId: null, request: null, contests: [], audit: [['qh-nowhere', 'script:ops']] });
  for (const member of ['mig-approved', 'mig-roster']) expect(await state(member)).toEqual({ orgId: 'qh-haixi', request: null, contests: ['c-mig'], audit: [] });

  // The organisation's cadre decides the migrated request like any other.
  const queue = await fc.call('mig-cadre', 'account', 'listJoinRequests', {});
  expect(queue.ok && queue.data.items.map((i) => i.openid)).toEqual(['mig-self']);

  const before = await Promise.all(['mig-self', 'mig-moving', 'mig-gone', 'mig-approved', 'mig-roster'].map(state));
  // Done once: the next seed's run reads nothing; forced, it finds nothing to change.
  expect(await migrateSelfDeclaredOrgs(db as unknown as Database, 'script:ops', new Date())).toEqual({ ran: false, examined: 0, approved: 0, migrated: 0 });
  expect(await migrateSelfDeclaredOrgs(db as unknown as Database, 'script:ops', new Date(), { force: true })).toEqual({ ran: true, examined: 2, approved: 2, migrated: 0 });
  expect(await Promise.all(['mig-self', 'mig-moving', 'mig-gone', 'mig-approved', 'mig-roster'].map(state))).toEqual(before);

  expect(await fc.call('mig-cadre', 'account', 'decideJoinRequest', { openid: 'mig-self', approve: true })).toMatchObject({ ok: true });
  expect(await state('mig-self')).toMatchObject({ orgId: 'qh-haixi', contests: ['c-mig'] });
});
