import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').add({ data: { openid: 'st-cadre', role: 'cadre', orgId: 'qh', grantedBy: 'admin', grantedAt: new Date() } });
});

afterAll(async () => {
  await fc?.close();
});

function ok<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
}

/** A new story that meets the content rules: 900 characters of body. */
const newStory = {
  id: 'labor-50',
  title: '盐湖上的采盐工',
  theme: 'labor' as const,
  era: '新时代',
  year: 2020,
  summary: '察尔汗盐湖的采盐工人数十年如一日坚守岗位,把盐湖资源变成了造福百姓的钾肥,这是他们平凡而光荣的故事。',
  keywords: ['盐湖', '劳模'],
  paragraphs: Array.from({ length: 6 }, (_, i) => `第${i + 1}段:${'盐湖的工人们在高原上辛勤劳动,用双手创造美好生活。'.repeat(6)}`),
  sources: ['青海日报'],
};

describe('cadres publish, edit and unpublish stories', () => {
  test('a cadre publishes a new story and workers find it in its theme', async () => {
    const saved = ok(await fc.call('st-cadre', 'reading', 'saveStory', newStory));
    expect(saved).toMatchObject({ id: 'labor-50', created: true });
    expect(saved.readingMinutes).toBeGreaterThan(0);
    const list = ok(await fc.call('st-worker', 'reading', 'listStories', { theme: 'labor', limit: 50 }));
    expect(list.stories.map((s) => s.id)).toContain('labor-50');
  });

  test('a cadre edits a story: its text changes, its likes stay', async () => {
    ok(await fc.call('st-worker', 'reading', 'setLike', { storyId: 'labor-50', liked: true }));
    ok(await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, title: '察尔汗盐湖的采盐工' }));
    const opened = ok(await fc.call('st-worker', 'reading', 'openStory', { storyId: 'labor-50' }));
    expect(opened).toMatchObject({ title: '察尔汗盐湖的采盐工', likes: 1, liked: true });
  });

  test('an unpublished story disappears for workers everywhere and comes back when republished', async () => {
    ok(await fc.call('st-cadre', 'reading', 'setStoryPublished', { storyId: 'labor-01', published: false }));
    expect(ok(await fc.call('st-worker', 'reading', 'listStories', { theme: 'labor', limit: 50 })).stories.map((s) => s.id)).not.toContain('labor-01');
    expect(await fc.call('st-worker', 'reading', 'openStory', { storyId: 'labor-01' })).toMatchObject({ ok: false, code: 'STORY_NOT_FOUND' });
    const cadreView = ok(await fc.call('st-cadre', 'reading', 'listAllStories', { theme: 'labor' }));
    expect(cadreView.stories.find((s) => s.id === 'labor-01')).toMatchObject({ published: false });
    ok(await fc.call('st-cadre', 'reading', 'setStoryPublished', { storyId: 'labor-01', published: true }));
    expect(ok(await fc.call('st-worker', 'reading', 'openStory', { storyId: 'labor-01' })).id).toBe('labor-01');
  });

  test('a story that breaks the content rules is refused and nothing is written', async () => {
    const short = await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, id: 'labor-51', paragraphs: ['太短了。'] });
    expect(short).toMatchObject({ ok: false, code: 'STORY_INVALID' });
    const wrongTheme = await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, id: 'reform-51' });
    expect(wrongTheme).toMatchObject({ ok: false, code: 'STORY_INVALID' });
    const unsafe = await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, id: 'labor-52', paragraphs: [...newStory.paragraphs, '网络赌博'] });
    expect(unsafe).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    const { db } = connectSdk(fc.cloud);
    const { total } = (await db.collection('stories').where({ _id: db.command.in(['labor-51', 'reform-51', 'labor-52']) }).count()) as { total: number };
    expect(total).toBe(0);
  });

  test('a worker cannot publish, edit or take down stories', async () => {
    expect(await fc.call('st-worker', 'reading', 'saveStory', { ...newStory, id: 'labor-53' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.call('st-worker', 'reading', 'setStoryPublished', { storyId: 'labor-02', published: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.call('st-worker', 'reading', 'listAllStories', { theme: 'labor' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(ok(await fc.call('st-worker', 'reading', 'openStory', { storyId: 'labor-02' })).id).toBe('labor-02');
  });
});
