import { checksOfFiles, deleteStoredFile, recordMediaCheck } from '../../db/requests/mediaCheckStore';
import { storyMediaCheck, type StoryMediaCheck } from '../../domain/reading/storyMediaChecks';
import type { ActionContext } from '../../runtime/context';

/**
 * Starts WeChat's asynchronous check of a story's new cover (image) or audio (scene 1: like a
 * profile's). The verdict arrives at securityEvents (server/actions/requests/settleMediaCheck.ts),
 * which deletes a refused file. False when the check could not start: the file is then deleted,
 * so nothing unchecked is ever kept.
 */
export async function startStoryMediaCheck(ctx: ActionContext, kind: 'cover' | 'audio', fileId: string, url: string): Promise<boolean> {
  try {
    const { traceId } = await ctx.openApi.mediaCheckAsync({ openid: ctx.openid, mediaUrl: url, scene: 1, mediaType: kind === 'audio' ? 1 : 2 });
    await recordMediaCheck(ctx.db, { _id: traceId, kind: 'story', requestId: '', openid: ctx.openid, fileId, status: 'checking', createdAt: ctx.now, settledAt: null });
    return true;
  } catch (error) {
    console.error('story mediaCheckAsync failed', fileId, error);
    await deleteStoredFile(fileId).catch(() => undefined);
    return false;
  }
}

/** Where a story's cover and audio stand in their checks (null: the story has none). One read, none without media. */
export async function storyMediaChecks(ctx: ActionContext, media: { coverFileId?: string | null; audioFileId?: string | null }): Promise<{ cover: StoryMediaCheck | null; audio: StoryMediaCheck | null }> {
  const files = [media.coverFileId, media.audioFileId].filter((f): f is string => Boolean(f));
  const checks = await checksOfFiles(ctx.db, files);
  return { cover: storyMediaCheck(media.coverFileId, checks), audio: storyMediaCheck(media.audioFileId, checks) };
}
