import { moderateReflection as contract } from '../../contracts/reading';
import { decide, findReflection } from '../../db/reading/reflections';
import { findUser } from '../../db/users';
import { assertSafeText } from '../../platform/contentCheck';
import { ActionError, failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { moderatorAccess } from './contentAccess';

export const moderateReflection: Handler<typeof contract> = async (input, ctx) => {
  const access = await moderatorAccess(ctx);
  const current = await findReflection(ctx.db, input.reflectionId);
  if (!current) throw failWith(contract, 'REFLECTION_NOT_FOUND', '读后感不存在');
  // Scoped by the author's organisation: as written with the reflection, else (older ones) the author's own now.
  const authorOrgId = current.authorOrgId !== undefined ? current.authorOrgId : ((await findUser(ctx.db, current.openid))?.orgId ?? null);
  if (!access.covers(authorOrgId)) throw new ActionError('FORBIDDEN', '这条读后感的作者不在您的管理范围内');
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  // The reason is shown to the author: checked like any text a person reads.
  const reason = status === 'rejected' && input.reason ? input.reason : null;
  if (reason && current.status === 'pending') await assertSafeText(ctx, [reason], 1);
  const changed = await decide(ctx.db, input.reflectionId, status, ctx.openid, ctx.now, reason);
  if (!changed) return { status: (await findReflection(ctx.db, input.reflectionId))?.status ?? current.status, changed: false };
  return { status, changed: true };
};
