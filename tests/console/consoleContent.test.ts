import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { toCsv } from '../../server/content/csv';
import { questionColumns, questionToCells } from '../../server/content/questionRows';
import type { Question } from '../../server/content/questionSchema';
import type { EditorQuestion } from '../../server/contracts/quiz';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from '../functions/harness/functionCloud';
import { joinByRoster } from '../functions/harness/membership';
import { ensureConsoleBuilt, launchBrowser, logInByScanning, ok } from './browser';
import { coverPng } from './coverImage';

// The console's content pages end to end in a real browser: a question import with a bad row, a
// contest and its ranking, a story edited, previewed, taken down and published again.
jest.setTimeout(300000);

const SCREENS = path.resolve(__dirname, '../../docs/screens/console');
let fc: FunctionCloud;
let browser: Browser;
let page: Page;
let files: string;


async function screenshot(name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), timeout: 90000 });
}

async function openPage(route: string): Promise<void> {
  await page.goto(`${fc.cloud.url}/console/#/${route}`);
  await page.reload();
}

async function expectText(selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout: 20000 });
}

async function confirmDialog(): Promise<void> {
  await page.locator('.t-dialog__confirm').click();
  await page.locator('.t-dialog__confirm').waitFor({ state: 'detached' });
}

beforeAll(async () => {
  await ensureConsoleBuilt();
  files = mkdtempSync(path.join(os.tmpdir(), 'console-files-'));
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  // A province admin: keeps the bank and the stories, runs contests.
  await db.collection('roles').add({ data: { _id: 'admin|province|bc-admin', openid: 'bc-admin', role: 'admin', orgId: null, grantedBy: 'setup', grantedAt: new Date() } });
  await fc.call('bc-admin', 'account', 'updateProfile', { nickname: '李编辑' });
  browser = await launchBrowser();
  // The console's users are in China: dates typed in the pickers are Beijing time.
  page = await browser.newPage({ viewport: { width: 1366, height: 860 }, timezoneId: 'Asia/Shanghai' });
  await logInByScanning(page, fc.cloud.url, async (loginId) => {
    ok(await fc.call('bc-admin', 'console', 'confirmLogin', { loginId }));
  });
});

afterAll(async () => {
  await browser?.close();
  await fc?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

test('a question file with one bad row: the report names the row and nothing is written', async () => {
  const source = ok(await fc.call('bc-admin', 'quiz', 'getBankQuestion', { id: 'prc-010' })) as EditorQuestion;
  const { retired: _r, updatedAt: _u, ...question } = source;
  const rows: Question[] = [{ ...question, id: 'prc-901' } as Question, { ...question, id: 'prc-902', answer: ['E'] } as Question];
  const csv = toCsv([questionColumns.map((c) => c.header), ...rows.map((q) => questionColumns.map((c) => String(questionToCells(q)[c.key])))]);
  const file = path.join(files, 'questions.csv');
  writeFileSync(file, csv);

  await openPage('questions');
  await page.locator('[data-test=q-import]').click();
  await page.locator('[data-test=q-import-file]').setInputFiles(file);
  await expectText('[data-test=q-import-failed]', '1 行未通过检查,没有写入任何题目');
  // Row 3 of the sheet (after the header and the good row) is prc-902, with the reason.
  const bad = page.locator('[data-test=q-import-rows] tr', { hasText: 'prc-902' });
  await expect(bad.textContent()).resolves.toMatch(/^3prc-902答案 E 不在 4 个选项之中/);
  await expect(page.locator('[data-test=q-import-confirm]').count()).resolves.toBe(0);
  await screenshot('question-import');
  const { db } = connectSdk(fc.cloud);
  const { total } = (await db.collection('questions').where({ _id: db.command.in(['prc-901', 'prc-902']) }).count()) as { total: number };
  expect(total).toBe(0);
  await page.keyboard.press('Escape');
});

test('a contest created in the console shows its ranking once workers have taken part', async () => {
  await openPage('contests');
  await page.locator('[data-test=contest-title] input').fill('西宁市“读四史”知识竞赛');
  const fmt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  const inputs = page.locator('[data-test=contest-window] input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(fmt(new Date(Date.now() - 3600_000)));
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).click();
  await inputs.nth(1).fill(fmt(new Date(Date.now() + 24 * 3600_000)));
  await inputs.nth(1).press('Enter');
  await page.locator('[data-test=contest-title] input').click();
  await page.locator('[data-test=contest-orgs]').click();
  await page.locator('.t-select-option', { hasText: '西宁市总工会' }).first().click();
  await page.locator('[data-test=contest-title] input').click();
  await page.locator('[data-test=contest-create]').click();
  await expectText('[data-test=contests-table]', '西宁市“读四史”知识竞赛');

  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection('contests').where({ title: '西宁市“读四史”知识竞赛' }).get()) as { data: Array<{ _id: string }> };
  const contestId = data[0]?._id as string;
  for (const [openid, nickname, right] of [['bc-w1', '卓玛', 8], ['bc-w2', '多杰', 5]] as const) {
    await fc.call(openid, 'account', 'updateProfile', { nickname });
    await joinByRoster(fc, openid, 'qh-xining');
    const paper = ok(await fc.call(openid, 'quiz', 'startContest', { contestId }));
    const { data: attempts } = (await db.collection('attempts').where({ _id: paper.attemptId }).get()) as { data: Array<{ paper: Array<{ id: string; answer: Array<'A' | 'B' | 'C' | 'D' | 'E'> }> }> };
    const answers = (attempts[0]?.paper ?? []).map((q, i) => ({ questionId: q.id, choice: i < right ? q.answer : [] }));
    ok(await fc.call(openid, 'quiz', 'submitAttempt', { attemptId: paper.attemptId, answers }));
  }
  await openPage('contests');
  await page.locator('[data-test=contests-table] tr', { hasText: '西宁市“读四史”知识竞赛' }).click();
  await expectText('[data-test=contest-ranking]', '卓玛');
  // Participation by organisation, its total from the contest's kept counts; one organisation, so no next page.
  await expectText('[data-test=participation-total]', '参与 2 人');
  expect((await page.locator('[data-test=contest-ranking] table').nth(1).locator('tbody tr').allTextContents()).map((r) => r.replace(/\s/g, ''))).toEqual(['西宁市总工会265']);
  expect(await page.locator('[data-test=participation-more]').count()).toBe(0);
  const ranking = await page.locator('[data-test=contest-ranking] table').first().locator('tbody tr').allTextContents();
  expect(ranking[0]).toMatch(/^1卓玛/);
  expect(ranking[1]).toMatch(/^2多杰/);
  const served = ok(await fc.call('bc-admin', 'quiz', 'getContestRanking', { contestId }));
  expect(ranking.map((r) => r.replace(/\s/g, ''))).toEqual(served.top.map((r) => `${r.rank}${r.nickname}${r.score}${r.timeUsedSeconds}`));
  await screenshot('contests');

  // 结束竞赛 asks first, then ends it with the same action as the mini program; the ranking stays.
  await page.locator(`[data-test=contest-status-${contestId}]`, { hasText: '进行中' }).waitFor();
  await page.locator('[data-test=contest-close]').first().click();
  await page.locator('.t-dialog__confirm').click();
  await page.locator(`[data-test=contest-status-${contestId}]`, { hasText: '已结束' }).waitFor({ timeout: 15000 });
  const { data: closed } = (await db.collection('contests').where({ _id: contestId }).get()) as { data: Array<{ closedAt?: string; closedBy?: string }> };
  expect(closed[0]?.closedAt).toBeTruthy();
  expect(closed[0]?.closedBy).toBe('bc-admin');
  expect(ok(await fc.call('bc-admin', 'quiz', 'getContestRanking', { contestId })).top).toHaveLength(2);

  // A contest of more than 100: 加载更多名次 goes on from the 100th place, and stops at the last.
  const key = `contest:${contestId}`;
  const bulk = Array.from({ length: 100 }, (_, i) => ({ _id: `${key}|bc-bulk-${i}`, boardKey: key, openid: `bc-bulk-${i}`, orgId: 'qh-xining', nickname: `职工${i + 1}`, score: 9_999 - 100 - i, paperScore: 0, timeUsedSeconds: 100 + i, tallied: true }));
  await db.collection('leaderboards').add({ data: bulk });
  await page.locator('[data-test=contests-table] tr', { hasText: '西宁市“读四史”知识竞赛' }).click();
  const rows = page.locator('[data-test=contest-ranking] table').first().locator('tbody tr');
  await page.locator('[data-test=ranking-more]').waitFor();
  expect(await rows.count()).toBe(100);
  await page.locator('[data-test=ranking-more]').click();
  await rows.nth(101).waitFor();
  expect(await rows.count()).toBe(102);
  expect((await rows.nth(101).textContent())?.replace(/\s/g, '')).toBe('102职工1000199');
  expect(await page.locator('[data-test=ranking-more]').count()).toBe(0);
});

test('我管辖的: the admin finds a contest another cadre created, sees who created it, and ends it after the confirmation', async () => {
  const { db } = connectSdk(fc.cloud);
  const now = Date.now();
  await db.collection('roles').add({ data: { _id: 'cadre|qh-haidong|bc-cadre', openid: 'bc-cadre', role: 'cadre', orgId: 'qh-haidong', grantedBy: 'setup', grantedAt: new Date() } });
  await fc.call('bc-cadre', 'account', 'updateProfile', { nickname: '海东干部' });
  const created = ok(await fc.call('bc-cadre', 'quiz', 'createContest', { title: '海东市干部的竞赛', startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh-haidong'] }));

  await openPage('contests');
  await page.locator('[data-test=contests-table]').waitFor();
  // 我创建的 first: only the admin's own.
  await expect(page.locator('[data-test=contests-table] tr', { hasText: '海东市干部的竞赛' }).count()).resolves.toBe(0);
  await page.locator('[data-test=contests-scope] .t-tabs__nav-item', { hasText: '我管辖的' }).click();
  const row = page.locator('[data-test=contests-table] tr', { hasText: '海东市干部的竞赛' });
  await row.waitFor({ timeout: 20000 });
  await expect(row.textContent()).resolves.toContain('海东干部');
  await row.locator('[data-test=contest-close]').click();
  await page.locator('.t-dialog__confirm').click();
  await page.locator(`[data-test=contest-status-${created.contestId}]`, { hasText: '已结束' }).waitFor({ timeout: 15000 });
  const { data: closed } = (await db.collection('contests').where({ _id: created.contestId }).get()) as { data: Array<{ closedBy?: string }> };
  expect(closed[0]?.closedBy).toBe('bc-admin');
});

test('a story edited in the console, previewed as the reader shows it, taken down and published again: the reading action then serves the new text', async () => {
  const png = path.join(files, 'cover.png');
  writeFileSync(png, coverPng());
  await openPage('stories');
  await page.locator('[data-test=edit-founding-01]').click();
  await page.locator('[data-test=story-editor]').waitFor();
  const title = '南湖红船上的决定(修订)';
  await page.locator('[data-test=story-title] input').fill(title);
  const first = page.locator('[data-test=para-0] textarea');
  const added = '这一段由编辑在工作台中补充修订。';
  await first.fill(`${await first.inputValue()}${added}`);
  await page.locator('[data-test=cover-file]').setInputFiles(png);
  await page.locator('[data-test=story-preview] img.story-cover').waitFor();
  await expectText('[data-test=preview-title]', title);
  await expectText('[data-test=story-preview]', added);
  await expectText('[data-test=cover-check]', '内容安全审核中');
  await page.locator('[data-test=story-save]').click();
  await expectText('[data-test=story-state]', '已发布');
  // Still published; readers get the new cover once WeChat's image check passed.
  expect(ok(await fc.call('bc-worker', 'reading', 'openStory', { storyId: 'founding-01' })).coverFileId).toBeNull();
  // The picture shows the drawer from its top, the preview beside the form.
  await page.locator('.t-drawer__body').evaluate((body) => body.scrollTo(0, 0));
  await screenshot('story-editor');

  await page.locator('[data-test=story-publish]').click();
  await confirmDialog();
  await expectText('[data-test=story-state]', '草稿');
  expect(await fc.call('bc-worker', 'reading', 'openStory', { storyId: 'founding-01' })).toMatchObject({ ok: false, code: 'STORY_NOT_FOUND' });
  // Not published again while the cover is being checked: the editor is told why.
  await expectText('[data-test=story-media-block]', '封面正在进行内容安全审核,审核通过后才能发布');
  await expect(page.locator('[data-test=story-publish]').isDisabled()).resolves.toBe(true);
  expect(await fc.cloud.completeMediaChecks(() => 'pass')).toBeGreaterThanOrEqual(1);
  await page.locator('[data-test=story-check-refresh]').click();
  await expectText('[data-test=cover-check]', '已通过审核');
  await expect(page.locator('[data-test=story-media-block]').count()).resolves.toBe(0);

  await page.locator('[data-test=story-publish]').click();
  await confirmDialog();
  await expectText('[data-test=story-state]', '已发布');
  const opened = ok(await fc.call('bc-worker', 'reading', 'openStory', { storyId: 'founding-01' }));
  expect(opened.title).toBe(title);
  expect(opened.chunk.paragraphs[0]?.endsWith(added)).toBe(true);
  expect(opened.coverFileId).toMatch(/^cloud:\/\/.+\/story-media\/cover-/);

  await page.keyboard.press('Escape');
  await openPage('stories');
  await expectText('[data-test=stories-table]', title);
  await screenshot('stories');
});

test('a theme longer than a page: the story list loads the next page, and a new story takes the id after the last page', async () => {
  const { db } = connectSdk(fc.cloud);
  // The theme's 9 seeded stories and 55 drafts: a page of 50 and one more.
  for (let n = 20; n < 75; n += 1) {
    await db.collection('stories').doc(`construction-${n}`).set({ data: { title: `建设草稿${n}`, theme: 'construction', era: '新中国建设', year: 1960, summary: '草稿', keywords: [], paragraphs: ['草稿'], sources: [], readingMinutes: 3, likes: 0, unpublished: true } });
  }
  await openPage('stories');
  await page.locator('.t-tabs__nav-item', { hasText: '新中国建设' }).click();
  const rows = page.locator('[data-test=stories-table] tbody tr');
  await expectText('[data-test=stories-table]', '建设草稿20');
  expect(await rows.count()).toBe(50);
  await page.locator('[data-test=stories-more]').click();
  await expectText('[data-test=stories-table]', '建设草稿74');
  expect(await rows.count()).toBe(64);
  await page.locator('[data-test=stories-more]').waitFor({ state: 'detached' });

  await page.locator('[data-test=story-new]').click();
  await page.locator('.t-drawer__header', { hasText: '新建故事 construction-75' }).waitFor({ timeout: 20000 });
  await page.keyboard.press('Escape');
});
