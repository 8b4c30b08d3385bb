import http from 'node:http';
import { actAs } from './harness/pageCloud';
import { renderPage, tap, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(30000);

/** Grants a cadre role the way an admin script writes it (the server SDK's insertDocument). */
function grantCadre(openid: string, orgId: string): Promise<void> {
  const role = { openid, role: 'cadre', orgId, grantedBy: 'page-test', grantedAt: { $date: new Date().toISOString() } };
  const payload = Buffer.from(JSON.stringify({ action: 'database.insertDocument', collectionName: 'roles', data: [JSON.stringify(role)] }));
  return new Promise((resolve, reject) => {
    const request = http.request(`${process.env.PAGE_CLOUD_URL}/admin?env=local-dev`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (response) => {
      response.resume();
      response.on('end', () => resolve());
    });
    request.on('error', reject);
    request.end(payload);
  });
}

describe('竞赛管理 (cadre subpackage)', () => {
  test('a cadre creates a contest for their union and sees its participation by organisation', async () => {
    await grantCadre('page-ct-cadre', 'qh-haidong');
    actAs('page-ct-cadre');
    const page = renderPage('cadre/contests/index');
    await waitFor(() => page.data.orgId === 'qh-haidong', 'the cadre’s organisation');
    typeInto(page, '.title-input', '海东市读四史知识竞赛');
    tap(page, '.create-button');
    await waitFor(() => textOf(page, '.created-text') === '已创建', 'the contest to be created');
    await waitFor(() => textOf(page, '.contest-row') === '海东市读四史知识竞赛', 'the contest in the list');
    tap(page, '.contest-row');
    await waitFor(() => textOf(page, '.participation-total') === '参与 0 人', 'the participation');
  });

  test('a worker who is not a cadre is refused', async () => {
    actAs('page-ct-worker');
    const page = renderPage('cadre/contests/index');
    await waitFor(() => textOf(page, '.error-text') !== '', 'the refusal');
    expect(textOf(page, '.error-text')).toContain('工会干部');
  });
});
