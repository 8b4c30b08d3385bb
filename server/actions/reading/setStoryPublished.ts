import { setStoryPublished as contract } from '../../contracts/reading';
import { writeAudit } from '../../db/reading/reflections';
import { findAnyStory, setUnpublished } from '../../db/reading/stories';
import { ActionError, failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { publishBlock } from '../../domain/reading/storyMediaChecks';
import { OUT_OF_SCOPE, storyAccess } from './contentAccess';
import { storyMediaChecks } from './storyMediaState';

export const setStoryPublished: Handler<typeof contract> = async (input, ctx) => {
  const access = await storyAccess(ctx);
  const story = await findAnyStory(ctx.db, input.storyId);
  if (!story) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在');
  if (!access.covers(story.orgId)) throw new ActionError('FORBIDDEN', OUT_OF_SCOPE);
  if (input.published) {
    const checks = await storyMediaChecks(ctx, story);
    const block = publishBlock(checks.cover, checks.audio);
    if (block) throw failWith(contract, 'MEDIA_NOT_CLEARED', block);
  }
  await setUnpublished(ctx.db, input.storyId, !input.published, ctx.openid, ctx.now);
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: input.published ? 'story.publish' : 'story.unpublish', target: input.storyId });
  return { id: input.storyId, published: input.published };
};
