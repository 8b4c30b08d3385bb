import { moderateReflection as contract } from '../../contracts/reading';
import { decide, findReflection, writeAudit } from '../../db/reading/reflections';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { requireModerator } from './requireModerator';

export const moderateReflection: Handler<typeof contract> = async (input, ctx) => {
  await requireModerator(ctx);
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  const changed = await decide(ctx.db, input.reflectionId, status, ctx.openid, ctx.now);
  if (!changed) {
    const current = await findReflection(ctx.db, input.reflectionId);
    if (!current) throw failWith(contract, 'REFLECTION_NOT_FOUND', '读后感不存在');
    return { status: current.status, changed: false };
  }
  await writeAudit(ctx.db, { at: ctx.now, actorOpenid: ctx.openid, action: `reflection.${status}`, target: input.reflectionId });
  return { status, changed: true };
};
