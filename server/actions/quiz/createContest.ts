import { createContest as contract } from '../../contracts/quiz';
import { addContest } from '../../db/quiz/contests';
import { assertSafeText } from '../../platform/contentCheck';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { requireCadre } from './requireCadre';

export const createContest: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now, rng } = ctx;
  const { isAdmin, orgIds: cadreOrgs } = await requireCadre(ctx);
  if (!isAdmin && !input.orgIds.every((o) => cadreOrgs.has(o))) throw failWith(contract, 'ORG_NOT_ALLOWED', '只能为自己所在的工会组织创建竞赛');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt.getTime() <= startsAt.getTime() || endsAt.getTime() <= now.getTime()) throw failWith(contract, 'BAD_WINDOW', '结束时间须晚于开始时间和现在');
  await assertSafeText(ctx, [input.title], 1);
  const contestId = `c${now.getTime().toString(36)}${Math.floor(rng() * 36 ** 4).toString(36)}`;
  await addContest(db, { _id: contestId, title: input.title, startsAt, endsAt, histories: input.histories, questionCount: input.questionCount, timeLimitSeconds: input.timeLimitSeconds, orgIds: input.orgIds, createdBy: openid, createdAt: now });
  return { contestId };
};
