import type * as Simulate from 'miniprogram-simulate';
import { actAs, grantRole, insertDocument } from './harness/pageCloud';
import { renderPage, tap, tapItem, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(90000);

type RenderedPage = ReturnType<typeof Simulate.render>;
type Instance = Record<string, (...args: never[]) => unknown>;

const opened: Instance[] = [];
afterEach(() => {
  for (const reader of opened.splice(0)) reader.stopHeartbeat();
});

/** Records the actions the page sends from now on (a dialog must send nothing before 确定). */
function recordCalls(): { sent: string[]; restore(): void } {
  type CallFunction = (options: { data: { action: string } }) => Promise<unknown>;
  const cloud = (globalThis as unknown as { wx: { cloud: { callFunction: CallFunction } } }).wx.cloud;
  const through = cloud.callFunction;
  const sent: string[] = [];
  cloud.callFunction = (options) => {
    sent.push(options.data.action);
    return through(options);
  };
  return { sent, restore: () => { cloud.callFunction = through; } };
}

/** Whether the moderation page's 不通过 dialog is open. */
const rejecting = (queue: RenderedPage) => (queue.data.rejection as { visible: boolean }).visible;

async function openReader(storyId: string): Promise<RenderedPage> {
  const page = renderPage('pages/stories/reader/index');
  const instance = page.instance as unknown as Instance;
  opened.push(instance);
  await (instance.onLoad({ storyId } as never) as Promise<void>);
  return page;
}

describe('读后感 pages', () => {
  test('a worker writes a reflection, a cadre approves it in the queue, and then other workers see it', async () => {
    const text = '青藏高原上的筑路人让我明白了什么是奉献,我要在本职岗位上干出成绩。';
    // The author is a member of 海西's union, whose cadre moderates them: page tests share a cloud,
    // and a province-level queue would also hold what other files' workers wrote.
    const now = { $date: new Date().toISOString() };
    await insertDocument('users', { _id: 'page-rf-author', nickname: '海西职工', avatarFileId: null, orgId: 'qh-haixi', createdAt: now, updatedAt: now });
    actAs('page-rf-author');
    const reader = await openReader('qinghai-03');
    typeInto(reader, '.reflection-input', text);
    tap(reader, '.reflection-submit');
    await waitFor(() => textOf(reader, '.reflection.mine .reflection-text') === text, 'the submitted reflection');
    expect(textOf(reader, '.reflection-status')).toContain('审核中');

    actAs('page-rf-other');
    const before = await openReader('qinghai-03');
    await new Promise((r) => setTimeout(r, 200));
    expect(before.querySelector('.reflection.approved')).toBeFalsy();

    await grantRole('page-rf-cadre', 'qh-haixi');
    actAs('page-rf-cadre');
    const queue = renderPage('cadre/reading/moderation/index', undefined, { compiler: 'official' });
    await waitFor(() => textOf(queue, '.pending-text') === text, 'the queue', 30000);
    // 不通过 hides it for good: it asks first, and 取消 leaves it in the queue.
    tap(queue, '.reject-button');
    await waitFor(() => rejecting(queue), 'the reject dialog');
    tapItem(queue, '.reject-dialog', 't-dialog-button', 0);
    await waitFor(() => !rejecting(queue), 'the dialog to close');
    expect(textOf(queue, '.pending-text')).toBe(text);
    tap(queue, '.approve-button');
    await waitFor(() => textOf(queue, '.empty-text') === '没有待审核的读后感', 'the queue to empty');

    actAs('page-rf-other');
    const after = await openReader('qinghai-03');
    await waitFor(() => textOf(after, '.reflection.approved .reflection-text') === text, 'the approved reflection');
  });

  test('a rejected reflection shows its author the moderator’s reason; another reader sees nothing of it', async () => {
    const reason = '与故事内容无关,请围绕故事谈体会';
    await insertDocument('reflections', { _id: 'b'.repeat(32), openid: 'page-rf-rejected', storyId: 'qinghai-02', nickname: '职工', text: '这是一篇与故事无关的读后感文字。', status: 'rejected', rejectReason: reason, createdAt: { $date: new Date().toISOString() } });
    actAs('page-rf-rejected');
    const reader = await openReader('qinghai-02');
    await waitFor(() => textOf(reader, '.reflection-status') !== '', 'the author’s reflection');
    expect(textOf(reader, '.reflection-status')).toBe(`未通过审核:${reason}`);
    actAs('page-rf-other2');
    const other = await openReader('qinghai-02');
    await new Promise((r) => setTimeout(r, 200));
    expect(other.querySelector('.reflection-status')).toBeFalsy();
  });

  test('the reader shows 20 approved reflections, then the rest with 更多读后感, losing none approved in the same millisecond across the break', async () => {
    // 22 approved, newest first: the 20th and 21st share a millisecond and straddle the page break.
    const base = Date.UTC(2026, 10, 4, 8);
    for (let n = 0; n < 22; n += 1) {
      await insertDocument('reflections', {
        _id: `f0f0${String(21 - n).padStart(28, '0')}`, openid: `page-rf-shown-${n}`, storyId: 'qinghai-06', nickname: '读者', text: `高原读后感 ${String(n).padStart(2, '0')}`,
        status: 'approved', createdAt: { $date: new Date(base - Math.min(n, 19) * 60000 - (n > 20 ? 60000 : 0)).toISOString() }, authorOrgId: null,
      });
    }
    actAs('page-rf-shown-reader');
    const reader = await openReader('qinghai-06');
    const texts = () => reader.querySelectorAll('.reflection.approved .reflection-text').map((t) => (t.dom as HTMLElement).textContent?.trim());
    await waitFor(() => texts().length === 20, 'the first page of reflections');
    expect(texts()[19]).toBe('高原读后感 19');
    tap(reader, '.reflections-more');
    await waitFor(() => texts().length === 22, 'the next page of reflections');
    expect(texts()).toEqual(Array.from({ length: 22 }, (_, n) => `高原读后感 ${String(n).padStart(2, '0')}`));
    expect(reader.querySelector('.reflections-more')).toBeFalsy();
  });

  test('the reader shows 20 of the worker’s own awaiting or rejected reflections, then the rest with 查看更多, none lost in the same millisecond across the break', async () => {
    // 4 of theirs approved (newest: shown with everyone's, not among their own), then 22 awaiting a
    // decision or rejected, newest first, the 20th and 21st in the same millisecond.
    const base = Date.UTC(2026, 10, 5, 8);
    for (let n = 0; n < 4; n += 1) {
      await insertDocument('reflections', { _id: `a1a1${String(n).padStart(28, '0')}`, openid: 'page-rf-prolific', storyId: 'qinghai-07', nickname: '读者', text: `已通过的读后感 ${n}`, status: 'approved', createdAt: { $date: new Date(base + (n + 1) * 60000).toISOString() }, authorOrgId: null });
    }
    for (let n = 0; n < 22; n += 1) {
      const rejected = n % 5 === 0;
      await insertDocument('reflections', {
        _id: `d1d1${String(21 - n).padStart(28, '0')}`, openid: 'page-rf-prolific', storyId: 'qinghai-07', nickname: '读者', text: `我的读后感 ${String(n).padStart(2, '0')}`,
        status: rejected ? 'rejected' : 'pending', ...(rejected ? { rejectReason: '请围绕故事谈体会' } : {}),
        createdAt: { $date: new Date(base - Math.min(n, 19) * 60000 - (n > 20 ? 60000 : 0)).toISOString() }, authorOrgId: null,
      });
    }
    actAs('page-rf-prolific');
    const reader = await openReader('qinghai-07');
    const mine = () => reader.querySelectorAll('.reflection.mine .reflection-text').map((t) => (t.dom as HTMLElement).textContent?.trim());
    await waitFor(() => mine().length === 20, 'the first page of the worker’s own');
    expect(mine()[19]).toBe('我的读后感 19');
    expect(reader.querySelectorAll('.reflection.approved')).toHaveLength(4);
    expect(reader.querySelector('.reflections-more')).toBeFalsy();
    tap(reader, '.mine-more');
    await waitFor(() => mine().length === 22, 'the next page of the worker’s own');
    expect(mine()).toEqual(Array.from({ length: 22 }, (_, n) => `我的读后感 ${String(n).padStart(2, '0')}`));
    expect(reader.querySelector('.mine-more')).toBeFalsy();
    const statuses = reader.querySelectorAll('.reflection.mine .reflection-status').map((t) => (t.dom as HTMLElement).textContent?.trim());
    expect(statuses[20]).toBe('未通过审核:请围绕故事谈体会');
    expect(statuses[21]).toBe('审核中,通过后他人可见');
  });

  test('a reflection that fails the content check shows why and is not listed', async () => {
    actAs('page-rf-bad');
    const reader = await openReader('qinghai-04');
    typeInto(reader, '.reflection-input', '大家一起来网络赌博吧');
    tap(reader, '.reflection-submit');
    await waitFor(() => textOf(reader, '.reflection-error') !== '', 'the refusal');
    expect(textOf(reader, '.reflection-error')).toContain('安全检查');
    expect(reader.querySelector('.reflection.mine')).toBeFalsy();
  });

  test('a cadre pages the queue 20 at a time; 不通过 asks first and sends nothing before the reason and 不通过, then takes it out with a toast; pull-down refresh starts again', async () => {
    // Ids as the server makes them (32 hex digits), 22 pending from authors of 玉树.
    for (let n = 0; n < 22; n += 1) {
      await insertDocument('reflections', {
        _id: `e0e0${String(n).padStart(28, '0')}`, openid: `page-rf-yushu-author-${n}`, storyId: 'qinghai-03', nickname: '读者', text: `玉树读后感 ${String(n).padStart(2, '0')}`,
        status: 'pending', createdAt: { $date: new Date(Date.UTC(2026, 10, 3, 1, n)).toISOString() }, authorOrgId: 'qh-yushu',
      });
    }
    await grantRole('page-rf-yushu', 'qh-yushu');
    actAs('page-rf-yushu');
    const queue = renderPage('cadre/reading/moderation/index', undefined, { compiler: 'official' });
    const texts = () => queue.querySelectorAll('.pending-text').map((t) => (t.dom as HTMLElement).textContent?.trim());
    await waitFor(() => texts().length === 20, 'the first page', 30000);
    expect(texts()[0]).toBe('玉树读后感 00');
    tap(queue, '.load-more');
    await waitFor(() => texts().length === 22, 'the next page');
    expect(queue.querySelector('.load-more')).toBeFalsy();

    const { sent, restore } = recordCalls();
    tap(queue, '.reject-button');
    await waitFor(() => rejecting(queue), 'the reject dialog');
    expect(sent).toEqual([]);
    typeInto(queue, '.reason-input', '与故事内容无关');
    tapItem(queue, '.reject-dialog', 't-dialog-button', 1);
    await waitFor(() => texts().length === 21, 'the rejected one to leave');
    restore();
    expect(sent).toEqual(['moderateReflection']);
    expect(texts()[0]).toBe('玉树读后感 01');
    expect(queue.querySelector('#t-toast')?.data.message).toBe('已设为不通过,作者会看到理由');

    Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, { stopPullDownRefresh: () => undefined });
    await (queue.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(texts()).toHaveLength(20);
    expect(texts()[0]).toBe('玉树读后感 01');
  });

  test('不通过 asks the reason its author will read: without one nothing is sent, a refused one keeps the dialog and the reflection pending, a picked one reaches the author beside the reflection', async () => {
    const text = '果洛的草原上,老一辈工人的故事让我很受触动,值得学习。';
    const id = 'c0c0'.padEnd(32, '0');
    await insertDocument('reflections', { _id: id, openid: 'page-rf-guoluo-author', storyId: 'qinghai-05', nickname: '果洛职工', text, status: 'pending', createdAt: { $date: new Date().toISOString() }, authorOrgId: 'qh-guoluo' });
    await grantRole('page-rf-guoluo', 'qh-guoluo');
    actAs('page-rf-guoluo');
    const queue = renderPage('cadre/reading/moderation/index', undefined, { compiler: 'official' });
    await waitFor(() => textOf(queue, '.pending-text') === text, 'the queue', 30000);

    const { sent, restore } = recordCalls();
    tap(queue, '.reject-button');
    await waitFor(() => rejecting(queue), 'the reject dialog');
    expect(textOf(queue, '.reject-about')).toBe('《' + (queue.data.items as Array<{ storyTitle: string }>)[0]?.storyTitle + '》· 果洛职工');
    // No reason: the dialog says so and sends nothing.
    tapItem(queue, '.reject-dialog', 't-dialog-button', 1);
    await waitFor(() => textOf(queue, '.reason-error') !== '', 'the missing reason');
    expect(textOf(queue, '.reason-error')).toContain('至少 2 个字');
    expect(sent).toEqual([]);
    // A reason that fails the content check: the server refuses it, the dialog keeps it to rewrite.
    typeInto(queue, '.reason-input', '欢迎参加网络赌博活动赢大奖');
    expect(textOf(queue, '.reason-error')).toBe('');
    tapItem(queue, '.reject-dialog', 't-dialog-button', 1);
    await waitFor(() => textOf(queue, '.reason-error') !== '', 'the refusal');
    expect(textOf(queue, '.reason-error')).toContain('安全检查');
    expect(rejecting(queue)).toBe(true);
    expect(textOf(queue, '.pending-text')).toBe(text);
    // A common reason, picked: sent with the decision; the reflection leaves the queue.
    tap(queue, '.preset-0');
    expect((queue.data.rejection as { reason: string }).reason).toBe('与故事内容无关');
    tapItem(queue, '.reject-dialog', 't-dialog-button', 1);
    await waitFor(() => textOf(queue, '.empty-text') === '没有待审核的读后感', 'the queue to empty');
    restore();
    expect(sent).toEqual(['moderateReflection', 'moderateReflection']);
    expect(rejecting(queue)).toBe(false);
    expect(queue.querySelector('#t-toast')?.data.message).toBe('已设为不通过,作者会看到理由');

    actAs('page-rf-guoluo-author');
    const reader = await openReader('qinghai-05');
    await waitFor(() => textOf(reader, '.reflection-status') !== '', 'the author’s reflection');
    expect(textOf(reader, '.reflection-status')).toBe('未通过审核:与故事内容无关');
  });

  test('a worker who is not a cadre sees a refusal instead of the queue', async () => {
    actAs('page-rf-worker');
    const queue = renderPage('cadre/reading/moderation/index');
    await waitFor(() => textOf(queue, '.error-text') !== '', 'the refusal');
    expect(textOf(queue, '.error-text')).toContain('工会干部');
  });
});

describe('故事管理 page', () => {
  test('a province-level editor takes a story down and workers no longer see it in the theme, then puts it back', async () => {
    await grantRole('page-st-cadre', null, 'editor');
    actAs('page-st-cadre');
    const manage = renderPage('cadre/reading/stories/index', undefined, { compiler: 'official' });
    await waitFor(() => manage.querySelectorAll('.managed-story').length > 0, 'the founding stories', 30000);
    tap(manage, '.theme-construction');
    await waitFor(() => (manage.data.items as Array<{ theme: string }>)[0]?.theme === 'construction', 'the construction stories');
    const first = (manage.data.items as Array<{ id: string }>)[0]?.id;
    const { sent, restore } = recordCalls();
    tap(manage, '.publish-toggle');
    // Taking down asks first (取消, then 下架): nothing is sent before 下架; putting back does not ask.
    await waitFor(() => (manage.data.dialog as { visible: boolean }).visible, 'the take-down confirmation');
    tapItem(manage, '.confirm-dialog', 't-dialog-button', 0);
    await waitFor(() => !(manage.data.dialog as { visible: boolean }).visible, 'the dialog to close');
    expect(textOf(manage, '.publish-toggle')).toBe('下架');
    tap(manage, '.publish-toggle');
    await waitFor(() => (manage.data.dialog as { visible: boolean }).visible, 'the take-down confirmation again');
    expect(sent).toEqual([]);
    tapItem(manage, '.confirm-dialog', 't-dialog-button', 1);
    await waitFor(() => textOf(manage, '.publish-toggle') === '重新发布', 'the story to be taken down');
    restore();
    expect(sent).toEqual(['setStoryPublished']);
    expect(manage.querySelector('#t-toast')?.data.message).toBe('已下架');
    expect((manage.data.dialog as { visible: boolean }).visible).toBe(false);

    actAs('page-st-worker');
    // The list's t-tabs use object shorthand, which only the official compiler reads.
    const list = renderPage('pages/stories/list/index', undefined, { compiler: 'official' });
    (list.instance as unknown as Instance).onLoad({ theme: 'construction' } as never);
    await waitFor(() => list.querySelectorAll('.story-card').length > 0, 'the list');
    expect((list.data.items as Array<{ id: string }>).map((s) => s.id)).not.toContain(first);

    actAs('page-st-cadre');
    tap(manage, '.publish-toggle');
    await waitFor(() => textOf(manage, '.publish-toggle') === '下架', 'the story to be back');
    expect(manage.querySelector('#t-toast')?.data.message).toBe('已重新发布');
  });

  test('an editor loads the next page of a theme at the bottom', async () => {
    await grantRole('page-st-editor-2', null, 'editor');
    // 15 drafts beside the theme's 9 stories: more than one page of 20 (workers never see drafts).
    for (let n = 50; n < 65; n += 1) {
      await insertDocument('stories', { _id: `newEra-${n}`, title: `草稿故事${n}`, theme: 'newEra', era: '新时代', year: 2020, summary: '草稿摘要', keywords: [], paragraphs: ['草稿'], sources: [], readingMinutes: 3, likes: 0, unpublished: true });
    }
    actAs('page-st-editor-2');
    const manage = renderPage('cadre/reading/stories/index', undefined, { compiler: 'official' });
    await waitFor(() => manage.querySelectorAll('.managed-story').length > 0, 'the founding stories', 30000);
    tap(manage, '.theme-newEra');
    const ids = () => (manage.data.items as Array<{ id: string }>).map((s) => s.id);
    await waitFor(() => ids()[0]?.startsWith('newEra-') === true, 'the first page of 新时代', 30000);
    expect(ids()).toHaveLength(20);
    expect(textOf(manage, '.list-end')).toContain('加载更多');

    (manage.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await waitFor(() => ids().length === 24, 'the next page', 30000);
    expect(new Set(ids()).size).toBe(24);
    expect(ids().slice(-2)).toEqual(['newEra-63', 'newEra-64']);
    const rows = manage.querySelectorAll('.managed-story').map((r) => (r.dom as HTMLElement).textContent ?? '');
    expect(rows[23]).toContain('newEra-64 · 已下架');
    expect(textOf(manage, '.list-end')).toBe('已经到底了');
  });
});
