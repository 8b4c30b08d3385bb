import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

// Who may act on stories and reflections: editors within their organisations (provincial stories:
// the province level only), moderation by the author's organisation, editors accepted where content is.
jest.setTimeout(180000);

let fc: FunctionCloud;

const roles: Array<[string, string, string | null]> = [
  ['cs-ed-prov', 'editor', null],
  ['cs-ed-qh', 'editor', 'qh'],
  ['cs-ed-xn', 'editor', 'qh-xining'],
  ['cs-ed-hd', 'editor', 'qh-haidong'],
  ['cs-ad-xn', 'admin', 'qh-xining'],
  ['cs-cd-xn', 'cadre', 'qh-xining'],
  ['cs-cd-hd', 'cadre', 'qh-haidong'],
];

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  for (const [openid, role, orgId] of roles) await db.collection('roles').add({ data: { openid, role, orgId, grantedBy: 'setup', grantedAt: new Date() } });
  // Members by approval; here set directly.
  for (const [openid, orgId] of [['cs-w-xn', 'qh-xining'], ['cs-w-hd', 'qh-haidong'], ['cs-w-none', null]] as const) {
    await fc.call(openid, 'account', 'updateProfile', { nickname: '职工' });
    await db.collection('users').doc(openid).update({ data: { orgId } });
  }
});

afterAll(async () => {
  await fc?.close();
});

type Reply = { ok: true; data: unknown } | { ok: false; code: string; message: string };
function ok<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data;
}
const outcome = (reply: Reply) => (reply.ok ? 'ok' : reply.code);

const story = (id: string, orgId: string | null | undefined) => ({
  id,
  title: '盐湖上的采盐工',
  theme: 'labor' as const,
  era: '新时代',
  year: 2020,
  summary: '察尔汗盐湖的采盐工人数十年如一日坚守岗位,把盐湖资源变成了造福百姓的钾肥,这是他们平凡而光荣的故事。',
  keywords: ['盐湖'],
  paragraphs: Array.from({ length: 6 }, (_, i) => `第${i + 1}段:${'盐湖的工人们在高原上辛勤劳动,用双手创造美好生活。'.repeat(6)}`),
  sources: ['青海日报'],
  ...(orgId === undefined ? {} : { orgId }),
});

describe('stories', () => {
  test('an organisation’s editor creates a story of their organisation, never a provincial one nor a sibling’s', async () => {
    expect(ok(await fc.call('cs-ed-xn', 'reading', 'saveStory', story('labor-60', 'qh-xining')))).toMatchObject({ created: true, published: false });
    expect(outcome(await fc.call('cs-ed-xn', 'reading', 'saveStory', story('labor-61', null)))).toBe('FORBIDDEN');
    expect(outcome(await fc.call('cs-ed-xn', 'reading', 'saveStory', story('labor-62', 'qh-haidong')))).toBe('FORBIDDEN');
    expect(outcome(await fc.call('cs-ed-xn', 'reading', 'saveStory', story('labor-63', 'qh-nowhere')))).toBe('ORG_NOT_FOUND');
    // Nor move their story up to the province.
    expect(outcome(await fc.call('cs-ed-xn', 'reading', 'saveStory', story('labor-60', null)))).toBe('FORBIDDEN');
    const { db } = connectSdk(fc.cloud);
    const { data } = (await db.collection('stories').where({ _id: db.command.in(['labor-60', 'labor-61', 'labor-62', 'labor-63']) }).get()) as { data: Array<{ _id: string; orgId: string }> };
    expect(data.map((d) => [d._id, d.orgId])).toEqual([['labor-60', 'qh-xining']]);
  });

  test.each([
    // [who, provincial story labor-01, Xining's story labor-60]
    ['cs-ed-prov', 'ok', 'ok'],
    ['cs-ed-qh', 'ok', 'ok'],
    ['cs-ed-xn', 'FORBIDDEN', 'ok'],
    ['cs-ad-xn', 'FORBIDDEN', 'ok'],
    ['cs-ed-hd', 'FORBIDDEN', 'FORBIDDEN'],
    ['cs-cd-xn', 'FORBIDDEN', 'FORBIDDEN'],
    ['cs-w-xn', 'FORBIDDEN', 'FORBIDDEN'],
  ])('%s: take down / edit the provincial story → %s; Xining’s → %s', async (who, provincial, xining) => {
    expect(outcome(await fc.call(who, 'reading', 'setStoryPublished', { storyId: 'labor-01', published: false }))).toBe(provincial);
    expect(outcome(await fc.call(who, 'reading', 'setStoryPublished', { storyId: 'labor-60', published: false }))).toBe(xining);
    expect(outcome(await fc.call(who, 'reading', 'saveStory', story('labor-60', undefined)))).toBe(xining);
    // Put back for the next row.
    ok(await fc.call('cs-ed-prov', 'reading', 'setStoryPublished', { storyId: 'labor-01', published: true }));
  });

  test('an editor lists every story of a theme, those outside their reach marked not editable; a cadre cannot list', async () => {
    const listed = ok(await fc.call('cs-ed-xn', 'reading', 'listAllStories', { theme: 'labor' })).stories;
    expect(listed.find((s) => s.id === 'labor-01')).toMatchObject({ orgId: null, orgName: '全省', editable: false });
    expect(listed.find((s) => s.id === 'labor-60')).toMatchObject({ orgId: 'qh-xining', orgName: '西宁市总工会', editable: true });
    expect(ok(await fc.call('cs-ed-xn', 'reading', 'getEditableStory', { storyId: 'labor-01' }))).toMatchObject({ editable: false, paragraphs: expect.any(Array) });
    expect(outcome(await fc.call('cs-cd-xn', 'reading', 'listAllStories', { theme: 'labor' }))).toBe('FORBIDDEN');
  });
});

describe('reflections', () => {
  const ids: Record<string, string> = {};
  const text = '读了这个故事,深受感动,要向劳模学习,在岗位上多作贡献。';

  beforeAll(async () => {
    for (const author of ['cs-w-xn', 'cs-w-hd', 'cs-w-none']) {
      ids[author] = ok(await fc.call(author, 'reading', 'writeReflection', { storyId: 'labor-02', text, clientRequestId: `req-${author}` })).id;
    }
  });

  const queueOf = async (who: string) => ok(await fc.call(who, 'reading', 'listPendingReflections', {})).reflections.map((r) => r.id).sort();

  test('each moderator’s queue holds the authors of their organisations; the province level sees everyone', async () => {
    expect(await queueOf('cs-cd-xn')).toEqual([ids['cs-w-xn']]);
    expect(await queueOf('cs-ed-xn')).toEqual([ids['cs-w-xn']]);
    expect(await queueOf('cs-cd-hd')).toEqual([ids['cs-w-hd']]);
    expect(await queueOf('cs-ed-prov')).toEqual(Object.values(ids).sort());
    expect(outcome(await fc.call('cs-w-xn', 'reading', 'listPendingReflections', {}))).toBe('FORBIDDEN');
  });

  test('moderating an author outside one’s organisations is refused and changes nothing; editors moderate within theirs', async () => {
    expect(outcome(await fc.call('cs-cd-hd', 'reading', 'moderateReflection', { reflectionId: ids['cs-w-xn'] as string, decision: 'approve' }))).toBe('FORBIDDEN');
    expect(outcome(await fc.call('cs-cd-xn', 'reading', 'moderateReflection', { reflectionId: ids['cs-w-none'] as string, decision: 'approve' }))).toBe('FORBIDDEN');
    const { db } = connectSdk(fc.cloud);
    const { data } = (await db.collection('reflections').where({ _id: db.command.in([ids['cs-w-xn'], ids['cs-w-none']]) }).get()) as { data: Array<{ status: string }> };
    expect(data.map((d) => d.status)).toEqual(['pending', 'pending']);
    expect(ok(await fc.call('cs-ed-xn', 'reading', 'moderateReflection', { reflectionId: ids['cs-w-xn'] as string, decision: 'approve' }))).toEqual({ status: 'approved', changed: true });
    expect(ok(await fc.call('cs-ed-prov', 'reading', 'moderateReflection', { reflectionId: ids['cs-w-none'] as string, decision: 'reject' }))).toEqual({ status: 'rejected', changed: true });
  });

  test('a reflection stored before authors’ organisations were recorded is scoped by the author’s organisation now', async () => {
    const { db } = connectSdk(fc.cloud);
    const legacy = 'e'.repeat(32);
    await db.collection('reflections').add({ data: { _id: legacy, openid: 'cs-w-hd', storyId: 'labor-02', nickname: '职工', text, status: 'pending', createdAt: new Date() } });
    expect(outcome(await fc.call('cs-cd-xn', 'reading', 'moderateReflection', { reflectionId: legacy, decision: 'approve' }))).toBe('FORBIDDEN');
    expect(outcome(await fc.call('cs-cd-hd', 'reading', 'moderateReflection', { reflectionId: legacy, decision: 'approve' }))).toBe('ok');
  });
});
