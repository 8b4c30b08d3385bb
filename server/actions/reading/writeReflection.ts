import { writeReflection as contract } from '../../contracts/reading';
import { addReflection, reflectionId } from '../../db/reading/reflections';
import { findCards } from '../../db/reading/stories';
import { ensureUser } from '../../db/users';
import { reflectionView } from '../../domain/reading/reflectionView';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const writeReflection: Handler<typeof contract> = async (input, ctx) => {
  if ((await findCards(ctx.db, [input.storyId])).length === 0) throw failWith(contract, 'STORY_NOT_FOUND', '故事不存在或已下架');
  // Checked before anything is stored; a refusal writes nothing.
  await assertSafeText(ctx, [input.text], 2);
  const user = await ensureUser(ctx.db, ctx.openid, ctx.now);
  const doc = await addReflection(ctx.db, {
    _id: reflectionId(ctx.openid, input.clientRequestId),
    openid: ctx.openid,
    storyId: input.storyId,
    nickname: user.nickname,
    text: input.text,
    status: 'pending',
    createdAt: ctx.now,
    authorOrgId: user.orgId,
  });
  return reflectionView(ctx.openid, doc);
};
