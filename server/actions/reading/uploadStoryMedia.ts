import { randomBytes } from 'node:crypto';
import { STORY_MEDIA_FOLDER, storyMediaKinds, uploadStoryMedia as contract } from '../../contracts/reading';
import { writeAudit } from '../../db/reading/reflections';
import { storeFile, temporaryLinks } from '../../platform/storageLinks';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { mediaTypeOf } from '../../domain/reading/mediaType';
import { storyAccess } from './contentAccess';
import { startStoryMediaCheck } from './storyMediaState';

export const uploadStoryMedia: Handler<typeof contract> = async (input, ctx) => {
  await storyAccess(ctx);
  const kind = storyMediaKinds[input.kind];
  const extension = (kind.types as Record<string, string>)[input.contentType];
  if (!extension) throw failWith(contract, 'MEDIA_INVALID', input.kind === 'cover' ? '封面只支持 PNG、JPEG 或 WebP 图片' : '音频只支持 MP3、M4A 或 AAC');
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0 || bytes.length > kind.maxBytes) throw failWith(contract, 'MEDIA_INVALID', `文件不能超过 ${kind.maxBytes / 1024 / 1024} MB`);
  // The bytes must be what the type says (a renamed file is refused): checked by their signature.
  if (mediaTypeOf(bytes) !== extension.replace('jpeg', 'jpg')) throw failWith(contract, 'MEDIA_INVALID', '文件内容与类型不符');
  const fileId = await storeFile(`${STORY_MEDIA_FOLDER}${input.kind}-${ctx.now.getTime()}-${randomBytes(6).toString('hex')}.${extension}`, bytes);
  const url = (await temporaryLinks([fileId])).get(fileId) ?? '';
  // Readers get it, and the story may be published with it, only once WeChat's check passes.
  if (!url || !(await startStoryMediaCheck(ctx, input.kind, fileId, url))) throw failWith(contract, 'MEDIA_CHECK_UNAVAILABLE', '暂时无法提交内容安全审核,请稍后重新上传');
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: `story.upload_${input.kind}`, target: fileId });
  return { fileId, url, check: 'checking' as const };
};
