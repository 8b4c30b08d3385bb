import { find, Query } from 'mingo';
import type { Doc } from '../store/bsonValues';
import { deepCopy, docKey, isPlainObject } from '../store/bsonValues';
import { planIndexRead, type IndexPlan } from './indexPlan';
import { evaluate } from './mingoErrors';
import type { ReadView } from './readView';

export type Filter = Record<string, unknown>;
export type SortOrder = Record<string, 1 | -1>;

export interface FindSpec {
  filter: Filter;
  order?: SortOrder | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** `{ _id: 'x' }` (every doc() call) is answered by key instead of a scan. */
function idLookup(filter: Filter): string | undefined {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return undefined;
  const id = filter._id;
  return typeof id === 'string' || typeof id === 'number' ? docKey(id) : undefined;
}

function candidates(view: ReadView, collection: string, filter: Filter): Doc[] {
  const key = idLookup(filter);
  if (key === undefined) return view.documents(collection);
  const found = view.document(collection, key);
  return found ? [found] : [];
}

/** Walks an index in order, testing each document, until the page is full. */
function findByIndex(view: ReadView, collection: string, spec: FindSpec, plan: IndexPlan): Doc[] {
  const query = evaluate(() => new Query(spec.filter));
  const page: Doc[] = [];
  let skipped = 0;
  for (const key of plan.index.keys(plan.prefix, plan.range, plan.reverse)) {
    if (spec.limit !== undefined && page.length >= spec.limit) break;
    const doc = view.document(collection, key) as Doc;
    if (!evaluate(() => query.test(doc))) continue;
    if (skipped < (spec.offset ?? 0)) skipped += 1;
    else page.push(doc);
  }
  return page;
}

/** The index a read would walk, or undefined for a scan (for tests, and for anyone asking why a read is slow). */
export function explainFind(view: ReadView, collection: string, spec: FindSpec): IndexPlan | undefined {
  const indexes = view.orderedIndexes?.(collection);
  return indexes && idLookup(spec.filter) === undefined ? planIndexRead(indexes, spec.filter, spec.order, 'find') : undefined;
}

export function explainCount(view: ReadView, collection: string, filter: Filter): IndexPlan | undefined {
  const indexes = view.orderedIndexes?.(collection);
  return indexes ? planIndexRead(indexes, filter, undefined, 'count') : undefined;
}

/** Matching documents (unprojected: a transaction records what it read), sorted and paged. */
export function findDocuments(view: ReadView, collection: string, spec: FindSpec): Doc[] {
  const plan = explainFind(view, collection, spec);
  if (plan) return findByIndex(view, collection, spec, plan);
  const docs = candidates(view, collection, spec.filter);
  return evaluate(() => {
    const cursor = find(docs, spec.filter);
    if (spec.order && Object.keys(spec.order).length > 0) cursor.sort(spec.order);
    if (spec.offset) cursor.skip(spec.offset);
    if (spec.limit !== undefined) cursor.limit(spec.limit);
    return cursor.all() as Doc[];
  });
}

export function countDocuments(view: ReadView, collection: string, filter: Filter): number {
  const plan = explainCount(view, collection, filter);
  if (plan) return plan.prefixes.reduce((total, prefix) => total + plan.index.count(prefix, plan.range), 0);
  const docs = candidates(view, collection, filter);
  return evaluate(() => {
    const query = new Query(filter);
    let total = 0;
    for (const doc of docs) if (query.test(doc)) total += 1;
    return total;
  });
}

export function projectDocuments(docs: Doc[], projection: Record<string, unknown> | undefined): Record<string, unknown>[] {
  if (!projection || !isPlainObject(projection) || Object.keys(projection).length === 0) return docs;
  // mingo projects a nested path ('c.d20261125') inside the stored sub-document itself: project copies.
  const nested = Object.keys(projection).some((path) => path.includes('.'));
  return evaluate(() => find(nested ? docs.map(deepCopy) : docs, {}, projection).all());
}
