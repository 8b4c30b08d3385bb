import { saveStory as contract } from '../../contracts/reading';
import { storyExists, writeStory } from '../../db/reading/stories';
import { writeAudit } from '../../db/reading/reflections';
import { readingSpeed, storyBodyLength, storySchema } from '../../content/storySchema';
import { textBatches } from '../../domain/reading/textBatches';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { requireModerator } from './requireModerator';

export const saveStory: Handler<typeof contract> = async (input, ctx) => {
  await requireModerator(ctx);
  const readingMinutes = Math.ceil(storyBodyLength(input) / readingSpeed);
  const { id, ...fields } = input;
  // The same rules as the seeded content in data/: one schema for both.
  const checked = storySchema.safeParse({ id, ...fields, readingMinutes, ...(input.theme === 'qinghai' ? { region: 'qinghai' } : {}) });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw failWith(contract, 'STORY_INVALID', `故事内容不符合要求:${issue ? `${issue.path.join('.')} ${issue.message}` : ''}`);
  }
  for (const batch of textBatches([input.title, input.summary, ...input.keywords, ...input.paragraphs])) await assertSafeText(ctx, batch, 1);
  const exists = await storyExists(ctx.db, id);
  const { id: _id, ...content } = checked.data;
  await writeStory(ctx.db, { _id, ...content, updatedAt: ctx.now, updatedBy: ctx.openid }, exists);
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: exists ? 'story.edit' : 'story.create', target: id });
  return { id, readingMinutes, created: !exists };
};
