import { actAs, grantRole, insertDocument } from './harness/pageCloud';
import { renderPage, tap, textOf, waitFor } from './harness/renderPage';

jest.setTimeout(90000);

type Page = ReturnType<typeof renderPage>;
type Shown = { contestId: string; total: number; rows: Array<{ orgName: string; participants: number }>; nextCursor: string | null } | null;

const hour = 3_600_000;
const at = (ms: number) => ({ $date: new Date(ms).toISOString() });
const shown = (page: Page) => page.data.participation as Shown;

test('参与情况 shows the organisations with the most participants first, 20 at a time, and 更多组织 brings the rest', async () => {
  const cadre = 'page-contests-participation';
  const contestId = 'pc-part-1';
  const now = Date.now();
  await insertDocument('contests', { _id: contestId, title: '海南州读史竞赛', startsAt: at(now - hour), endsAt: at(now + hour), histories: ['party'], questionCount: 10, timeLimitSeconds: 300, orgIds: ['qh-hainan'], createdBy: cadre, createdAt: at(now) });
  // 25 organisations' tallies as submissions leave them (25 down to 1 participants), and the contest's 325 in its rank counts.
  for (let i = 0; i < 25; i += 1) {
    const orgId = i === 0 ? 'qh-hainan' : `pc-part-org-${String(i).padStart(2, '0')}`;
    await insertDocument('contest_tallies', { _id: `${contestId}|${orgId}`, contestId, orgId, participants: 25 - i, scoreSum: (25 - i) * 80, done: [] });
  }
  await insertDocument('board_counts', { _id: `contest:${contestId}|19|0`, scope: `contest:${contestId}`, bucket: 19, shard: 0, c: { a: { s809000: 325 } }, done: [] });
  await grantRole(cadre, 'qh-hainan');
  actAs(cadre);
  const page = renderPage('cadre/contests/index', undefined, { compiler: 'official' });
  await waitFor(() => (page.data.items as unknown[]).length === 1, 'the contest', 30000);

  tap(page, '.participation-button');
  await waitFor(() => shown(page)?.rows.length === 20, 'the first organisations');
  expect(textOf(page, '.participation-total')).toBe('参与 325 人');
  expect(page.querySelectorAll('.participation-row')).toHaveLength(20);
  expect(textOf(page, '.participation-row')).toBe('海南藏族自治州总工会25 人 · 平均 80 分');
  expect(page.querySelector('.participation-more')).toBeTruthy();

  tap(page, '.participation-more');
  await waitFor(() => shown(page)?.rows.length === 25, 'the rest');
  expect(shown(page)?.rows.map((r) => r.participants)).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
  expect(page.querySelector('.participation-more')).toBeFalsy();
  expect(textOf(page, '.participation-total')).toBe('参与 325 人');

  // 收起 and open again: the first page anew.
  tap(page, '.participation-button');
  await waitFor(() => shown(page) === null, 'the participation to close');
  tap(page, '.participation-button');
  await waitFor(() => shown(page)?.rows.length === 20, 'the first organisations again');
});
