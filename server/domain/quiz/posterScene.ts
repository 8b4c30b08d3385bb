import { createHash } from 'node:crypto';

/** The page a poster code opens (the 学习 home; no leading slash, as wxacode.getUnlimited wants it). */
export const POSTER_PAGE = 'pages/study/index';

/** WeChat's rule for a scene: 1–32 of digits, letters and !#$&'()*+,/:;=?@-._~ */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export function isValidScene(scene: string): boolean {
  return SCENE.test(scene);
}

/**
 * One scene per worker, `p=` and 12 base64url characters of a hash of the openid: it tells a page
 * opened from a poster whose poster it was (never for a reward: WeChat forbids share rewards), and
 * the openid cannot be read back from it.
 */
export function posterSceneOf(openid: string): string {
  const scene = `p=${createHash('sha256').update(`poster\n${openid}`).digest('base64url').slice(0, 12)}`;
  if (!isValidScene(scene)) throw new Error(`not a WeChat scene: ${scene}`);
  return scene;
}
