import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').add({ data: { openid: 'st-cadre', role: 'editor', orgId: null, grantedBy: 'admin', grantedAt: new Date() } });
});

afterAll(async () => {
  await fc?.close();
});

function ok<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
}

/** A 1×1 PNG. */
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
/** An MP3 frame header and a little silence. */
const mp3 = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x44]), Buffer.alloc(60)]).toString('base64');
/** WeChat's verdict in these tests: audio is found risky when the test says so, images always pass. */
let riskyAudio = false;
const verdict = (_url: string, mediaType: 1 | 2) => (mediaType === 1 && riskyAudio ? 'risky' : 'pass');

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

describe('editors publish, edit and unpublish stories', () => {
  test('an editor saves a new story as a draft, publishes it, and workers find it in its theme', async () => {
    const saved = ok(await fc.call('st-cadre', 'reading', 'saveStory', newStory));
    expect(saved).toMatchObject({ id: 'labor-50', created: true, published: false });
    expect(saved.readingMinutes).toBeGreaterThan(0);
    expect(ok(await fc.call('st-worker', 'reading', 'listStories', { theme: 'labor', limit: 50 })).stories.map((s) => s.id)).not.toContain('labor-50');
    expect(await fc.call('st-worker', 'reading', 'openStory', { storyId: 'labor-50' })).toMatchObject({ ok: false, code: 'STORY_NOT_FOUND' });
    ok(await fc.call('st-cadre', 'reading', 'setStoryPublished', { storyId: 'labor-50', published: true }));
    const list = ok(await fc.call('st-worker', 'reading', 'listStories', { theme: 'labor', limit: 50 }));
    expect(list.stories.map((s) => s.id)).toContain('labor-50');
  });

  test('an editor edits a story: its text changes, its likes and published state stay', async () => {
    ok(await fc.call('st-worker', 'reading', 'setLike', { storyId: 'labor-50', liked: true }));
    expect(ok(await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, title: '察尔汗盐湖的采盐工' }))).toMatchObject({ created: false, published: true });
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

  test('a cover uploaded through the reading function is stored in cloud storage, saved with the story and shown to workers once WeChat’s image check passed; a renamed file is refused', async () => {
    const uploaded = ok(await fc.call('st-cadre', 'reading', 'uploadStoryMedia', { kind: 'cover', contentType: 'image/png', base64: png }));
    expect(uploaded.fileId).toMatch(/^cloud:\/\/[^/]+\/story-media\/cover-.+\.png$/);
    expect(uploaded.check).toBe('checking');
    const served = await fetch(uploaded.url);
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(png, 'base64'))).toBe(true);
    // The story is published: saving the new cover keeps it so, but readers get the cover only once it passed.
    expect(ok(await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, title: '察尔汗盐湖的采盐工', coverFileId: uploaded.fileId }))).toMatchObject({ published: true, coverCheck: 'checking', audioCheck: null });
    expect(ok(await fc.call('st-worker', 'reading', 'openStory', { storyId: 'labor-50' }))).toMatchObject({ coverFileId: null, audioFileId: null });
    expect(await fc.cloud.completeMediaChecks(verdict)).toBeGreaterThanOrEqual(1);
    expect(ok(await fc.call('st-worker', 'reading', 'openStory', { storyId: 'labor-50' }))).toMatchObject({ coverFileId: uploaded.fileId, audioFileId: null });
    expect(ok(await fc.call('st-cadre', 'reading', 'getEditableStory', { storyId: 'labor-50' }))).toMatchObject({ coverFileId: uploaded.fileId, coverUrl: expect.stringContaining('http'), coverCheck: 'pass', audioCheck: null });
    expect(await fc.call('st-cadre', 'reading', 'uploadStoryMedia', { kind: 'audio', contentType: 'audio/mpeg', base64: png })).toMatchObject({ ok: false, code: 'MEDIA_INVALID' });
    expect(await fc.call('st-worker', 'reading', 'uploadStoryMedia', { kind: 'cover', contentType: 'image/png', base64: png })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('a draft cannot be published while its cover is being checked; once it passes it can', async () => {
    const cover = ok(await fc.call('st-cadre', 'reading', 'uploadStoryMedia', { kind: 'cover', contentType: 'image/png', base64: png }));
    ok(await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, id: 'labor-54', coverFileId: cover.fileId }));
    const refused = await fc.call('st-cadre', 'reading', 'setStoryPublished', { storyId: 'labor-54', published: true });
    expect(refused).toEqual({ ok: false, code: 'MEDIA_NOT_CLEARED', message: '封面正在进行内容安全审核,审核通过后才能发布' });
    expect(await fc.call('st-worker', 'reading', 'openStory', { storyId: 'labor-54' })).toMatchObject({ ok: false, code: 'STORY_NOT_FOUND' });
    await fc.cloud.completeMediaChecks(verdict);
    expect(ok(await fc.call('st-cadre', 'reading', 'setStoryPublished', { storyId: 'labor-54', published: true }))).toEqual({ id: 'labor-54', published: true });
    expect(ok(await fc.call('st-worker', 'reading', 'openStory', { storyId: 'labor-54' })).coverFileId).toBe(cover.fileId);
  });

  test('audio is checked as audio; a refused recording is deleted, the editor is told, and the story cannot be published with it nor save it again', async () => {
    const audio = ok(await fc.call('st-cadre', 'reading', 'uploadStoryMedia', { kind: 'audio', contentType: 'audio/mpeg', base64: mp3 }));
    expect(audio.check).toBe('checking');
    ok(await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, id: 'labor-55', audioFileId: audio.fileId }));
    riskyAudio = true;
    const types: number[] = [];
    await fc.cloud.completeMediaChecks((url, type) => (types.push(type), verdict(url, type)));
    riskyAudio = false;
    expect(types).toEqual([1]);
    expect(ok(await fc.call('st-cadre', 'reading', 'getEditableStory', { storyId: 'labor-55' }))).toMatchObject({ audioFileId: audio.fileId, audioUrl: null, audioCheck: 'refused' });
    expect(await fc.call('st-cadre', 'reading', 'setStoryPublished', { storyId: 'labor-55', published: true })).toEqual({ ok: false, code: 'MEDIA_NOT_CLEARED', message: '朗读音频未通过内容安全审核,文件已删除,请更换或移除后再发布' });
    expect(await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, id: 'labor-56', audioFileId: audio.fileId })).toMatchObject({ ok: false, code: 'MEDIA_REFUSED' });
    // Removing the recording clears the way.
    expect(ok(await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, id: 'labor-55', audioFileId: null }))).toMatchObject({ audioCheck: null });
    ok(await fc.call('st-cadre', 'reading', 'setStoryPublished', { storyId: 'labor-55', published: true }));
    const { db } = connectSdk(fc.cloud);
    const { data } = (await db.collection('media_checks').where({ fileId: audio.fileId }).get()) as { data: Array<{ kind: string; status: string; openid: string }> };
    expect(data).toEqual([expect.objectContaining({ kind: 'story', status: 'risky', openid: 'st-cadre' })]);
  });

  test('a file stored before stories were checked keeps its story from being published until it is uploaded again', async () => {
    const { db } = connectSdk(fc.cloud);
    const cover = ok(await fc.call('st-cadre', 'reading', 'uploadStoryMedia', { kind: 'cover', contentType: 'image/png', base64: png }));
    await fc.cloud.completeMediaChecks(verdict);
    ok(await fc.call('st-cadre', 'reading', 'saveStory', { ...newStory, id: 'labor-57', coverFileId: cover.fileId }));
    // As if uploaded before checks existed: no check on record.
    await db.collection('media_checks').where({ fileId: cover.fileId }).remove();
    expect(ok(await fc.call('st-cadre', 'reading', 'getEditableStory', { storyId: 'labor-57' })).coverCheck).toBe('unchecked');
    expect(await fc.call('st-cadre', 'reading', 'setStoryPublished', { storyId: 'labor-57', published: true })).toMatchObject({ ok: false, code: 'MEDIA_NOT_CLEARED', message: '封面未经内容安全审核,请重新上传后再发布' });
  });

  test('a worker cannot publish, edit or take down stories', async () => {
    expect(await fc.call('st-worker', 'reading', 'saveStory', { ...newStory, id: 'labor-53' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.call('st-worker', 'reading', 'setStoryPublished', { storyId: 'labor-02', published: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.call('st-worker', 'reading', 'listAllStories', { theme: 'labor' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(ok(await fc.call('st-worker', 'reading', 'openStory', { storyId: 'labor-02' })).id).toBe('labor-02');
  });
});

describe('an editor pages through a theme', () => {
  test('a page at a time in id order, drafts and taken-down stories included, every story once', async () => {
    const { db } = connectSdk(fc.cloud);
    // The theme's 9 seeded stories and 12 drafts: three pages of 8.
    for (let n = 70; n < 82; n += 1) {
      await db.collection('stories').doc(`reform-${n}`).set({ data: { title: `草稿${n}`, theme: 'reform', era: '改革开放', year: 1990, summary: '草稿', keywords: [], paragraphs: ['草稿'], sources: [], readingMinutes: 3, likes: 0, unpublished: true } });
    }
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = ok(await fc.call('st-cadre', 'reading', 'listAllStories', { theme: 'reform', limit: 8, ...(after ? { after } : {}) }));
      expect(page.stories.length).toBeLessThanOrEqual(8);
      ids.push(...page.stories.map((s) => s.id));
      after = page.nextAfter ?? undefined;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(21);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.slice(-12)).toEqual(Array.from({ length: 12 }, (_, i) => `reform-${70 + i}`));
  });
});

describe('a worker searches every story, a page at a time', () => {
  test('hits past the first page are found, each once, in id order; taken-down stories and regex characters find nothing', async () => {
    const { db } = connectSdk(fc.cloud);
    const story = (title: string, extra: Record<string, unknown> = {}) => ({ title, theme: 'qinghai', era: '新时代', year: 2020, summary: '高原上的故事', keywords: [], paragraphs: ['正文'], sources: [], readingMinutes: 3, likes: 0, ...extra });
    // 25 titles with the word, one story with it only among its keywords, one only in its summary, one taken down.
    for (let n = 60; n < 85; n += 1) await db.collection('stories').doc(`qinghai-${n}`).set({ data: story(`雪线寻踪第${n}篇`) });
    await db.collection('stories').doc('qinghai-85').set({ data: story('可可西里', { keywords: ['雪线寻踪'] }) });
    await db.collection('stories').doc('qinghai-86').set({ data: story('昆仑山口', { summary: '一段雪线寻踪的往事' }) });
    await db.collection('stories').doc('qinghai-87').set({ data: story('雪线寻踪下架篇', { unpublished: true }) });

    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = ok(await fc.call('st-worker', 'reading', 'searchStories', { query: '雪线寻踪', ...(after ? { after } : {}) }));
      expect(page.stories.length).toBeLessThanOrEqual(20);
      ids.push(...page.stories.map((s) => s.id));
      after = page.nextAfter ?? undefined;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(2);
    expect(ids).toEqual([...Array.from({ length: 25 }, (_, i) => `qinghai-${60 + i}`), 'qinghai-85', 'qinghai-86']);
    expect(ok(await fc.call('st-worker', 'reading', 'searchStories', { query: '.*' })).stories).toEqual([]);
  });
});
