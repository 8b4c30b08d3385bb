import { isPlainObject } from '../store/bsonValues';
import { isIndexValue, typeClassOf, type IndexValue } from '../store/indexOrder';
import type { IndexRange, OrderedIndex } from '../store/orderedIndex';
import { conjunctive } from './conjuncts';
import type { Filter, SortOrder } from './findDocuments';

/**
 * How a read walks a declared index: equal on a prefix of its keys (`$in` on a key gives one
 * prefix per value), maybe a range on the next. One planner for both the emulator's own reads and
 * the cost model (localcloud/database/costModel.ts), so what is charged is what is walked.
 */
export interface IndexPlan {
  index: OrderedIndex;
  /** The first of `prefixes` (the only one unless a key is matched by `$in`). */
  prefix: IndexValue[];
  /** One equality prefix per combination of the `$in` values on the leading keys: one walk each. */
  prefixes: IndexValue[][];
  range: IndexRange;
  /** Walk backwards: the emulator's index is ascending in every key, the read's order descends. */
  reverse: boolean;
  /** The filter says nothing the prefix and range do not: a count needs no document test. */
  covered: boolean;
  /**
   * The read names an order and the index gives it (MongoDB's rule: the fields after the equality
   * prefix, in the declared directions or all reversed); with several prefixes by merging their
   * walks, as MongoDB does for up to 200 of them.
   */
  sorted: boolean;
  /** The sort's directions are all one way (what the emulator's ascending index can walk). */
  oneWay: boolean;
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);
/** MongoDB merges sorted walks for at most this many `$in` combinations (internalQueryMaxScansToExplode). */
const MAX_MERGED_WALKS = 200;
/** Beyond this many combinations a plan stops adding `$in` keys to its prefix. */
const MAX_PREFIXES = 10_000;

/** The values a condition pins a key to: one for an equality, each of an `$in`; else undefined. */
function pointsOf(condition: unknown): IndexValue[] | undefined {
  if (isIndexValue(condition)) return [condition];
  if (!isPlainObject(condition) || Object.keys(condition).length !== 1) return undefined;
  if (isIndexValue(condition.$eq)) return [condition.$eq];
  const list = condition.$in;
  if (Array.isArray(list) && list.length > 0 && list.every((value) => isIndexValue(value))) return [...new Set(list as IndexValue[])];
  return undefined;
}

/** `{ $gt: 5, $lte: 9 }`: bounds of one type class (MongoDB compares within a type), not null. */
function rangeOf(condition: unknown): IndexRange | undefined {
  if (!isPlainObject(condition)) return undefined;
  const operators = Object.keys(condition);
  if (operators.length === 0 || !operators.every((operator) => RANGE_OPERATORS.has(operator))) return undefined;
  const range: IndexRange = {};
  for (const operator of operators) {
    const value = condition[operator];
    if (!isIndexValue(value) || value === null || typeof value === 'boolean') return undefined;
    const bound = { value, inclusive: operator.endsWith('e') };
    if (operator.startsWith('$g')) {
      if (range.lower) return undefined;
      range.lower = bound;
    } else {
      if (range.upper) return undefined;
      range.upper = bound;
    }
  }
  if (range.lower && range.upper && typeClassOf(range.lower.value) !== typeClassOf(range.upper.value)) return undefined;
  return range;
}

/** The plan of one index for a filter and an order, or undefined when the index does not help. */
export function planFor(index: OrderedIndex, filter: Filter, order: SortOrder): IndexPlan | undefined {
  // A top-level $and is planned by its members (conjuncts.ts); what remains ($or, a repeated field) only tests documents.
  const conditions = conjunctive(filter);
  const fields = index.fields;
  const keys = index.declaration.keys;
  let prefixes: IndexValue[][] = [[]];
  const used = new Set<string>();
  let next = 0;
  for (; next < fields.length; next += 1) {
    const points = pointsOf(conditions[fields[next] as string]);
    if (!points || prefixes.length * points.length > MAX_PREFIXES) break;
    prefixes = prefixes.flatMap((prefix) => points.map((point) => [...prefix, point]));
    used.add(fields[next] as string);
  }
  let range: IndexRange = {};
  const rangeField = fields[next];
  const bounded = rangeField !== undefined ? rangeOf(conditions[rangeField]) : undefined;
  if (bounded && rangeField !== undefined) {
    range = bounded;
    used.add(rangeField);
  }
  // Fields the prefix fixes may appear anywhere in the order (constant within a walk; merged across walks).
  const sort = Object.entries(order).filter(([field]) => !fields.slice(0, next).includes(field));
  let sorted = sort.length > 0 && prefixes.length <= MAX_MERGED_WALKS;
  let flipped: boolean | undefined;
  for (const [i, [field, direction]] of sort.entries()) {
    const key = keys[next + i];
    const flips = key?.direction !== direction;
    if (!key || key.field !== field || (flipped !== undefined && flips !== flipped)) {
      sorted = false;
      break;
    }
    flipped = flips;
  }
  if (next === 0 && !bounded && !sorted) return undefined;
  const directions = new Set(sort.map(([, direction]) => direction));
  return {
    index,
    prefix: prefixes[0] as IndexValue[],
    prefixes,
    range,
    reverse: sorted && sort[0]?.[1] === -1,
    covered: Object.keys(conditions).every((field) => used.has(field)),
    sorted,
    oneWay: directions.size <= 1,
  };
}

/** How much a plan narrows the read: the equality prefix first, then a range, then a given order. */
export function planStrength(plan: IndexPlan): number {
  return plan.prefix.length * 4 + (plan.range.lower || plan.range.upper ? 2 : 0) + (plan.sorted ? 1 : 0);
}

/**
 * MongoDB's choice, approximated: the declared index with the longest equality prefix, then a
 * range on the next key, then one that gives the order.
 */
export function bestPlan(indexes: readonly OrderedIndex[], filter: Filter, order: SortOrder, accept: (plan: IndexPlan) => boolean = () => true): IndexPlan | undefined {
  let best: IndexPlan | undefined;
  for (const index of indexes) {
    const plan = planFor(index, filter, order);
    if (plan && accept(plan) && (!best || planStrength(plan) > planStrength(best))) best = plan;
  }
  return best;
}

/**
 * The emulator's own plan for a sorted read (the order must come from one walk of the index: an
 * unsorted read keeps the scan, whose order is insertion order) or for a count the index answers
 * alone (one binary search per prefix).
 */
export function planIndexRead(indexes: readonly OrderedIndex[], filter: Filter, order: SortOrder | undefined, purpose: 'find' | 'count'): IndexPlan | undefined {
  const usable = indexes.filter((index) => index.usable);
  if (purpose === 'count') return bestPlan(usable, filter, {}, (plan) => plan.covered);
  if (Object.keys(order ?? {}).length === 0) return undefined;
  return bestPlan(usable, filter, order ?? {}, (plan) => plan.sorted && plan.oneWay && plan.prefixes.length === 1);
}
