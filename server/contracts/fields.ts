import { z } from 'zod';

/**
 * Field schemas shared by the contracts. Every string is bounded; none accepts an object, so an
 * injected operator such as {"$gt": ""} fails validation instead of reaching a query.
 */
export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, '只能包含字母、数字、下划线和连字符');
export const clientRequestId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);
/**
 * Characters a name must not hold: controls (NUL included), zero-width and joiner marks, bidi
 * embeddings, overrides and isolates, the BOM, Hangul fillers and interlinear annotation marks.
 * They let a name look like another or reorder the text around it.
 */
const hiddenRanges: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x1f], [0x7f, 0x9f], [0xad, 0xad], [0x34f, 0x34f], [0x61c, 0x61c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f],
  [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x206f], [0x3164, 0x3164], [0xfeff, 0xfeff], [0xffa0, 0xffa0], [0xfff9, 0xfffb],
];

/** True for a hidden character or a surrogate without its pair (code units, so a lone half is seen). */
export function hasHiddenCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true;
    if (hiddenRanges.some(([from, to]) => c >= from && c <= to)) return true;
  }
  return false;
}

/** A nickname as shown to others: no hidden characters, normalised to NFC, trimmed, 1–20 characters. */
export const nickname = z
  .string()
  .max(80, '昵称最多 20 个字')
  .refine((s) => !hasHiddenCharacters(s), '昵称不能包含不可见字符或控制字符')
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, '请填写昵称').max(20, '昵称最多 20 个字'));
/** A file id in cloud storage as wx.cloud.uploadFile returns it. */
export const fileId = z.string().min(10).max(512).regex(/^cloud:\/\/[^\s]+$/, '文件地址无效');
export const mobile = z.string().regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码');
