import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';

/** What wxacode.getUnlimited answers: the image, or WeChat's JSON error. */
export type CodeReply = { errcode: 0; errmsg: 'ok'; contentType: 'image/png'; buffer: string } | { errcode: number; errmsg: string };

/** WeChat's allowed scene characters (at most 32): digits, letters and !#$&'()*+,/:;=?@-._~ */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** Every page of the mini program (main package and subpackages) named by app.json. */
export function pagesOf(appJsonFile: string): Set<string> {
  const app = JSON.parse(readFileSync(appJsonFile, 'utf8')) as { pages?: string[]; subPackages?: { root: string; pages: string[] }[]; subpackages?: { root: string; pages: string[] }[] };
  const sub = app.subPackages ?? app.subpackages ?? [];
  return new Set([...(app.pages ?? []), ...sub.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))]);
}

/**
 * The text the local cloud puts in the code: a real mini program code is WeChat's round "sun code",
 * which only WeChat decodes; locally it is a QR code any scanner reads, naming page and scene.
 */
export function codeText(appId: string, page: string, scene: string, envVersion: string): string {
  return `wxacode://${appId}/${page}?scene=${encodeURIComponent(scene)}&env_version=${envVersion}`;
}

/**
 * wxacode.getUnlimited as WeChat answers it: the scene and page rules it enforces (40169, 41030),
 * width clamped to 280–1280 px, and a PNG encoding page and scene.
 */
export async function unlimitedCode(appId: string, pages: () => Set<string>, payload: Record<string, unknown>): Promise<CodeReply> {
  const scene = payload.scene;
  if (typeof scene !== 'string' || !SCENE.test(scene)) return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json' };
  const page = payload.page === undefined || payload.page === '' ? 'pages/study/index' : payload.page;
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return { errcode: 41030, errmsg: 'invalid page hint' };
  if (payload.checkPath !== false && !pages().has(page)) return { errcode: 41030, errmsg: 'invalid page hint' };
  const envVersion = typeof payload.envVersion === 'string' ? payload.envVersion : 'release';
  if (!['release', 'trial', 'develop'].includes(envVersion)) return { errcode: 40097, errmsg: 'invalid args: env_version' };
  const width = Math.min(1280, Math.max(280, typeof payload.width === 'number' ? payload.width : 430));
  const png = await QRCode.toBuffer(codeText(appId, page, scene, envVersion), { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' });
  return { errcode: 0, errmsg: 'ok', contentType: 'image/png', buffer: png.toString('base64') };
}
