import path from 'node:path';
import type { Page } from 'playwright-core';
import type { FunctionCloud } from '../functions/harness/functionCloud';
import { joinByRoster } from '../functions/harness/membership';
import { consoleFile, ok } from './browser';

// 读后感审核 in the console: an editor of Xining's union sees only reflections by Xining's members,
// page after page, approves one and rejects one with a reason the author then reads.
jest.setTimeout(300000);

const SCREENS = path.resolve(__dirname, '../../docs/screens/console');
const text = '读了这个故事,深受感动,要向劳模学习,在岗位上多作贡献。';
const ids: Record<string, string> = {};

const file = consoleFile(async (fc, db) => {
  await db.collection('roles').add({ data: { _id: 'editor|qh-xining|rc-editor', openid: 'rc-editor', role: 'editor', orgId: 'qh-xining', grantedBy: 'setup', grantedAt: new Date() } });
  await fc.call('rc-editor', 'account', 'updateProfile', { nickname: '西宁编辑' });
  // Two workers write through the mini program's action: one of Xining's union, one of Haidong's.
  for (const [openid, nickname, orgId] of [['rc-xn', '西宁焊工', 'qh-xining'], ['rc-hd', '海东司机', 'qh-haidong']] as const) {
    await fc.call(openid, 'account', 'updateProfile', { nickname });
    await joinByRoster(fc, openid, orgId);
    ids[openid] = ok(await fc.call(openid, 'reading', 'writeReflection', { storyId: 'labor-01', text: `${nickname}:${text}`, clientRequestId: `req-${openid}-0001` })).id;
  }
  // Twenty more by Xining's members, written earlier, so the queue runs to a second page.
  const start = Date.now() - 3600_000;
  for (let i = 0; i < 20; i += 1) {
    const id = `${i.toString(16).padStart(2, '0')}${'a'.repeat(30)}`;
    await db.collection('reflections').add({ data: { _id: id, openid: `rc-old-${i}`, storyId: 'labor-02', nickname: `职工${i + 1}`, text, status: 'pending', authorOrgId: 'qh-xining', createdAt: new Date(start + i * 1000) } });
  }
  return 'rc-editor';
});
let fc: FunctionCloud;
let page: Page;
beforeAll(() => {
  ({ fc, page } = file);
});
const openPage = (route: string) => file.open(route);

test('the queue holds only authors within the editor’s organisations, oldest first, paged; approving shows the reflection to readers', async () => {
  await openPage('reflections');
  const rows = page.locator('[data-test=rf-table] tbody tr');
  await page.locator('[data-test=rf-table] tbody tr', { hasText: '职工1' }).first().waitFor({ timeout: 20000 });
  await expect(rows.count()).resolves.toBe(20);
  await expect(rows.first().textContent()).resolves.toContain('西宁市总工会');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENS, 'reflections.png'), timeout: 90000 });

  await page.locator('[data-test=rf-next]').click();
  await page.locator('[data-test=rf-table] tbody tr', { hasText: '西宁焊工' }).waitFor({ timeout: 20000 });
  await expect(rows.count()).resolves.toBe(1);
  // Haidong's member is outside the editor's reach on every page.
  await expect(page.locator('[data-test=rf-table]', { hasText: '海东司机' }).count()).resolves.toBe(0);

  await page.locator(`[data-test=rf-approve-${ids['rc-xn']}]`).click();
  await page.locator('.t-message', { hasText: '已通过' }).waitFor({ timeout: 20000 });
  // The emptied last page gives way to the one before it.
  await page.locator('[data-test=rf-table] tbody tr', { hasText: '职工20' }).waitFor({ timeout: 20000 });
  const approved = ok(await fc.call('rc-reader', 'reading', 'listReflections', { storyId: 'labor-01' })).approved;
  expect(approved.map((r) => r.id)).toEqual([ids['rc-xn']]);
  expect(await fc.call('rc-editor', 'reading', 'moderateReflection', { reflectionId: ids['rc-hd'] as string, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('rejecting asks for a reason in a dialog; the author then reads it, and the decision is in the audit log', async () => {
  await openPage('reflections');
  const first = `00${'a'.repeat(30)}`;
  await page.locator(`[data-test=rf-reject-${first}]`).click();
  await page.locator('[data-test=rf-reason] textarea').waitFor();
  await page.locator('.t-dialog__confirm').click();
  await page.locator('[data-test=rf-reason-error]', { hasText: '请写明不通过的理由' }).waitFor();
  const reason = '与故事内容无关,请围绕故事谈体会';
  await page.locator('[data-test=rf-reason] textarea').fill(reason);
  // The table fits its panel: nothing (the 操作 column above all) is scrolled out of sight.
  await expect(page.locator('[data-test=rf-table] .t-table__content').evaluate((e) => e.scrollWidth - e.clientWidth)).resolves.toBe(0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENS, 'reflection-reject.png'), timeout: 90000 });
  await page.locator('.t-dialog__confirm').click();
  await page.locator('.t-dialog__confirm').waitFor({ state: 'hidden' });
  await page.locator('.t-message', { hasText: '已设为不通过' }).waitFor({ timeout: 20000 });
  await expect(page.locator(`[data-test=rf-reject-${first}]`).count()).resolves.toBe(0);

  const mine = ok(await fc.call('rc-old-0', 'reading', 'listReflections', { storyId: 'labor-02' })).mine;
  expect(mine).toEqual([expect.objectContaining({ id: first, status: 'rejected', reason })]);
  const { db } = file;
  const { total } = (await db.collection('audit_log').where({ action: 'reflection.rejected', target: first, actorOpenid: 'rc-editor', detail: reason }).count()) as { total: number };
  expect(total).toBe(1);
  const { total: viaConsole } = (await db.collection('audit_log').where({ via: 'console', actorOpenid: 'rc-editor', action: 'reading.moderateReflection', ok: true }).count()) as { total: number };
  expect(viaConsole).toBe(2);
});

test('once everything in reach is decided the page says so', async () => {
  for (let i = 1; i < 20; i += 1) ok(await fc.call('rc-editor', 'reading', 'moderateReflection', { reflectionId: `${i.toString(16).padStart(2, '0')}${'a'.repeat(30)}`, decision: 'approve' }));
  await openPage('reflections');
  await page.locator('[data-test=rf-empty]', { hasText: '没有待审核的读后感' }).waitFor({ timeout: 20000 });
});
