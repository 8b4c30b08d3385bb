import { saveStory as contract } from '../../contracts/reading';
import { findAnyStory, writeStory } from '../../db/reading/stories';
import { writeAudit } from '../../db/reading/reflections';
import { readingSpeed, storyBodyLength, storyFieldNames, storySchema } from '../../content/storySchema';
import { issueText } from '../../contracts/issueMessages';
import { textBatches } from '../../domain/reading/textBatches';
import { assertSafeText } from '../../platform/contentCheck';
import { ActionError, failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { mediaProblem } from '../../domain/reading/storyMediaChecks';
import { OUT_OF_SCOPE, storyAccess } from './contentAccess';
import { storyMediaChecks } from './storyMediaState';

export const saveStory: Handler<typeof contract> = async (input, ctx) => {
  const access = await storyAccess(ctx);
  const existing = await findAnyStory(ctx.db, input.id);
  // Both the story as it is and as it would be must lie in the editor's reach.
  if (existing && !access.covers(existing.orgId)) throw new ActionError('FORBIDDEN', OUT_OF_SCOPE);
  const orgId = input.orgId !== undefined ? input.orgId : (existing?.orgId ?? null);
  if (orgId !== null && !access.names.has(orgId)) throw failWith(contract, 'ORG_NOT_FOUND', '所选组织不存在');
  if (!access.covers(orgId)) throw new ActionError('FORBIDDEN', orgId === null ? '只有省级内容编辑可以管理全省的故事' : OUT_OF_SCOPE);
  const readingMinutes = Math.ceil(storyBodyLength(input) / readingSpeed);
  const { id, orgId: _org, coverFileId, audioFileId, ...fields } = input;
  // The same rules as the seeded content in data/: one schema for both.
  const checked = storySchema.safeParse({ id, ...fields, readingMinutes, ...(input.theme === 'qinghai' ? { region: 'qinghai' } : {}) });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw failWith(contract, 'STORY_INVALID', `故事内容不符合要求:${issue ? issueText(issue, storyFieldNames) : ''}`);
  }
  for (const batch of textBatches([input.title, input.summary, input.era, ...input.keywords, ...input.paragraphs, ...input.sources])) await assertSafeText(ctx, batch, 1);
  const { id: _id, ...content } = checked.data;
  const media = {
    coverFileId: coverFileId !== undefined ? coverFileId : (existing?.coverFileId ?? null),
    audioFileId: audioFileId !== undefined ? audioFileId : (existing?.audioFileId ?? null),
  };
  // A refused file was deleted: it cannot be saved with the story (one still being checked can; readers get it once it passes).
  const checks = await storyMediaChecks(ctx, media);
  const refused = (['cover', 'audio'] as const).find((kind) => checks[kind] === 'refused');
  if (refused) throw failWith(contract, 'MEDIA_REFUSED', mediaProblem(refused, 'refused') ?? '');
  await writeStory(ctx.db, { _id, ...content, ...media, orgId, updatedAt: ctx.now, updatedBy: ctx.openid }, existing !== null);
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: existing ? 'story.edit' : 'story.create', target: id });
  return { id, readingMinutes, created: !existing, published: existing ? existing.unpublished !== true : false, coverCheck: checks.cover, audioCheck: checks.audio };
};
