import { actAs, grantRole } from './harness/pageCloud';
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

  test('a cadre sees the request, contest and reading desks, but not role management', async () => {
    await grantRole('desk-cadre', 'qh-xining');
    actAs('desk-cadre');
    const page = renderPage('cadre/home/index');
    await waitFor(() => page.data.loaded === true, 'the profile');
    expect(linkTitles(page)).toEqual(['诉求办理', '办理统计', '竞赛管理', '读后感审核', '故事管理']);
  });

  test('an admin also sees role management', async () => {
    await grantRole('desk-admin', null, 'admin');
    actAs('desk-admin');
    const page = renderPage('cadre/home/index');
    await waitFor(() => page.data.loaded === true, 'the profile');
    expect(linkTitles(page)).toContain('干部权限管理');
  });
});
