import { z } from 'zod';

/** Where a story's cover and audio are uploaded in cloud storage (by the reading function, never by a browser). */
export const STORY_MEDIA_FOLDER = 'story-media/';

/** A fileID of a story's uploaded media: cloud://<env>.<bucket>/story-media/<name>. */
export const storyMediaFileId = z
  .string()
  .max(300)
  .regex(/^cloud:\/\/[A-Za-z0-9._-]+\/story-media\/[A-Za-z0-9_-]+\.(png|jpg|jpeg|webp|mp3|m4a|aac)$/, '文件编号无效');

/** What may be uploaded, with its size limit in bytes (the HTTP access body is at most 6 MB, base64 included). */
export const storyMediaKinds = {
  cover: { types: { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' }, maxBytes: 2 * 1024 * 1024 },
  audio: { types: { 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'audio/aac': 'aac', 'audio/x-m4a': 'm4a' }, maxBytes: 4 * 1024 * 1024 },
} as const;
export type StoryMediaKind = keyof typeof storyMediaKinds;
