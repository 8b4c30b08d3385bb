import { getLeaderboard as contract } from '../../contracts/quiz';
import type { BoardRow } from '../../contracts/quiz';
import { ownRank, topOfBoard } from '../../db/quiz/leaderboards';
import { findUser } from '../../db/users';
import { boardKey, provinceScopeId } from '../../points/boardKeys';
import { groupsOf } from '../../points/memberships';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const boardSize = 100;

/** Four reads whatever the number of workers: scope, top 100, own entry, indexed count above it. */
export const getLeaderboard: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now } = ctx;
  const groups = await groupsOf(db, openid);
  const scopeId = await scopeIdFor(input, ctx.db, openid, groups);
  const key = boardKey(input.scope, scopeId, input.period, now);
  const [top, me] = await Promise.all([topOfBoard(db, key, boardSize), ownRank(db, key, openid)]);
  const rows: BoardRow[] = [];
  top.forEach((entry, i) => {
    // Equal scores share a rank: the rank of the first entry with that score.
    const previous = rows[i - 1];
    const rank = previous && previous.score === entry.score ? previous.rank : i + 1;
    rows.push({ rank, nickname: entry.nickname, score: entry.score, me: entry.openid === openid });
  });
  return { scope: input.scope, period: input.period, scopeId, top: rows, me, groups };
};

async function scopeIdFor(input: { scope: string; groupId?: string }, db: Parameters<typeof findUser>[0], openid: string, groups: string[]): Promise<string> {
  if (input.scope === 'province') return provinceScopeId;
  if (input.scope === 'org') {
    const user = await findUser(db, openid);
    if (!user?.orgId) throw failWith(contract, 'NO_ORG', '请先在"我的"里选择所在工会');
    return user.orgId;
  }
  if (!input.groupId) throw failWith(contract, 'GROUP_REQUIRED', '请从微信群里打开小程序查看群排行');
  if (!groups.includes(input.groupId)) throw failWith(contract, 'NOT_A_MEMBER', '你还不是这个群的成员');
  return input.groupId;
}
