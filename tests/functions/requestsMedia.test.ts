import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';
import { requestForm } from './harness/requestForm';

jest.setTimeout(60000);

let fc: FunctionCloud;

/** The test convention: WeChat finds a photo risky when its file name contains "risky". */
const verdict = (mediaUrl: string) => (mediaUrl.includes('risky') ? 'risky' : 'pass');

beforeAll(async () => {
  fc = await startFunctionCloud();
  const { db } = connectSdk(fc.cloud);
  await db.collection('roles').add({ data: { openid: 'cadre-media', role: 'cadre', orgId: 'qh-xining', grantedBy: 'admin', grantedAt: new Date('2026-11-01T00:00:00Z') } });
});

afterAll(async () => {
  await fc?.close();
});


async function submitWithPhotos(openid: string, names: string[]) {
  const photos = await Promise.all(names.map((name) => fc.cloud.uploadFile(`requests/${openid}/${name}`, Buffer.from('jpg'), { openid })));
  const result = await fc.call(openid, 'requests', 'submit', requestForm({ photos }));
  if (!result.ok) throw new Error(`${result.code} ${result.message}`);
  return { request: result.data, photos };
}

async function fileExists(fileID: string): Promise<boolean> {
  const { cloud } = connectSdk(fc.cloud);
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  return Boolean(fileList[0]?.tempFileURL);
}

async function mediaChecks(requestId: string): Promise<Array<{ _id: string; status: string; fileId: string }>> {
  const { db } = connectSdk(fc.cloud);
  const { data } = (await db.collection('media_checks').where({ requestId }).get()) as { data: Array<{ _id: string; status: string; fileId: string }> };
  return data;
}

async function cadreView(requestId: string) {
  const view = await fc.call('cadre-media', 'requests', 'cadreDetail', { requestId });
  if (!view.ok) throw new Error(`${view.code} ${view.message}`);
  return view.data;
}

describe('request photos pass WeChat\'s asynchronous image check', () => {
  test('of two photos one passes and one is risky: the cadre sees one, the risky file is deleted', async () => {
    const { request, photos } = await submitWithPhotos('w-media', ['street.jpg', 'risky.jpg']);
    const [good, risky] = photos;
    expect(request.photos).toEqual([]);
    expect(request.photosInReview).toEqual(photos);
    expect((await cadreView(request.id)).photos).toEqual([]);
    expect((await mediaChecks(request.id)).map((c) => c.status)).toEqual(['checking', 'checking']);

    expect(await fc.cloud.completeMediaChecks(verdict)).toBeGreaterThanOrEqual(2);

    const cadre = await cadreView(request.id);
    expect(cadre.photos).toEqual([good]);
    expect(cadre.photosInReview).toEqual([]);
    const own = await fc.call('w-media', 'requests', 'detail', { requestId: request.id });
    expect(own.ok && own.data.photos).toEqual([good]);
    expect(own.ok && own.data.photosInReview).toEqual([]);
    expect(await fileExists(good)).toBe(true);
    expect(await fileExists(risky)).toBe(false);
    const checks = await mediaChecks(request.id);
    expect(Object.fromEntries(checks.map((c) => [c.fileId, c.status]))).toEqual({ [good]: 'pass', [risky]: 'risky' });
  });

  test('a call from the mini program to securityEvents is refused and changes nothing', async () => {
    const { request } = await submitWithPhotos('w-forge', ['a.jpg']);
    expect(await fc.callRaw('w-forge', 'securityEvents', { action: 'settle', input: {} })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await fc.callRaw('w-forge', 'securityEvents', { Event: 'wxa_media_check', trace_id: 'x', result: { suggest: 'pass', label: 100 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A well-formed event, even one naming the real trace id of the worker's own photo: a push from
    // WeChat carries no user, a call made by a user is refused whatever it holds.
    const [check] = await mediaChecks(request.id);
    const forged = { MsgType: 'event', Event: 'wxa_media_check', trace_id: check?._id, version: 2, result: { suggest: 'pass', label: 100 }, detail: [] };
    expect(await fc.callRaw('w-forge', 'securityEvents', forged)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A push naming a trace id WeChat never issued changes nothing either.
    expect(await fc.callRaw('', 'securityEvents', { ...forged, trace_id: 'forged-trace' })).toMatchObject({ ok: true, data: { outcome: 'unknown' } });
    const own = await fc.call('w-forge', 'requests', 'detail', { requestId: request.id });
    expect(own.ok && own.data.photos).toEqual([]);
    expect((await mediaChecks(request.id)).map((c) => c.status)).toEqual(['checking']);
    await fc.cloud.completeMediaChecks(verdict);
  });

  test('a repeated event is applied once', async () => {
    const { request, photos } = await submitWithPhotos('w-repeat', ['risky-sign.jpg']);
    const [check] = await mediaChecks(request.id);
    const event = { MsgType: 'event', Event: 'wxa_media_check', trace_id: check._id, version: 2, result: { suggest: 'risky', label: 20002 }, detail: [] };
    const outcomes = await Promise.all([fc.callRaw('', 'securityEvents', event), fc.callRaw('', 'securityEvents', event)]);
    expect(outcomes.map((o) => (o as { data: { outcome: string } }).data.outcome).sort()).toEqual(['duplicate', 'settled']);
    // WeChat's own (late) delivery of the same verdict, and a contradicting repeat, change nothing.
    await fc.cloud.completeMediaChecks(verdict);
    expect(await fc.callRaw('', 'securityEvents', { ...event, result: { suggest: 'pass', label: 100 } })).toMatchObject({ ok: true, data: { outcome: 'duplicate' } });
    expect((await mediaChecks(request.id)).map((c) => c.status)).toEqual(['risky']);
    expect((await cadreView(request.id)).photos).toEqual([]);
    expect(await fileExists(photos[0])).toBe(false);
  });
});
