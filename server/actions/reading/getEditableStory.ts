import { getEditableStory as contract } from '../../contracts/reading';
import { findAnyStory } from '../../db/reading/stories';
import { temporaryLinks } from '../../platform/storageLinks';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { storyAccess } from './contentAccess';
import { storyMediaChecks } from './storyMediaState';

export const getEditableStory: Handler<typeof contract> = async (input, ctx) => {
  const access = await storyAccess(ctx);
  const story = await findAnyStory(ctx.db, input.storyId);
  if (!story) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在');
  const cover = story.coverFileId ?? null;
  const audio = story.audioFileId ?? null;
  const [links, checks] = await Promise.all([temporaryLinks([cover, audio].filter((f): f is string => f !== null)), storyMediaChecks(ctx, story)]);
  return {
    id: story._id,
    title: story.title,
    theme: story.theme,
    era: story.era,
    year: story.year,
    summary: story.summary,
    keywords: story.keywords,
    paragraphs: story.paragraphs,
    sources: story.sources,
    readingMinutes: story.readingMinutes,
    orgId: story.orgId ?? null,
    orgName: access.orgName(story.orgId),
    published: story.unpublished !== true,
    editable: access.covers(story.orgId),
    coverFileId: cover,
    coverUrl: cover ? (links.get(cover) ?? null) : null,
    audioFileId: audio,
    audioUrl: audio ? (links.get(audio) ?? null) : null,
    coverCheck: checks.cover,
    audioCheck: checks.audio,
    updatedAt: story.updatedAt ? new Date(story.updatedAt).toISOString() : null,
  };
};
