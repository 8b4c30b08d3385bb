import { saveProgress as contract } from '../../contracts/reading';
import { savePosition } from '../../db/reading/progress';
import { findCards } from '../../db/reading/stories';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const saveProgress: Handler<typeof contract> = async (input, ctx) => {
  if ((await findCards(ctx.db, [input.storyId])).length === 0) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在或已下架');
  await savePosition(ctx.db, ctx.openid, input.storyId, { paragraph: input.paragraph, offset: input.offset }, ctx.now);
  return { saved: true };
};
