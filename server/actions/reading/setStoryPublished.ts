import { setStoryPublished as contract } from '../../contracts/reading';
import { writeAudit } from '../../db/reading/reflections';
import { setUnpublished, storyExists } from '../../db/reading/stories';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { requireModerator } from './requireModerator';

export const setStoryPublished: Handler<typeof contract> = async (input, ctx) => {
  await requireModerator(ctx);
  if (!(await storyExists(ctx.db, input.storyId))) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在');
  await setUnpublished(ctx.db, input.storyId, !input.published, ctx.openid, ctx.now);
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: input.published ? 'story.publish' : 'story.unpublish', target: input.storyId });
  return { id: input.storyId, published: input.published };
};
