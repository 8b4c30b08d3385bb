import { getLeaderboard as contract } from '../../contracts/quiz';
import type { BoardRow, BoardScopeOption } from '../../contracts/quiz';
import { orgChain } from '../../db/orgs';
import { boardAvatars } from '../../db/quiz/boardAvatars';
import { findUser } from '../../db/users';
import { scopeOf } from '../../points/boardEntries';
import { ownEntry, periodScore, rankOf, topOf } from '../../points/boardReads';
import { provinceScopeId } from '../../points/boardKeys';
import { groupsOf } from '../../points/memberships';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const boardSize = 100;

/**
 * A fixed number of reads whatever the number of workers: the worker's boards (user, org chain,
 * groups), the top 100 (one index walk), the worker's entry and the rank counts above it
 * (rankOf: about 1,000 keys and documents examined at worst on a board of 1,000,000, `npm run
 * bench`), the avatars of the top.
 */
export const getLeaderboard: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now } = ctx;
  const [user, groups] = await Promise.all([findUser(db, openid), groupsOf(db, openid)]);
  const orgs = await orgChain(db, user?.orgId ?? null);
  const scopes: BoardScopeOption[] = [
    { scope: 'province', scopeId: provinceScopeId, name: '全省' },
    ...orgs.map((o): BoardScopeOption => ({ scope: 'org', scopeId: o._id, name: o.name })),
    ...groups.map((g): BoardScopeOption => ({ scope: 'group', scopeId: g, name: '' })),
  ];
  const scopeId = scopeIdFor(input, scopes, groups);
  const scope = scopeOf(input.scope, scopeId);
  const [top, entry] = await Promise.all([topOf(db, scope, input.period, now, boardSize), ownEntry(db, scope, openid)]);
  const score = periodScore(entry, input.period, now);
  const [me, avatars] = await Promise.all([
    score === null ? null : rankOf(db, scope, input.period, now, score).then((rank) => ({ rank, score })),
    boardAvatars(db, top.map((e) => e.openid)),
  ]);
  const rows: BoardRow[] = [];
  top.forEach((row, i) => {
    // Equal scores share a rank: the rank of the first entry with that score.
    const previous = rows[i - 1];
    const rank = previous && previous.score === row.score ? previous.rank : i + 1;
    rows.push({ rank, nickname: row.nickname, score: row.score, me: row.openid === openid, avatarUrl: avatars.get(row.openid) ?? null });
  });
  return { scope: input.scope, period: input.period, scopeId, top: rows, me, groups, scopes };
};

function scopeIdFor(input: { scope: string; orgId?: string; groupId?: string }, scopes: BoardScopeOption[], groups: string[]): string {
  if (input.scope === 'province') return provinceScopeId;
  if (input.scope === 'org') {
    const orgIds = scopes.filter((s) => s.scope === 'org').map((s) => s.scopeId);
    if (orgIds.length === 0) throw failWith(contract, 'NO_ORG', '请先在"我的"里选择所在工会');
    if (!input.orgId) return orgIds[0] as string;
    if (!orgIds.includes(input.orgId)) throw failWith(contract, 'NOT_A_MEMBER', '你不属于这个工会');
    return input.orgId;
  }
  if (!input.groupId) throw failWith(contract, 'GROUP_REQUIRED', '请从微信群里打开小程序查看群排行');
  if (!groups.includes(input.groupId)) throw failWith(contract, 'NOT_A_MEMBER', '你还不是这个群的成员');
  return input.groupId;
}
