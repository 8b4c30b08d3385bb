import type { OrgNode } from '../contracts/account';
import { collections } from './collections';
import type { Database } from './database';

export interface OrgDoc {
  _id: string;
  name: string;
  parentId: string | null;
  kind: OrgNode['kind'];
  order: number;
}

export async function findOrg(db: Database, orgId: string): Promise<OrgDoc | null> {
  const { data } = await db.collection(collections.orgs).where({ _id: orgId }).limit(1).get();
  return (data[0] as OrgDoc | undefined) ?? null;
}

/** The whole tree: a few hundred organisations at most, read in pages of 1,000 (the server cap). */
export async function listAllOrgs(db: Database): Promise<OrgDoc[]> {
  const page = 1000;
  const all: OrgDoc[] = [];
  for (let offset = 0; ; offset += page) {
    const { data } = await db.collection(collections.orgs).orderBy('order', 'asc').orderBy('_id', 'asc').skip(offset).limit(page).get();
    all.push(...(data as OrgDoc[]));
    if (data.length < page) return all;
  }
}

/**
 * An organisation and its parents below the province, nearest first (the same chain awardPoints
 * writes board entries for), one read per level.
 */
export async function orgChain(db: Database, orgId: string | null, maxDepth = 4): Promise<OrgDoc[]> {
  const chain: OrgDoc[] = [];
  let next = orgId;
  while (next && chain.length < maxDepth) {
    const org = await findOrg(db, next);
    if (!org || org.kind === 'province') break;
    chain.push(org);
    next = org.parentId;
  }
  return chain;
}

/** The organisation and every one above it, the province included, nearest first (who may decide for it). */
export async function orgAncestry(db: Database, orgId: string, maxDepth = 8): Promise<OrgDoc[]> {
  const chain: OrgDoc[] = [];
  let next: string | null = orgId;
  while (next && chain.length < maxDepth) {
    const org = await findOrg(db, next);
    if (!org) break;
    chain.push(org);
    next = org.parentId;
  }
  return chain;
}

/** The names of the organisations named (one read by id, for a page of rows; unknown ids are left out). */
export async function orgNames(db: Database, orgIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(orgIds)];
  if (ids.length === 0) return new Map();
  const { data } = await db.collection(collections.orgs).where({ _id: db.command.in(ids) }).field({ _id: true, name: true }).limit(ids.length).get();
  return new Map((data as Array<Pick<OrgDoc, '_id' | 'name'>>).map((o) => [o._id, o.name]));
}
