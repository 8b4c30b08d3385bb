import { getChunk as contract } from '../../contracts/reading';
import { findStory } from '../../db/reading/stories';
import { chunkAt } from '../../domain/reading/paragraphChunks';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const getChunk: Handler<typeof contract> = async (input, ctx) => {
  const story = await findStory(ctx.db, input.storyId);
  if (!story) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在或已下架');
  return chunkAt(story.paragraphs, input.from);
};
