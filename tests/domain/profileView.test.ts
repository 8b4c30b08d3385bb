import { profileView } from '../../server/domain/account/profileView';

const user = { _id: 'o1', nickname: '职工', avatarFileId: null, orgId: 'qh', createdAt: new Date('2026-11-25T00:00:00Z'), updatedAt: new Date('2026-11-25T00:00:00Z') };
const org = { _id: 'qh', name: '青海省总工会', parentId: null, kind: 'province' as const, order: 0 };

describe('profile view', () => {
  test('every worker is a worker, and cadre roles follow with their organisation', () => {
    const view = profileView(user, org, [{ _id: 'r1', openid: 'o1', role: 'cadre', orgId: 'qh-xining', grantedBy: 'a', grantedAt: new Date() }]);
    expect(view.roles).toEqual([{ role: 'worker', orgId: null }, { role: 'cadre', orgId: 'qh-xining' }]);
    expect(view.orgName).toBe('青海省总工会');
    expect(view.createdAt).toBe('2026-11-25T00:00:00.000Z');
  });

  test('a worker without an organisation shows none', () => {
    expect(profileView({ ...user, orgId: null }, null, []).orgName).toBeNull();
  });
});
