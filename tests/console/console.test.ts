import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from '../functions/harness/functionCloud';
import { requestForm } from '../functions/harness/requestForm';
import { ensureConsoleBuilt, launchBrowser, logInByScanning } from './browser';

// The web console end to end in a real browser: scan login, a request worked to 回访, dashboard figures, roles.
jest.setTimeout(240000);

/** The charts the dashboard registers on window (console/src/charts.ts). */
type ChartWindow = { __consoleCharts?: Record<string, { getOption(): unknown }> };

const SCREENS = path.resolve(__dirname, '../../docs/screens/console');
let fc: FunctionCloud;
let browser: Browser;
let page: Page;
const initialScripts = new Map<string, number>();

/** A picture of the page for the README (docs/screens/console/), at the window's size. */
async function screenshot(name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), timeout: 90000 });
}

/** Opens a console page afresh (a hash change alone would keep the page's earlier data). */
async function openPage(route: string): Promise<void> {
  await page.goto(`${fc.cloud.url}/console/#/${route}`);
  await page.reload();
}

async function pickOption(selectTestId: string, label: string): Promise<void> {
  await page.locator(`[data-test=${selectTestId}]`).click();
  await page.locator('.t-select-option', { hasText: label }).first().click();
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').add({ data: { _id: 'admin-province-br-admin', openid: 'br-admin', role: 'admin', orgId: null, grantedBy: 'setup', grantedAt: new Date() } });
  await fc.call('br-admin', 'account', 'updateProfile', { nickname: '王主席' });
  await fc.call('br-editor', 'account', 'updateProfile', { nickname: '赵编辑' });
  // Membership is approved by the organisation; here the editor-to-be is already a member of Xining's union.
  await db.collection('users').doc('br-editor').update({ data: { orgId: 'qh-xining' } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  page.on('response', async (response) => {
    const url = response.url();
    if (url.endsWith('.js') && initialScripts.size >= 0) initialScripts.set(url, gzipSync(await response.body().catch(() => Buffer.alloc(0))).length);
  });
});

afterAll(async () => {
  await browser?.close();
  await fc?.close();
});

test('the login page shows a mini program code; confirming on the phone logs the browser in; the first JavaScript is under 500 KB gzipped', async () => {
  await page.goto(`${fc.cloud.url}/console/`);
  await page.locator('[data-test=login-code]').waitFor();
  await screenshot('login');
  const initial = [...initialScripts.values()].reduce((a, b) => a + b, 0);
  expect(initial).toBeLessThan(500 * 1024);
  expect([...initialScripts.keys()].some((u) => u.includes('charts'))).toBe(false);
  await logInByScanning(page, fc.cloud.url, async (loginId) => {
    expect(await fc.call('br-admin', 'console', 'confirmLogin', { loginId })).toEqual({ ok: true, data: { confirmed: true } });
  });
  expect(await page.locator('[data-test=who]').textContent()).toBe('王主席');
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'zgzj_console')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
});

test('a worker’s request is assigned, answered with a template, resolved and followed up in the console; the worker sees the reply and rates it', async () => {
  const filed = await fc.call('br-worker', 'requests', 'submit', requestForm({ title: '外卖骑手驿站饮水机损坏', category: 'outdoorStation' }));
  if (!filed.ok) throw new Error(filed.message);
  await openPage('requests');
  await page.locator(`[data-test=open-${filed.data.id}]`).waitFor();
  await screenshot('requests');
  await page.locator(`[data-test=open-${filed.data.id}]`).click();
  await page.locator('[data-test=request-drawer] [data-test=timeline]').waitFor();

  await pickOption('assignee-select', '王主席');
  await page.locator('[data-test=assign]').click();
  await expectText('[data-test=assignee]', '王主席');

  await pickOption('move-select', '受理');
  await page.locator('[data-test=move-submit]').click();
  await expectText('[data-test=timeline]', '受理');

  await pickOption('move-select', '回复');
  await pickOption('template-select', '已收到,正在核实');
  await page.locator('[data-test=move-submit]').click();
  await expectText('[data-test=timeline]', '正在联系相关单位核实情况');

  await pickOption('move-select', '办结');
  await page.locator('[data-test=move-note] textarea').fill('饮水机已更换,驿站恢复供水。');
  await page.locator('[data-test=move-submit]').click();
  await page.locator('.t-dialog__confirm').click();
  await expectText('[data-test=timeline]', '饮水机已更换');

  await pickOption('follow-outcome', '满意');
  await page.locator('[data-test=follow-submit]').click();
  await expectText('[data-test=follow-up]', '满意');
  await screenshot('request-detail');

  const seen = await fc.call('br-worker', 'requests', 'detail', { requestId: filed.data.id });
  expect(seen.ok && seen.data.timeline.map((s) => s.note)).toEqual(expect.arrayContaining(['饮水机已更换,驿站恢复供水。', expect.stringContaining('正在联系相关单位核实情况')]));
  expect(seen.ok && seen.data.status).toBe('resolved');
  expect(await fc.call('br-worker', 'requests', 'rate', { requestId: filed.data.id, stars: 5, comment: '处理很快' })).toMatchObject({ ok: true });
});

test('the dashboard’s charts draw the figures the dashboard action returns', async () => {
  await openPage('dashboard');
  await page.locator('[data-test=chart-weekly] canvas').waitFor();
  await page.waitForFunction(() => Object.keys((window as unknown as ChartWindow).__consoleCharts ?? {}).length === 5);
  const drawn = await page.evaluate(() => {
    const charts = (window as unknown as ChartWindow).__consoleCharts ?? {};
    const series = (name: string) => (charts[name]?.getOption() as { series: Array<{ name: string; data: unknown[] }> }).series.map((s) => ({ name: s.name, data: s.data }));
    return { weekly: series('weekly'), rates: series('rates'), orgRates: series('orgRates'), quiz: series('quiz'), active: series('active') };
  });
  const stats = await page.evaluate(async () => {
    const response = await fetch('/console-api/call', { method: 'POST', headers: { 'content-type': 'application/json', 'x-console-request': '1' }, body: JSON.stringify({ domain: 'requests', action: 'deskStats', input: { weeks: 8 } }) });
    return (await response.json()) as { ok: true; data: import('../../server/contracts/requests').DeskStats };
  });
  const s = stats.data;
  expect(s.totals).toMatchObject({ filed: 1, resolved: 1, onTimePct: 100, satisfactionPct: 100 });
  expect(drawn.weekly.find((x) => x.name === '已办结')?.data).toEqual(s.weeks.map((w) => w.byStatus.resolved ?? 0));
  // The rated request is closed now: one bar this week, in 已关闭.
  expect(drawn.weekly.find((x) => x.name === '已关闭')?.data.at(-1)).toBe(1);
  expect(drawn.weekly.reduce((sum, x) => sum + Number(x.data.at(-1)), 0)).toBe(1);
  for (const series of drawn.weekly) expect(series.data).toEqual(s.weeks.map((w) => w.byStatus[statusKey(series.name)] ?? 0));
  expect(drawn.rates).toEqual([
    { name: '按期办结率', data: s.weeks.map((w) => w.onTimePct) },
    { name: '满意率', data: s.weeks.map((w) => w.satisfactionPct) },
  ]);
  expect(drawn.orgRates[0]?.data).toEqual(s.orgs.map((o) => o.onTimePct));
  expect(drawn.quiz[1]?.data).toEqual(s.orgs.map((o) => o.participationWeekPct));
  expect(drawn.active[0]?.data).toEqual(s.activeByDay.map((d) => d.workers));
  expect(await page.locator('[data-test=total-ontime]').textContent()).toBe('100%');
  // The canvas holds drawn pixels, not a blank box.
  const inked = await page.locator('[data-test=chart-weekly] canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) n += 1;
    return n;
  });
  expect(inked).toBeGreaterThan(1000);
  await screenshot('dashboard');
});

test('a worker’s 纠错 report is resolved with a reply in the console; the worker sees the outcome', async () => {
  const filed = await fc.call('br-worker', 'quiz', 'reportQuestion', { questionId: 'party-001', reason: 'explanation', note: '解析里的年份好像写错了' });
  expect(filed).toMatchObject({ ok: true });
  await openPage('reports');
  await page.locator('[data-test=r-resolve-party-001]').waitFor();
  await screenshot('reports');
  await page.locator('[data-test=r-resolve-party-001]').click();
  await page.locator('[data-test=r-reply] textarea').fill('已核对并更正解析,感谢指正。');
  await page.locator('.t-dialog__confirm').click();
  await page.locator('[data-test=r-resolve-party-001]').waitFor({ state: 'detached' });
  const mine = await fc.call('br-worker', 'quiz', 'listMyReports', {});
  expect(mine.ok && mine.data.items[0]).toMatchObject({ questionId: 'party-001', status: 'resolved', reply: '已核对并更正解析,感谢指正。' });
});

test('an admin finds a person by nickname and grants the content editor role; the grant is in the audit log', async () => {
  await openPage('roles');
  await page.locator('[data-test=people-nickname] input').fill('赵');
  await page.locator('[data-test=people-search]').click();
  await page.locator('[data-test=pick-赵编辑]').click();
  await pickOption('grant-role', '内容编辑');
  await pickOption('grant-org', '西宁市总工会');
  await page.locator('[data-test=grant-submit]').click();
  await expectText('[data-test=roles-table]', '赵编辑');
  await screenshot('roles');
  const { data } = (await connectSdk(fc.cloud).db.collection('roles').where({ openid: 'br-editor' }).get()) as { data: Array<{ role: string; orgId: string }> };
  expect(data).toEqual([expect.objectContaining({ role: 'editor', orgId: 'qh-xining' })]);
  await page.locator('.t-tabs__nav-item', { hasText: '操作日志' }).click();
  await expectText('[data-test=audit-table]', 'grant_editor');
});

test('权限管理 shows the newest 20 roles and the rest with 加载更多', async () => {
  const { db } = connectSdk(fc.cloud);
  // 25 older cadre roles in Haidong; the 20th and 21st rows of the list (cadres 7 and 6) were granted at the same minute.
  for (let n = 0; n < 25; n += 1) {
    const grantedAt = new Date(Date.UTC(2026, 0, 1, 0, n === 6 ? 7 : n));
    await db.collection('roles').doc(`cadre|qh-haidong|br-cadre-${n}`).set({ data: { openid: `br-cadre-${n}`, role: 'cadre', orgId: 'qh-haidong', grantedBy: 'setup', grantedAt } });
  }
  await openPage('roles');
  const rows = page.locator('[data-test=roles-table] tbody tr');
  await page.locator('[data-test=roles-more]').waitFor();
  await expect(rows.count()).resolves.toBe(20);
  await page.locator('[data-test=roles-more]').click();
  await page.locator('[data-test=roles-more]').waitFor({ state: 'detached' });
  // 王主席's and 赵编辑's roles and all 25 cadres, each once.
  await expect(rows.count()).resolves.toBe(27);
  await expect(rows.last().textContent()).resolves.toContain('2026-01-01');
});

const statusKeys: Record<string, keyof import('../../server/contracts/requests').WeekLine['byStatus']> = {
  已提交: 'submitted', 已受理: 'accepted', 办理中: 'in_progress', 已办结: 'resolved', 已关闭: 'closed', 已撤回: 'withdrawn', 不予受理: 'declined', 已转办: 'transferred', 重新办理: 'reopened',
};
const statusKey = (label: string) => statusKeys[label] as keyof import('../../server/contracts/requests').WeekLine['byStatus'];

async function expectText(selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout: 15000 });
}
