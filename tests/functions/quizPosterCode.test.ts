import QRCode from 'qrcode';
import { codeText } from '../../localcloud/openapi/miniProgramCode';
import { connectSdk } from '../localcloud/helpers/testCloud';
import { startFunctionCloud, type FunctionCloud } from './harness/functionCloud';

jest.setTimeout(60000);

let fc: FunctionCloud;

beforeAll(async () => {
  fc = await startFunctionCloud();
});

afterAll(async () => {
  await fc?.close();
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const WECHAT_SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

async function codesMade(): Promise<Array<{ scene: string; page: string; envVersion: string; width: number }>> {
  return (await fc.cloud.outbox()).filter((e) => e.apiName === 'wxacode.getUnlimited').map((e) => e.payload as { scene: string; page: string; envVersion: string; width: number });
}

describe('quiz function: the poster’s mini program code', () => {
  test('the first poster makes a code opening the 学习 home, stores it, and every later poster reuses it without asking WeChat', async () => {
    const before = (await codesMade()).length;
    const first = await fc.call('poster-1', 'quiz', 'posterCode', {});
    if (!first.ok) throw new Error(first.message);
    const made = (await codesMade()).slice(before);
    expect(made).toHaveLength(1);
    const [request] = made;
    expect(request).toMatchObject({ page: 'pages/study/index', envVersion: 'release' });
    // A scene WeChat accepts, which does not give the openid away.
    expect(request.scene).toMatch(WECHAT_SCENE);
    expect(request.scene).not.toContain('poster-1');

    const image = Buffer.from(await (await fetch(first.data.url)).arrayBuffer());
    expect(image.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const expected = await QRCode.toBuffer(codeText('wx-local-app', 'pages/study/index', request.scene, 'release'), { type: 'png', width: 430, margin: 2, errorCorrectionLevel: 'M' });
    expect(image.equals(expected)).toBe(true);

    for (let view = 0; view < 3; view += 1) {
      const again = await fc.call('poster-1', 'quiz', 'posterCode', {});
      if (!again.ok) throw new Error(again.message);
      expect(again.data.fileId).toBe(first.data.fileId);
      expect(Buffer.from(await (await fetch(again.data.url)).arrayBuffer()).equals(image)).toBe(true);
    }
    expect((await codesMade()).length).toBe(before + 1);
  });

  test('each worker gets a code of their own, whose scene comes from their identity and never from the payload', async () => {
    const before = (await codesMade()).length;
    const mine = await fc.call('poster-2', 'quiz', 'posterCode', {});
    const theirs = await fc.call('poster-3', 'quiz', 'posterCode', {});
    if (!mine.ok || !theirs.ok) throw new Error('no poster code');
    expect(mine.data.fileId).not.toBe(theirs.data.fileId);
    const scenes = (await codesMade()).slice(before).map((c) => c.scene);
    expect(new Set(scenes).size).toBe(2);

    // A client naming a scene, a page or someone else's identity is refused, and nothing is made.
    for (const input of [{ scene: 'admin=1' }, { page: 'cadre/home/index' }, { openid: 'poster-2' }]) {
      expect(await fc.callRaw('poster-4', 'quiz', { action: 'posterCode', input })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    }
    expect((await codesMade()).length).toBe(before + 2);
    // Without a WeChat identity there is no code at all.
    expect(await fc.cloud.invoke('quiz', { action: 'posterCode', input: {} }, { openid: '' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect((await codesMade()).length).toBe(before + 2);
  });

  test('a scene from a poster names its sharer by nickname to whoever opens it, never the openid; unknown, own and malformed scenes name no one', async () => {
    const named = await fc.call('poster-5', 'account', 'updateProfile', { nickname: '柴达木巡线工' });
    if (!named.ok) throw new Error(named.message);
    const before = (await codesMade()).length;
    const code = await fc.call('poster-5', 'quiz', 'posterCode', {});
    if (!code.ok) throw new Error(code.message);
    const [{ scene }] = (await codesMade()).slice(before);

    const seen = await fc.call('poster-6', 'quiz', 'posterInviter', { scene });
    expect(seen).toEqual({ ok: true, data: { inviter: { nickname: '柴达木巡线工', avatarUrl: null } } });
    expect(JSON.stringify(seen)).not.toContain('poster-5');

    // The sharer opening their own code, a scene no poster was made for: no one to greet.
    expect(await fc.call('poster-5', 'quiz', 'posterInviter', { scene })).toEqual({ ok: true, data: { inviter: null } });
    expect(await fc.call('poster-6', 'quiz', 'posterInviter', { scene: 'p=AAAAAAAAAAAA' })).toEqual({ ok: true, data: { inviter: null } });
    // Anything that is not a poster scene is refused before the database is asked.
    for (const input of [{ scene: 'admin=1' }, { scene: `${scene}x` }, { scene: { $gt: '' } }, { scene, openid: 'poster-5' }, {}]) {
      expect(await fc.callRaw('poster-6', 'quiz', { action: 'posterInviter', input })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    }
  });

  test('a code made before owners were kept names its sharer once they ask for their poster again', async () => {
    await fc.call('poster-7', 'account', 'updateProfile', { nickname: '高原焊工' });
    const first = await fc.call('poster-7', 'quiz', 'posterCode', {});
    if (!first.ok) throw new Error(first.message);
    const { db } = connectSdk(fc.cloud);
    const { data } = (await db.collection('poster_codes').where({ fileId: first.data.fileId }).get()) as { data: Array<{ _id: string; scene: string }> };
    await db.collection('poster_codes').doc(data[0]._id).update({ data: { openid: db.command.remove() } });
    expect(await fc.call('poster-8', 'quiz', 'posterInviter', { scene: data[0].scene })).toEqual({ ok: true, data: { inviter: null } });

    const again = await fc.call('poster-7', 'quiz', 'posterCode', {});
    expect(again.ok && again.data.fileId).toBe(first.data.fileId);
    expect(await fc.call('poster-8', 'quiz', 'posterInviter', { scene: data[0].scene })).toEqual({ ok: true, data: { inviter: { nickname: '高原焊工', avatarUrl: null } } });
  });
});
