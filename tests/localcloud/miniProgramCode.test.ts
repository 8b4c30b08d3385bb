import QRCode from 'qrcode';
import type { LocalCloud } from '../../localcloud';
import { codeText } from '../../localcloud/openapi/miniProgramCode';
import { localOpenApi, OpenApiRefusal } from '../../server/platform/openApi';
import { startTestCloud, stopTestCloud } from './helpers/testCloud';

// wxacode.getUnlimited through the platform port: a real PNG encoding page and scene, and WeChat's refusals.
let localCloud: (LocalCloud & { dataDir: string }) | undefined;

beforeAll(async () => {
  localCloud = await startTestCloud();
});

afterAll(() => stopTestCloud(localCloud));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('the code is a PNG that encodes the page and the scene', async () => {
  const port = localOpenApi((localCloud as LocalCloud).url);
  const code = await port.getUnlimitedCode({ scene: 'L=abc123', page: 'pages/study/index', width: 300 });
  expect(code.contentType).toBe('image/png');
  expect(code.buffer.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  // The same QR drawn from the expected text is the same image, byte for byte.
  const expected = await QRCode.toBuffer(codeText('wx-local-app', 'pages/study/index', 'L=abc123', 'release'), { type: 'png', width: 300, margin: 2, errorCorrectionLevel: 'M' });
  expect(code.buffer.equals(expected)).toBe(true);
  const other = await port.getUnlimitedCode({ scene: 'L=abc124', page: 'pages/study/index', width: 300 });
  expect(other.buffer.equals(code.buffer)).toBe(false);
});

test('a subpackage page is a page; an unknown one is refused with 41030 unless checkPath is false', async () => {
  const port = localOpenApi((localCloud as LocalCloud).url);
  await expect(port.getUnlimitedCode({ scene: 'x', page: 'cadre/home/index' })).resolves.toMatchObject({ contentType: 'image/png' });
  await expect(port.getUnlimitedCode({ scene: 'x', page: 'pages/nowhere/index' })).rejects.toMatchObject({ errcode: 41030 });
  await expect(port.getUnlimitedCode({ scene: 'x', page: 'pages/nowhere/index', checkPath: false, envVersion: 'develop' })).resolves.toMatchObject({ contentType: 'image/png' });
  await expect(port.getUnlimitedCode({ scene: 'x', page: '/pages/study/index' })).rejects.toBeInstanceOf(OpenApiRefusal);
});

test('a scene over 32 characters or with characters WeChat does not allow is refused with 40169', async () => {
  const port = localOpenApi((localCloud as LocalCloud).url);
  await expect(port.getUnlimitedCode({ scene: 'a'.repeat(33), page: 'pages/study/index' })).rejects.toMatchObject({ errcode: 40169 });
  await expect(port.getUnlimitedCode({ scene: '中文', page: 'pages/study/index' })).rejects.toMatchObject({ errcode: 40169 });
  await expect(port.getUnlimitedCode({ scene: 'a'.repeat(32), page: 'pages/study/index' })).resolves.toMatchObject({ contentType: 'image/png' });
});
