import { actAs, grantRole, insertDocument } from './harness/pageCloud';
import { renderPage, textOf, waitFor } from './harness/renderPage';

jest.setTimeout(30000);

function linkTitles(page: ReturnType<typeof renderPage>): string[] {
  return (page.data.groups as Array<{ links: Array<{ title: string }> }>).flatMap((g) => g.links.map((l) => l.title));
}

describe('cadre desk', () => {
  test('a worker without a cadre role is told how to get one and sees no desk', async () => {
    actAs('desk-worker');
    const page = renderPage('cadre/home/index');
    await waitFor(() => page.data.loaded === true, 'the profile');
    expect(textOf(page, '.not-cadre')).toContain('联系所在工会的管理员');
    expect(linkTitles(page)).toEqual([]);
  });

  test('a cadre sees the request, membership, contest and moderation desks, but neither story keeping nor role management', async () => {
    await grantRole('desk-cadre', 'qh-xining');
    actAs('desk-cadre');
    const page = renderPage('cadre/home/index');
    await waitFor(() => page.data.loaded === true, 'the profile');
    // Stories are kept by editors only: a cadre sent there would meet 无权限.
    expect(linkTitles(page)).toEqual(['诉求办理', '办理统计', '入会审核', '竞赛管理', '读后感审核']);
  });

  test('入会审核 shows how many requests wait in the cadre’s organisations, and nothing when none do', async () => {
    // Three pending requests under an organisation of the test's own, one already decided.
    for (const [n, status] of ['pending', 'pending', 'pending', 'approved'].entries()) {
      await insertDocument('org_join_requests', {
        _id: `desk-join-${n}`, openid: `desk-join-${n}`, nickname: '职工', orgId: 'desk-org-grassroots', orgName: '基层工会', orgChain: ['desk-org-grassroots', 'desk-org'],
        status, via: 'request', requestedAt: { $date: new Date(Date.UTC(2026, 10, 1, n)).toISOString() }, decidedAt: null, decidedBy: null, reason: null,
      });
    }
    const joinNote = (page: ReturnType<typeof renderPage>) => (page.data.groups as Array<{ links: Array<{ title: string; note?: string }> }>).flatMap((g) => g.links).find((l) => l.title === '入会审核')?.note;
    await grantRole('desk-cadre-joins', 'desk-org');
    actAs('desk-cadre-joins');
    const page = renderPage('cadre/home/index');
    await waitFor(() => joinNote(page) !== undefined, 'the pending count');
    expect(joinNote(page)).toBe('3 条待审核');

    await grantRole('desk-cadre-no-joins', 'desk-org-elsewhere');
    actAs('desk-cadre-no-joins');
    const quiet = renderPage('cadre/home/index');
    await waitFor(() => joinNote(quiet) !== undefined, 'the count');
    expect(joinNote(quiet)).toBe('');
  });

  test('an editor sees the story desks only, without the overdue reminder', async () => {
    await grantRole('desk-editor', null, 'editor');
    actAs('desk-editor');
    const page = renderPage('cadre/home/index');
    await waitFor(() => page.data.loaded === true, 'the profile');
    expect(linkTitles(page)).toEqual(['读后感审核', '故事管理']);
    expect(page.querySelector('.overdue-subscribe')).toBeFalsy();
    expect(page.querySelector('.not-cadre')).toBeFalsy();
  });

  test('an admin also sees role management', async () => {
    await grantRole('desk-admin', null, 'admin');
    actAs('desk-admin');
    const page = renderPage('cadre/home/index');
    await waitFor(() => page.data.loaded === true, 'the profile');
    expect(linkTitles(page)).toEqual(['诉求办理', '办理统计', '干部权限管理', '入会审核', '竞赛管理', '读后感审核', '故事管理']);
  });
});
