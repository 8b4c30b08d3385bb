import { z } from 'zod';
import { defineAction } from '../action';
import type { StoryMediaCheck } from './types';
import { storyMediaKinds } from './storyMedia';

/**
 * An editor uploads a story's cover image or audio: the bytes (base64) go to the reading function,
 * which stores them with the server SDK's uploadFile, as production does, and starts WeChat's media
 * check. The answer is the fileID to save with the story, a temporary link for the preview and the
 * check's state: readers get the file only once it passes.
 */
export const uploadStoryMedia = defineAction<{ fileId: string; url: string; check: StoryMediaCheck }>()({
  input: z.strictObject({
    kind: z.enum(['cover', 'audio']),
    contentType: z.string().max(40),
    // 4 MB of bytes is at most 5.6 MB of base64.
    base64: z.string().min(4).max(Math.ceil((storyMediaKinds.audio.maxBytes * 4) / 3) + 4).regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容无效'),
  }),
  errors: ['MEDIA_INVALID', 'MEDIA_CHECK_UNAVAILABLE'],
});
