import { actAs, insertDocument } from './harness/pageCloud';
import { renderPage, tap, tapItem, tapItemWithText, textOf, typeInto, waitFor } from './harness/renderPage';

jest.setTimeout(90000);

type Wx = Record<string, unknown> & { cloud: Record<string, unknown> };
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;

/** The phone after the privacy agreement, with a photo album of `count` photos. */
function phoneWithPhotos(count: number): void {
  Object.assign(wxApi(), {
    getPrivacySetting: ({ success }: { success(res: { needAuthorization: boolean; privacyContractName: string }): void }) => success({ needAuthorization: false, privacyContractName: '《职工之家隐私保护指引》' }),
    chooseMedia: ({ success }: { success(res: unknown): void }) =>
      success({ type: 'image', tempFiles: Array.from({ length: count }, (_v, i) => ({ tempFilePath: `http://tmp/photo-${i}.jpg`, size: 2048, fileType: 'image' })) }),
  });
}

/**
 * Cloud storage that reports progress and waits for the test to finish each upload, as a slow
 * network would: `finish(i)` completes the i-th upload with a file in the worker's folder.
 */
function slowStorage(): { started: string[]; progress(i: number, percent: number): void; finish(i: number): void } {
  const uploads: Array<{ cloudPath: string; success(res: { fileID: string }): void; listener?(res: { progress: number }): void }> = [];
  wxApi().cloud.uploadFile = (options: { cloudPath: string; success(res: { fileID: string }): void }) => {
    const upload: (typeof uploads)[number] = { cloudPath: options.cloudPath, success: options.success };
    uploads.push(upload);
    return { onProgressUpdate: (listener: (res: { progress: number }) => void) => (upload.listener = listener) };
  };
  return {
    get started() {
      return uploads.map((u) => u.cloudPath);
    },
    progress: (i, percent) => uploads[i].listener?.({ progress: percent }),
    finish: (i) => uploads[i].success({ fileID: `cloud://local-dev/${uploads[i].cloudPath}` }),
  };
}

type Form = ReturnType<typeof renderPage>;

/** The worker opens 受理单位 and taps down the organisation tree in the cascader, one level at a time. */
async function chooseOrg(form: Form, labels: string[]): Promise<void> {
  tap(form, '.org-cell');
  await waitFor(() => form.querySelector('.org-cascader')?.data.visible === true, 'the cascader to open');
  for (const [level, label] of labels.entries()) {
    // Each level's options appear once the level above is chosen.
    await waitFor(() => ((form.querySelector('.org-cascader')?.data.items as unknown[] | undefined)?.length ?? 0) > level, `level ${level} of the tree`);
    tapItemWithText(form, '.org-cascader', 't-radio__content', label);
  }
}

describe('the request form', () => {
  test('a worker sees the service levels before filing, picks a category in the grid and sees the title count', async () => {
    phoneWithPhotos(0);
    actAs('page-form-1');
    const form = renderPage('pages/requests/form/index', undefined, { compiler: 'official' });
    await waitFor(() => form.data.loading === false, 'the form', 30000);
    expect(textOf(form, '.sla-card')).toMatch(/2 个工作日内受理,15 个工作日内办结。现在提交:\d{4}-\d\d-\d\d \d\d:\d\d 前受理,\d{4}-\d\d-\d\d \d\d:\d\d 前办结。/);
    expect(form.data.categoryIndex).toBe(-1);
    tap(form, '.category-legalAid');
    await waitFor(() => form.data.categoryIndex === 4, 'the chosen category');
    expect((form.data.categories as Array<{ label: string }>)[4].label).toBe('法律援助·劳动争议');

    typeInto(form, '.title-input', '合同到期不续签');
    await waitFor(() => form.querySelector('.title-input')?.data.suffix === '7/40', 'the title count');
  });

  test('photos upload with progress, can be deleted, and a request waits for its photos before filing', async () => {
    phoneWithPhotos(2);
    actAs('page-form-2');
    // After actAs, which connects the real storage: this one is slow on purpose.
    const storage = slowStorage();
    const form = renderPage('pages/requests/form/index', { category: 'safety' }, { compiler: 'official' });
    await waitFor(() => form.data.loading === false && form.data.privacyAgreed === true, 'the form', 30000);
    // After the agreement t-upload shows its own add cell (the last grid item).
    expect(form.querySelector('.photo-upload')).toBeTruthy();
    expect(form.querySelector('.add-photo')).toBeFalsy();
    (form.instance as unknown as { selectComponent(s: string): { onAddTap(): void } }).selectComponent('.photo-upload').onAddTap();
    await waitFor(() => storage.started.length === 2, 'two uploads');
    expect(storage.started[0]).toMatch(/^requests\/page-form-2\//);
    const files = () => form.data.files as Array<{ status: string; percent: number; fileID: string }>;
    expect(files().map((f) => f.status)).toEqual(['loading', 'loading']);

    storage.progress(0, 40);
    await waitFor(() => files()[0].percent === 40, 'the progress of the first photo');
    expect(textOf(form, '.photos')).toContain('40%');

    typeInto(form, '.title-input', '车间噪音超标');
    typeInto(form, '.description-input', '冲压车间噪音很大,没有发耳塞。');
    typeInto(form, '.name-input', '李师傅');
    typeInto(form, '.mobile-input', '13912345678');
    await chooseOrg(form, ['青海省总工会', '西宁市总工会']);
    tap(form, '.submit-button');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(form.data.submitting).toBe(false);
    expect(form.data.submittedId).toBe('');

    storage.finish(0);
    storage.finish(1);
    await waitFor(() => files().every((f) => f.status === 'done'), 'both uploads');
    expect(files()[0].fileID).toBe(`cloud://local-dev/${storage.started[0]}`);

    // The worker deletes the first photo: one is left.
    tapItem(form, '.photo-upload', 't-upload__close-btn', 0);
    await waitFor(() => files().length === 1, 'the deletion');
    expect(files()[0].fileID).toBe(`cloud://local-dev/${storage.started[1]}`);
  });

  test('a worker with no union yet chooses the receiving union in the organisation cascader and files the request there', async () => {
    // The test's own county below 海南州: the page tests share one cloud, and other files add unions
    // below other cities (a city that gains children opens a third level instead of closing) or count
    // the requests below them (the 黄南 queue).
    await insertDocument('orgs', { _id: 'page-form-tongde', name: '同德县总工会', parentId: 'qh-hainan', kind: 'county', order: 51 });
    phoneWithPhotos(0);
    actAs('page-form-3');
    const form = renderPage('pages/requests/form/index', { category: 'legalAid' }, { compiler: 'official' });
    await waitFor(() => form.data.loading === false, 'the form', 30000);
    expect(form.querySelector('.org-cell')?.data.note).toBe('请选择');

    typeInto(form, '.title-input', '加班费没有按规定发');
    typeInto(form, '.description-input', '上个月国庆加班三天,只发了平时工资。');
    typeInto(form, '.name-input', '韩师傅');
    typeInto(form, '.mobile-input', '13712345678');
    tap(form, '.submit-button');
    await waitFor(() => textOf(form, '.error-orgId') === '请选择受理的工会组织', 'the hint to choose a union');

    // The tree: the province, then its city and prefecture unions (each level's own entry first), then the county.
    const level = (i: number) => ((form.querySelector('.org-cascader')?.data.items as Array<Array<{ label: string }>>)[i] ?? []).map((o) => o.label);
    await chooseOrg(form, ['青海省总工会']);
    await waitFor(() => level(1).includes('海南藏族自治州总工会'), 'the unions below the province');
    expect(level(1)[0]).toBe('青海省总工会(本级)');
    tapItemWithText(form, '.org-cascader', 't-radio__content', '海南藏族自治州总工会');
    await waitFor(() => level(2).includes('同德县总工会'), 'the unions below 海南州');
    expect(level(2)[0]).toBe('海南藏族自治州总工会(本级)');
    tapItemWithText(form, '.org-cascader', 't-radio__content', '同德县总工会');
    await waitFor(() => form.querySelector('.org-cascader')?.data.visible === false, 'the cascader to close');
    await waitFor(() => form.data.orgId !== '', 'the cascader to report a union');
    expect(form.data.orgId).toBe('page-form-tongde');
    expect(form.querySelector('.org-cell')?.data.note).toBe('同德县总工会');
    expect(textOf(form, '.error-orgId')).toBe('');

    tap(form, '.submit-button');
    await waitFor(() => form.data.submittedId !== '', 'the request to be filed');
    const callFunction = wxApi().cloud.callFunction as (options: unknown) => Promise<{ result: { data: { orgId: string; orgName: string } } }>;
    const { result } = await callFunction({ name: 'requests', data: { action: 'detail', input: { requestId: form.data.submittedId } } });
    expect(result.data).toMatchObject({ orgId: 'page-form-tongde', orgName: '同德县总工会' });
  });
});
