import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RecordingCanvas, provideCanvas } from './harness/fakeCanvas';
import { actAs, insertDocument } from './harness/pageCloud';
import { renderPage, tap, tapItem, waitFor } from './harness/renderPage';
import { callAction as call } from './harness/callAction';

jest.setTimeout(90000);

type Call = (options: { name: string; data: unknown }) => Promise<{ result: unknown }>;
type Wx = Record<string, unknown> & { cloud: { callFunction: Call; uploadFile(o: { cloudPath: string; filePath: string }): Promise<{ fileID: string }> } };
// The simulator replaces global.wx with its own copy at each load: always reach the current one.
const wxApi = () => (globalThis as unknown as { wx: Wx }).wx;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const sampleImage = path.resolve(__dirname, '../../miniprogram/images/tab/study-active.png');

/** The seeded bank's right options, by text (the test worker knows them; the page never does). */
const answers = new Map<string, string[]>(
  ['party', 'prc', 'reform', 'socialism', 'labor'].flatMap((h) =>
    (JSON.parse(readFileSync(path.resolve(__dirname, `../../data/questions/${h}.json`), 'utf8')) as Array<{ id: string; options: string[]; answer: string[] }>).map((q): [string, string[]] => [
      q.id,
      q.answer.map((letter) => q.options['ABCDE'.indexOf(letter)] as string),
    ]),
  ),
);

/** A worker with a nickname and an avatar that passed its check, who has submitted today's paper all right. */
async function workerWithResult(openid: string): Promise<string> {
  actAs(openid);
  const avatar = await wxApi().cloud.uploadFile({ cloudPath: `requests/${openid}/avatar-1.png`, filePath: sampleImage });
  const now = { $date: new Date().toISOString() };
  await insertDocument('users', { _id: openid, nickname: '海西焊工', avatarFileId: avatar.fileID, orgId: null, createdAt: now, updatedAt: now });
  const paper = await call<{ attemptId: string; questions: Array<{ id: string; options: Array<{ key: string; text: string }> }> }>('quiz', 'startDaily', {});
  const chosen = paper.questions.map((q) => ({ questionId: q.id, choice: q.options.filter((o) => answers.get(q.id)?.includes(o.text)).map((o) => o.key) }));
  await call('quiz', 'submitAttempt', { attemptId: paper.attemptId, answers: chosen });
  return paper.attemptId;
}

/** WeChat's side of the poster: the screen's pixel ratio, the canvas export, privacy, the album permission and the album. */
function platform(options: { privacyAgreed: boolean; album: 'ask' | 'refused' }) {
  const state = { privacyAgreed: options.privacyAgreed, album: options.album as 'ask' | 'refused' | 'allowed', exports: [] as Array<{ destWidth: number; destHeight: number }>, saved: [] as string[], settingsOpened: 0, refuseNextSave: false };
  Object.assign(wxApi(), {
    navigateTo: () => undefined,
    showShareMenu: () => undefined,
    getWindowInfo: () => ({ pixelRatio: 3, windowWidth: 375, windowHeight: 812 }),
    canvasToTempFilePath: (o: { canvas: RecordingCanvas; destWidth: number; destHeight: number; success(r: { tempFilePath: string }): void }) => {
      state.exports.push({ destWidth: o.destWidth, destHeight: o.destHeight });
      o.success({ tempFilePath: 'wxfile://tmp/poster.png' });
    },
    getPrivacySetting: ({ success }: { success(r: { needAuthorization: boolean; privacyContractName: string }): void }) => success({ needAuthorization: !state.privacyAgreed, privacyContractName: '《职工之家隐私保护指引》' }),
    getSetting: ({ success }: { success(r: { authSetting: Record<string, boolean> }): void }) =>
      success({ authSetting: state.album === 'ask' ? {} : { 'scope.writePhotosAlbum': state.album === 'allowed' } }),
    saveImageToPhotosAlbum: (o: { filePath: string; success(): void; fail(e: { errMsg: string }): void }) => {
      if (!state.privacyAgreed) throw new Error('saveImageToPhotosAlbum called before privacy consent');
      if (state.album === 'refused' || state.refuseNextSave) {
        state.refuseNextSave = false;
        state.album = 'refused';
        return o.fail({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
      }
      state.album = 'allowed';
      state.saved.push(o.filePath);
      o.success();
    },
    openSetting: ({ success }: { success(r: { authSetting: Record<string, boolean> }): void }) => {
      state.settingsOpened += 1;
      state.album = 'allowed';
      success({ authSetting: { 'scope.writePhotosAlbum': true } });
    },
    showToast: () => undefined,
  });
  return state;
}

type Page = ReturnType<typeof renderPage>;

async function openPoster(attemptId: string): Promise<{ page: Page; canvas: RecordingCanvas }> {
  const page = renderPage('pages/quiz/result/index', { attemptId }, { compiler: 'official' });
  await waitFor(() => page.data.loading === false && page.data.score === 100, 'the result', 30000);
  const canvas = new RecordingCanvas();
  provideCanvas(page.instance as object, canvas);
  tap(page, '.poster-button');
  await waitFor(() => page.data.posterVisible === true, 'the poster', 30000);
  return { page, canvas };
}

describe('成绩: the share poster', () => {
  test('the poster carries the nickname (not 我), the checked avatar, score, rank and a working mini program code, drawn at the device pixel ratio', async () => {
    const wx = platform({ privacyAgreed: true, album: 'ask' });
    const attemptId = await workerWithResult('page-poster-1');
    const { page, canvas } = await openPoster(attemptId);

    expect(canvas.width).toBe(375 * 3);
    expect(canvas.height).toBe(600 * 3);
    expect(canvas.calls[0]).toEqual({ name: 'scale', args: [3, 3] });
    expect(wx.exports).toEqual([{ destWidth: 1125, destHeight: 1800 }]);

    const texts = canvas.texts();
    expect(texts).toEqual(expect.arrayContaining(['海西焊工', '100', page.data.rankText as string, '长按识别小程序码']));
    expect(page.data.rankText).toMatch(/^今日全省第 [1-9]\d* 名$/);
    expect(texts).not.toContain('我');

    // Two pictures, both really served: the avatar from the worker's file, the code from the poster action.
    expect(canvas.images).toHaveLength(2);
    for (const image of canvas.images) expect(image.bytes?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(canvas.images.map((i) => i.bytes?.equals(readFileSync(sampleImage)))).toContain(true);
    expect(canvas.calls.filter((c) => c.name === 'drawImage')).toHaveLength(2);
    expect(page.data.posterPath).toBe('wxfile://tmp/poster.png');
  });

  test('saving asks for the privacy agreement first, then saves to the album', async () => {
    const wx = platform({ privacyAgreed: false, album: 'ask' });
    const attemptId = await workerWithResult('page-poster-2');
    const { page } = await openPoster(attemptId);
    const popup = () => page.querySelector('.privacy-popup');

    tap(page, '.poster-save');
    await waitFor(() => popup()?.data.visible === true, 'the privacy popup');
    expect(wx.saved).toEqual([]);
    wx.privacyAgreed = true;
    (popup()?.instance as unknown as { onAgree(): void }).onAgree();
    await waitFor(() => wx.saved.length === 1, 'the poster in the album');
    expect(wx.saved).toEqual(['wxfile://tmp/poster.png']);
  });

  test('a refused album permission is explained in a dialog that opens the settings, and the poster is saved once allowed', async () => {
    const wx = platform({ privacyAgreed: true, album: 'ask' });
    wx.refuseNextSave = true;
    const attemptId = await workerWithResult('page-poster-3');
    const { page } = await openPoster(attemptId);

    // The worker says no to WeChat's own prompt: the page explains instead of failing silently.
    tap(page, '.poster-save');
    await waitFor(() => page.data.albumDialog === true, 'the album permission dialog');
    expect(wx.saved).toEqual([]);
    tapItem(page, '.album-dialog', 't-dialog-button', 0);
    await waitFor(() => page.data.albumDialog === false, 'the dialog to close on 取消');
    expect(wx.settingsOpened).toBe(0);

    // Next time WeChat does not ask again (refused in the settings): the dialog comes straight away.
    tap(page, '.poster-save');
    await waitFor(() => page.data.albumDialog === true, 'the dialog again');
    tapItem(page, '.album-dialog', 't-dialog-button', 1);
    await waitFor(() => wx.saved.length === 1, 'the save after allowing it in the settings');
    expect(wx.settingsOpened).toBe(1);
  });
});
