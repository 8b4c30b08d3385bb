import { openStory as contract } from '../../contracts/reading';
import { hasFavorite } from '../../db/reading/favorites';
import { hasLiked } from '../../db/reading/likes';
import { findProgress } from '../../db/reading/progress';
import { findStory } from '../../db/reading/stories';
import { chunkAt } from '../../domain/reading/paragraphChunks';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { storyMediaChecks } from './storyMediaState';

export const openStory: Handler<typeof contract> = async (input, ctx) => {
  const [story, progress, liked, favorited] = await Promise.all([
    findStory(ctx.db, input.storyId),
    findProgress(ctx.db, ctx.openid, input.storyId),
    hasLiked(ctx.db, ctx.openid, input.storyId),
    hasFavorite(ctx.db, ctx.openid, input.storyId),
  ]);
  if (!story) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在或已下架');
  // A published story's new cover or audio reaches readers once its media check passed (one read, none without media).
  const checks = await storyMediaChecks(ctx, story);
  const position = progress ? { paragraph: Math.min(progress.paragraph, story.paragraphs.length - 1), offset: progress.offset } : null;
  return {
    id: story._id,
    title: story.title,
    theme: story.theme,
    era: story.era,
    year: story.year,
    sources: story.sources,
    readingMinutes: story.readingMinutes,
    paragraphCount: story.paragraphs.length,
    images: story.images ?? [],
    coverFileId: checks.cover === 'pass' ? (story.coverFileId ?? null) : null,
    audioFileId: checks.audio === 'pass' ? (story.audioFileId ?? null) : null,
    likes: story.likes ?? 0,
    liked,
    favorited,
    position,
    // From the start: the reader renders paragraphs in order and scrolls to the saved position.
    chunk: chunkAt(story.paragraphs, 0),
  };
};
