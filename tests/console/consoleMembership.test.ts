import type { Page } from 'playwright-core';
import type { FunctionCloud } from '../functions/harness/functionCloud';
import { consoleFile, ok } from './browser';

// 入会审核 in the console: a cadre of Xining's union sees only requests to Xining's unions, page
// after page, approves one and declines one with a reason the worker then reads in 消息.
jest.setTimeout(300000);

const file = consoleFile(async (fc, db) => {
  await db.collection('roles').add({ data: { _id: 'cadre|qh-xining|jr-cadre', openid: 'jr-cadre', role: 'cadre', orgId: 'qh-xining', grantedBy: 'setup', grantedAt: new Date() } });
  await fc.call('jr-cadre', 'account', 'updateProfile', { nickname: '西宁干部' });
  // Two workers ask through the mini program's action: one to Xining's union, one to Haidong's.
  for (const [openid, nickname, orgId] of [['jr-xn', '西宁焊工', 'qh-xining'], ['jr-hd', '海东司机', 'qh-haidong']] as const) {
    await fc.call(openid, 'account', 'updateProfile', { nickname });
    ok(await fc.call(openid, 'account', 'requestOrgJoin', { orgId }));
  }
  // Twenty more to Xining, asked earlier (two in the same millisecond), so the queue runs to a second page.
  const start = Date.now() - 3600_000;
  for (let i = 0; i < 20; i += 1) {
    await db.collection('org_join_requests').add({
      data: { _id: `jr-old-${String(i).padStart(2, '0')}`, openid: `jr-old-${String(i).padStart(2, '0')}`, nickname: `职工${i + 1}`, orgId: 'qh-xining', orgName: '西宁市总工会', orgChain: ['qh-xining', 'qh'], status: 'pending', via: 'request', requestedAt: new Date(start + Math.min(i, 18) * 1000), decidedAt: null, decidedBy: null, reason: null },
    });
  }
  return 'jr-cadre';
});
let fc: FunctionCloud;
let page: Page;
beforeAll(() => {
  ({ fc, page } = file);
});
const openPage = (route: string) => file.open(route);

test('the queue holds only requests within the cadre’s organisations, oldest first, paged; approving makes the worker a member', async () => {
  await openPage('membership');
  const rows = page.locator('[data-test=jr-table] tbody tr');
  await page.locator('[data-test=jr-table] tbody tr', { hasText: '职工1' }).first().waitFor({ timeout: 20000 });
  await expect(rows.count()).resolves.toBe(20);
  await expect(rows.first().textContent()).resolves.toContain('西宁市总工会');

  await page.locator('[data-test=jr-next]').click();
  await page.locator('[data-test=jr-table] tbody tr', { hasText: '西宁焊工' }).waitFor({ timeout: 20000 });
  await expect(rows.count()).resolves.toBe(1);
  // Haidong's request is outside the cadre's reach on every page.
  await expect(page.locator('[data-test=jr-table]', { hasText: '海东司机' }).count()).resolves.toBe(0);

  await page.locator('[data-test=jr-approve-jr-xn]').click();
  await page.locator('.t-message', { hasText: '已同意' }).waitFor({ timeout: 20000 });
  // The emptied last page gives way to the one before it.
  await page.locator('[data-test=jr-table] tbody tr', { hasText: '职工20' }).waitFor({ timeout: 20000 });
  expect(ok(await fc.call('jr-xn', 'account', 'getProfile', {}))).toMatchObject({ orgId: 'qh-xining', joinRequest: null });
  expect(await fc.call('jr-cadre', 'account', 'decideJoinRequest', { openid: 'jr-hd', approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('不同意 asks in a dialog for an optional reason; the worker then reads it in 消息, and the decision is in the audit log', async () => {
  await openPage('membership');
  await page.locator('[data-test=jr-reject-jr-old-00]').click();
  await page.locator('[data-test=jr-reason] textarea').waitFor();
  const reason = '名册中没有找到你,请先在单位工会登记';
  await page.locator('[data-test=jr-reason] textarea').fill(reason);
  await page.locator('.t-dialog__confirm').click();
  await page.locator('.t-dialog__confirm').waitFor({ state: 'hidden' });
  await page.locator('.t-message', { hasText: '已不同意' }).waitFor({ timeout: 20000 });
  await expect(page.locator('[data-test=jr-reject-jr-old-00]').count()).resolves.toBe(0);

  const { messages } = ok(await fc.call('jr-old-00', 'account', 'listMessages', {}));
  expect(messages).toEqual([expect.objectContaining({ kind: 'joinOutcome', title: '入会申请未通过', note: reason })]);
  const { db } = file;
  const { total } = (await db.collection('audit_log').where({ action: 'decline_join', target: 'jr-old-00', actorOpenid: 'jr-cadre', detail: `西宁市总工会:${reason}` }).count()) as { total: number };
  expect(total).toBe(1);

  // Declining without a reason is allowed too.
  await page.locator('[data-test=jr-reject-jr-old-01]').click();
  await page.locator('[data-test=jr-reason] textarea').waitFor();
  await page.locator('.t-dialog__confirm').click();
  await page.locator('.t-message', { hasText: '已不同意' }).nth(0).waitFor({ timeout: 20000 });
  await page.locator('[data-test=jr-reject-jr-old-01]').waitFor({ state: 'detached', timeout: 20000 });
  expect(ok(await fc.call('jr-old-01', 'account', 'getProfile', {}))).toMatchObject({ joinRequest: { status: 'declined', reason: null } });
});

test('once everything in reach is decided the page says so', async () => {
  for (let i = 2; i < 20; i += 1) ok(await fc.call('jr-cadre', 'account', 'decideJoinRequest', { openid: `jr-old-${String(i).padStart(2, '0')}`, approve: true }));
  await openPage('membership');
  await page.locator('[data-test=jr-empty]', { hasText: '没有待审核的入会申请' }).waitFor({ timeout: 20000 });
});
