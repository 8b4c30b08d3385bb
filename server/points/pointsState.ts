import { collections } from '../db/collections';
import type { Aggregate, Database } from '../db/database';
import { provinceScope, scopeOf, type BoardEntryDoc } from './boardEntries';
import type { CapsDoc, LedgerEntry } from './pointsLedger';
import { maxGroupsPerWorker } from './memberships';
import { pointsCollections } from './pointsCollections';

/** Everything an award needs to know about the worker, read in one aggregation. */
export interface PointsState {
  nickname: string;
  orgId: string | null;
  /** The worker's organisation and its parents below the province, nearest first. */
  orgIds: string[];
  groupIds: string[];
  entries: Map<string, BoardEntryDoc>;
  /** This award's ledger entry and today's counter of its source, when they exist. */
  ledger: { entry: LedgerEntry | null; caps: CapsDoc | null };
}

/** Organisation levels followed up from the worker's own (grassroots → industry → city → province). */
const maxOrgDepth = 4;

/**
 * `$lookup` stages that join, to any document carrying `pt_oid` (the openid), `pt_ledger` (an
 * award's ledger id, or several) and `pt_caps` (a counter id, or several), the worker's user document, organisation
 * chain, groups, board entries, that ledger entry and that counter. Each joins on `_id` or an indexed field, so the cost is a few keys per level.
 */
export function withPointsState(aggregate: Aggregate): Aggregate {
  let next = aggregate
    .lookup({ from: collections.users, localField: 'pt_oid', foreignField: '_id', as: 'pt_user' })
    .lookup({ from: collections.orgs, localField: 'pt_user.orgId', foreignField: '_id', as: 'pt_org1' });
  for (let level = 2; level <= maxOrgDepth; level += 1) {
    next = next.lookup({ from: collections.orgs, localField: `pt_org${level - 1}.parentId`, foreignField: '_id', as: `pt_org${level}` });
  }
  return next
    .lookup({ from: pointsCollections.groupMembers, localField: 'pt_oid', foreignField: 'openid', as: 'pt_groups' })
    .lookup({ from: pointsCollections.entries, localField: 'pt_oid', foreignField: 'openid', as: 'pt_entries' })
    .lookup({ from: pointsCollections.ledger, localField: 'pt_ledger', foreignField: '_id', as: 'pt_ledgerEntry' })
    .lookup({ from: pointsCollections.caps, localField: 'pt_caps', foreignField: '_id', as: 'pt_capsDoc' });
}

type Row = Record<string, unknown>;

/** A joined array without the empty slots the local cloud's $lookup leaves for unmatched array elements. */
export function joined<T>(row: Row, field: string): T[] {
  const value = row[field];
  return Array.isArray(value) ? (value.filter((item) => item !== null && item !== undefined) as T[]) : [];
}

/** The state in a joined row; `source`: pick that source's ledger entry and counter (when several ids were joined). */
export function pointsStateOf(row: Row, source?: string): PointsState {
  const ofSource = <T extends { source?: string }>(docs: T[]): T | null => docs.find((doc) => source === undefined || doc.source === source) ?? null;
  const user = joined<{ nickname?: string; orgId?: string | null }>(row, 'pt_user')[0];
  const orgIds: string[] = [];
  for (let level = 1; level <= maxOrgDepth; level += 1) {
    const org = joined<{ _id: string; kind?: string }>(row, `pt_org${level}`)[0];
    if (!org || org.kind === 'province') break;
    orgIds.push(org._id);
  }
  const groupIds = joined<{ groupId: string; joinedAt: string | Date }>(row, 'pt_groups')
    .sort((a, b) => new Date(b.joinedAt).getTime() - new Date(a.joinedAt).getTime())
    .slice(0, maxGroupsPerWorker)
    .map((g) => g.groupId);
  const entries = new Map(joined<BoardEntryDoc>(row, 'pt_entries').map((entry) => [entry.scope, entry]));
  return { nickname: user?.nickname ?? '职工', orgId: user?.orgId ?? null, orgIds, groupIds, entries, ledger: { entry: ofSource(joined<LedgerEntry>(row, 'pt_ledgerEntry')), caps: ofSource(joined<CapsDoc>(row, 'pt_capsDoc')) } };
}

/** Every scope an award counts on: the province, the organisations, the remembered groups. */
export function scopesOf(state: Pick<PointsState, 'orgIds' | 'groupIds'>): string[] {
  return [provinceScope, ...state.orgIds.map((id) => scopeOf('org', id)), ...state.groupIds.map((id) => scopeOf('group', id))];
}

/** One round trip: the aggregation starts from the worker's user document (three reads when there is none yet). */
export async function loadPointsState(db: Database, openid: string, ids: { ledger: string; caps: string }): Promise<PointsState> {
  const { list } = await withPointsState(db.collection(collections.users).aggregate().match({ _id: openid }).addFields({ pt_oid: openid, pt_ledger: ids.ledger, pt_caps: ids.caps })).end();
  const row = list[0] as Row | undefined;
  if (row) return pointsStateOf(row);
  const [entries, entry, caps, groups] = await Promise.all([
    db.collection(pointsCollections.entries).where({ openid }).limit(100).get(),
    db.collection(pointsCollections.ledger).where({ _id: ids.ledger }).limit(1).get(),
    db.collection(pointsCollections.caps).where({ _id: ids.caps }).limit(1).get(),
    db.collection(pointsCollections.groupMembers).where({ openid }).orderBy('joinedAt', 'desc').limit(maxGroupsPerWorker).get(),
  ]);
  return pointsStateOf({ pt_entries: entries.data, pt_ledgerEntry: entry.data, pt_capsDoc: caps.data, pt_groups: groups.data });
}
