import { getLeaderboard as contract } from '../../contracts/quiz';
import type { BoardRow, BoardScopeOption } from '../../contracts/quiz';
import { orgChain } from '../../db/orgs';
import { boardAvatars } from '../../db/quiz/boardAvatars';
import { findUser } from '../../db/users';
import { DEFAULT_NICKNAME } from '../../domain/account/nicknames';
import { scopeOf } from '../../points/boardEntries';
import { decodeBoardCursor, type BoardCursor } from '../../points/boardCursor';
import { rankPage } from '../../points/boardPaging';
import { ownEntry, periodScore, placesAfter, rankOf, topOf, type BoardPlace } from '../../points/boardReads';
import { provinceScopeId } from '../../points/boardKeys';
import { groupsOf } from '../../points/memberships';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const boardSize = 100;

/**
 * A fixed number of reads whatever the number of workers: the worker's boards (user, org chain,
 * groups), the top 100 (one index walk), the worker's entry and the rank counts above it
 * (rankOf: about 1,000 keys and documents examined at worst on a board of 1,000,000, `npm run
 * bench`), the avatars of the top and the worker's own. A later page (`cursor`) reads the next 100
 * places after the last one shown (placesAfter: two index walks, 100 keys and documents in all)
 * and their avatars, ranked on from the cursor; the worker's own line is not read again.
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
  const after = decodeBoardCursor(input.cursor);
  const known = { _id: openid, avatarFileId: user?.avatarFileId ?? null };
  if (after) {
    const places = await placesAfter(db, scope, input.period, now, after, boardSize);
    const avatars = await boardAvatars(db, places.map((p) => p.openid), known);
    const page = ranked(places, after, openid, avatars);
    return { scope: input.scope, period: input.period, scopeId, top: page.rows, nextCursor: page.next, me: null, groups, scopes };
  }
  const [top, entry] = await Promise.all([topOf(db, scope, input.period, now, boardSize), ownEntry(db, scope, openid)]);
  const score = periodScore(entry, input.period, now);
  const [rank, avatars] = await Promise.all([score === null ? null : rankOf(db, scope, input.period, now, score), boardAvatars(db, top.map((e) => e.openid), known)]);
  const page = ranked(top, undefined, openid, avatars);
  const me = { rank, score: score ?? 0, nickname: user?.nickname ?? DEFAULT_NICKNAME, avatarUrl: avatars.get(openid) ?? null };
  return { scope: input.scope, period: input.period, scopeId, top: page.rows, nextCursor: page.next, me, groups, scopes };
};

/** Rows with their ranks (rankPage) and the avatars read for them. */
function ranked(places: BoardPlace[], after: BoardCursor | undefined, openid: string, avatars: Map<string, string>): { rows: BoardRow[]; next: string | null } {
  const { ranks, next } = rankPage(places, after, boardSize);
  const rows = places.map((place, i): BoardRow => ({ rank: ranks[i] as number, nickname: place.nickname, score: place.score, me: place.openid === openid, avatarUrl: avatars.get(place.openid) ?? null }));
  return { rows, next };
}

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
