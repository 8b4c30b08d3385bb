import { insertDocument } from './harness/pageCloud';
import { invokeAs, writeRole } from './harness/previewCloud';
import { photographSnapshots } from './harness/previewPhotos';
import { renderState, type Snapshot } from './harness/previewRender';
import type { PreviewContext, RenderedPage } from './preview/previewTypes';

/**
 * 长辈模式 for real: the switch on 我的 is stored on the phone, and other pages, opened afterwards,
 * draw their text larger in a browser (computed font sizes, not class names). Rendered as the
 * pictures are, photographed in headless Chromium.
 */
jest.setTimeout(600000);

const viewer = 'page-elder-1';
const context: PreviewContext = {
  openid: viewer,
  invoke: (name, action, input, openid) => invokeAs(openid ?? viewer, name, action, input),
  grantRole: (openid, orgId, role = 'cadre') => writeRole(openid, orgId, role),
};

/** Text of several kinds on each page: the page's own fixed sizes, app.wxss, TDesign components. */
const measured: Record<string, string[]> = {
  'pages/study/index': ['.main--daily-state', '.main--section-title', '.main--contest-title', '.t-cell--t-cell__title', '.t-grid-item--t-grid-item__text', '.t-tag--t-tag'],
  'pages/requests/list/index': ['.t-empty--t-empty__description', '.t-button--t-button__content'],
  // The first-run page: its own sizes (the welcome card) and TDesign's cells and buttons.
  'pages/onboarding/index': ['.main--welcome-title', '.main--welcome-text', '.t-cell--t-cell__title', '.t-button--t-button__content'],
};

async function shoot(page: string, state: string, keepStorage: boolean): Promise<Snapshot> {
  const snapshot = await renderState(page, { name: state }, context, { keepStorage });
  return { ...snapshot, measure: measured[page] };
}

test('长辈模式 switched on in 我的 enlarges the text on the 学习 home, the request list and the first-run page', async () => {
  // A contest on the home, so its card is measured too.
  // 海西's contest, not the province's: page tests share a cloud, and a province-wide contest would
  // show on every other worker's 学习 home.
  const now = { $date: new Date().toISOString() };
  await insertDocument('users', { _id: viewer, nickname: '海西职工', avatarFileId: null, orgId: 'qh-haixi', createdAt: now, updatedAt: now });
  await writeRole('page-elder-admin', null, 'admin');
  await invokeAs('page-elder-admin', 'quiz', 'createContest', {
    title: '长辈模式测试竞赛', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    histories: ['party'], questionCount: 5, timeLimitSeconds: 300, orgIds: ['qh-haixi'],
  });
  const pages = Object.keys(measured);
  const before: Snapshot[] = [];
  for (const page of pages) before.push(await shoot(page, 'before', false));

  // The worker turns the switch on in 我的 (its own change handler, as the switch fires it).
  await renderState('pages/me/index', {
    name: 'switch',
    async act(page: RenderedPage) {
      (page.instance as unknown as { onElderChange(event: unknown): void }).onElderChange({ detail: { value: true } });
    },
  }, context, { keepStorage: true });

  const after: Snapshot[] = [];
  for (const page of pages) after.push(await shoot(page, 'after', true));
  const findings = new Map((await photographSnapshots([...before, ...after])).map((f) => [f.key, f.fontSizes]));

  for (const page of pages) {
    const key = page.replace(/\/index$/, '').replace(/\//g, '-');
    const small = findings.get(`${key}--before`) ?? {};
    const large = findings.get(`${key}--after`) ?? {};
    for (const selector of measured[page]!) {
      expect({ page, selector, found: (small[selector] ?? 0) > 0 }).toEqual({ page, selector, found: true });
      // At least a tenth larger: text a 60-year-old notices, not a rounding difference.
      expect({ page, selector, larger: (large[selector] ?? 0) >= (small[selector] ?? 0) * 1.1 }).toEqual({ page, selector, larger: true });
    }
  }
});
