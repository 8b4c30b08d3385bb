import type { ActionContext } from '../runtime/context';
import { provinceScope } from './boardEntries';
import { addToEntries, addToRankCounts } from './boardWrites';
import { capsId, ledgerId, recordAward } from './pointsLedger';
import type { PointSource } from './pointCaps';
import { dayKey } from './periodKeys';
import { loadPointsState, scopesOf, type PointsState } from './pointsState';

export interface Award {
  source: PointSource;
  sourceId: string;
  points: number;
}

/** An award's id on the boards is its ledger id: one per (worker, source, source id), the same on every retry. */
export { ledgerId as awardId } from './pointsLedger';

/**
 * Records points once per (worker, source, sourceId), within the source's daily cap, and adds them
 * to every board they count for. A repeat returns what the first call awarded (`repeat: true`).
 * Every step can be run again after a failure at any point and does its part once: the ledger
 * entry has a fixed id (and the daily counter remembers the awards it took), the entries keep the
 * last award ids, the rank counts keep theirs. Four or five round trips: the state (one
 * aggregation), the counter (not for once-a-day sources), the entry, the board entries, the rank
 * counts. `state`: the worker's state when the caller has read it already.
 */
export async function awardPoints(ctx: ActionContext, award: Award, state?: PointsState): Promise<{ awarded: number; repeat: boolean }> {
  const { db, openid, now } = ctx;
  const id = ledgerId(openid, award.source, award.sourceId);
  const known = state ?? (await loadPointsState(db, openid, { ledger: id, caps: capsId(openid, award.source, dayKey(now)) }));
  const outcome = await recordAward(db, openid, award, known.ledger, now);
  if (outcome.awarded > 0) await addToBoards(ctx, known, id, outcome.awarded);
  return outcome;
}

/** The entries, then the rank counts; a repeat whose entries all have the award costs nothing more than a check. */
async function addToBoards(ctx: ActionContext, state: PointsState, id: string, points: number): Promise<void> {
  const { db, openid, now } = ctx;
  const scopes = scopesOf(state);
  const province = state.entries.get(provinceScope);
  const settled = province?.awards?.includes(id) && province.prev?.award !== id && scopes.every((scope) => state.entries.get(scope)?.awards?.includes(id));
  if (settled) return;
  const moves = await addToEntries(db, { openid, nickname: state.nickname }, scopes, state.entries, { id, points }, now);
  await addToRankCounts(db, moves, id, now);
}
