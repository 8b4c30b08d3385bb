import { Query } from 'mingo';
import type { IndexDeclaration } from '../collectionsFile';
import { docKey, isPlainObject, type Doc } from '../store/bsonValues';
import { isIndexValue, typeClassOf, type IndexValue } from '../store/indexOrder';
import type { IndexRange, OrderedIndex } from '../store/orderedIndex';
import { conjunctive } from './conjuncts';
import type { Filter, SortOrder } from './findDocuments';
import { evaluate } from './mingoErrors';
import { valuesAt } from './aggregateDocuments';
import type { ReadView } from './readView';

/**
 * What a MongoDB server would examine for one operation: `explain`'s totalKeysExamined and
 * totalDocsExamined. This is a model of MongoDB's plans, not of this emulator's own structures
 * (its sorted arrays answer a count with two binary searches; MongoDB walks every key counted).
 */
export interface Examined {
  keys: number;
  docs: number;
}

export const nothingExamined = (): Examined => ({ keys: 0, docs: 0 });

/** The collection's indexes as MongoDB has them: `_id` plus the declared ones. */
export interface CostIndexes {
  declared: readonly OrderedIndex[];
}

type Plan =
  | { kind: 'idPoints'; ids: Array<string | number> }
  | { kind: 'index'; index: OrderedIndex; prefix: IndexValue[]; range: IndexRange; covered: boolean; sorted: boolean; reverse: boolean }
  | { kind: 'scan' };

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

function pointOf(condition: unknown): IndexValue | undefined {
  if (isIndexValue(condition)) return condition;
  if (isPlainObject(condition) && Object.keys(condition).length === 1 && isIndexValue(condition.$eq)) return condition.$eq;
  return undefined;
}

function rangeOf(condition: unknown): IndexRange | undefined {
  if (!isPlainObject(condition)) return undefined;
  const operators = Object.keys(condition);
  if (operators.length === 0 || !operators.every((operator) => RANGE_OPERATORS.has(operator))) return undefined;
  const range: IndexRange = {};
  for (const operator of operators) {
    const value = condition[operator];
    if (!isIndexValue(value) || value === null || typeof value === 'boolean') return undefined;
    const bound = { value, inclusive: operator.endsWith('e') };
    if (operator.startsWith('$g')) range.lower = bound;
    else range.upper = bound;
  }
  if (range.lower && range.upper && typeClassOf(range.lower.value) !== typeClassOf(range.upper.value)) return undefined;
  return range;
}

/** `_id: v` or `_id: { $in: [...] }`: MongoDB answers from the `_id` index, a point per value. */
function idPoints(filter: Filter): Array<string | number> | undefined {
  const condition = filter._id;
  const point = pointOf(condition);
  if (typeof point === 'string' || typeof point === 'number') return [point];
  if (isPlainObject(condition) && Object.keys(condition).length === 1 && Array.isArray(condition.$in)) {
    const values = condition.$in as unknown[];
    if (values.every((value) => typeof value === 'string' || typeof value === 'number')) return values as Array<string | number>;
  }
  return undefined;
}

function indexPlan(index: OrderedIndex, filter: Filter, order: SortOrder): Extract<Plan, { kind: 'index' }> | undefined {
  const fields = index.fields;
  const declaration: IndexDeclaration = index.declaration;
  const prefix: IndexValue[] = [];
  const used = new Set<string>();
  let next = 0;
  for (; next < fields.length; next += 1) {
    const point = pointOf(filter[fields[next] as string]);
    if (point === undefined) break;
    prefix.push(point);
    used.add(fields[next] as string);
  }
  let range: IndexRange = {};
  const rangeField = fields[next];
  const bounded = rangeField !== undefined ? rangeOf(filter[rangeField]) : undefined;
  if (bounded && rangeField !== undefined) {
    range = bounded;
    used.add(rangeField);
  }
  // The sort is served by the index when it names the fields after the equality prefix, in the
  // index's directions or all reversed (the same rule as MongoDB's).
  const sort = Object.entries(order).filter(([field]) => !fields.slice(0, prefix.length).includes(field));
  let sorted = sort.length > 0;
  let reverse = false;
  for (const [i, [field, direction]] of sort.entries()) {
    const key = declaration.keys[prefix.length + i];
    if (!key || key.field !== field) {
      sorted = false;
      break;
    }
    const flipped = key.direction !== direction;
    if (i === 0) reverse = flipped;
    else if (flipped !== reverse) {
      sorted = false;
      break;
    }
  }
  if (prefix.length === 0 && !bounded && !sorted) return undefined;
  const covered = Object.keys(filter).every((field) => used.has(field));
  // The emulator's index is ascending in every key: a descending key is walked the other way.
  const firstAfterPrefix = declaration.keys[prefix.length];
  const walkReverse = sorted ? (firstAfterPrefix?.direction === -1) !== reverse : false;
  return { kind: 'index', index, prefix, range, covered, sorted: sorted || Object.keys(order).length === 0, reverse: walkReverse };
}

/**
 * MongoDB's choice, approximated: the `_id` index for `_id` equality or `$in`; else the declared
 * index with the longest equality prefix (then a range on the next key, then one that gives the
 * order); else a collection scan.
 */
function choosePlan(indexes: CostIndexes, given: Filter, order: SortOrder): Plan {
  const filter = conjunctive(given);
  const ids = idPoints(filter);
  if (ids) return { kind: 'idPoints', ids };
  let best: Extract<Plan, { kind: 'index' }> | undefined;
  const strength = (plan: Extract<Plan, { kind: 'index' }>): number =>
    plan.prefix.length * 4 + (plan.range.lower || plan.range.upper ? 2 : 0) + (plan.sorted && Object.keys(order).length > 0 ? 1 : 0);
  for (const index of indexes.declared) {
    const plan = indexPlan(index, filter, order);
    if (plan && (!best || strength(plan) > strength(best))) best = plan;
  }
  return best ?? { kind: 'scan' };
}

/** Keys of the index within the plan's bounds, in walk order (the emulator's index when it is usable, else by scanning). */
function* boundKeys(view: ReadView, collection: string, plan: Extract<Plan, { kind: 'index' }>): Generator<string> {
  if (plan.index.usable) {
    yield* plan.index.keys(plan.prefix, plan.range, plan.reverse);
    return;
  }
  const bounds: Filter = {};
  plan.index.fields.forEach((field, i) => {
    if (i < plan.prefix.length) bounds[field] = plan.prefix[i];
    else if (i === plan.prefix.length && (plan.range.lower || plan.range.upper)) {
      const condition: Record<string, unknown> = {};
      if (plan.range.lower) condition[plan.range.lower.inclusive ? '$gte' : '$gt'] = plan.range.lower.value;
      if (plan.range.upper) condition[plan.range.upper.inclusive ? '$lte' : '$lt'] = plan.range.upper.value;
      bounds[field] = condition;
    }
  });
  const query = evaluate(() => new Query(bounds));
  for (const doc of view.documents(collection)) if (query.test(doc)) yield docKey(doc._id);
}

function boundCount(view: ReadView, collection: string, plan: Extract<Plan, { kind: 'index' }>): number {
  if (plan.index.usable) return plan.index.count(plan.prefix, plan.range);
  let total = 0;
  for (const _key of boundKeys(view, collection, plan)) total += 1;
  return total;
}

export interface ReadShape {
  filter: Filter;
  order?: SortOrder | undefined;
  offset?: number | undefined;
  /** Undefined: every match (an update of many, a count, an aggregation's $match). */
  limit?: number | undefined;
}

/**
 * Keys and documents MongoDB examines to find the documents of a read, an update's or a remove's
 * query: an index walk stops once a sorted page is full; an unsorted plan or an in-memory sort
 * examines everything in its bounds; a collection scan examines every document (or, with a limit
 * and no order, those up to the last one returned).
 */
export function examineRead(view: ReadView, collection: string, indexes: CostIndexes, shape: ReadShape): Examined {
  const order = shape.order ?? {};
  const plan = choosePlan(indexes, shape.filter, order);
  const want = shape.limit === undefined ? Infinity : shape.limit + (shape.offset ?? 0);
  const query = evaluate(() => new Query(shape.filter));
  if (plan.kind === 'idPoints') {
    let docs = 0;
    for (const id of plan.ids) if (view.document(collection, docKey(id))) docs += 1;
    return { keys: plan.ids.length, docs };
  }
  if (plan.kind === 'index') {
    const stopsEarly = plan.sorted && want !== Infinity;
    let keys = 0;
    let matched = 0;
    for (const key of boundKeys(view, collection, plan)) {
      if (stopsEarly && matched >= want) break;
      keys += 1;
      const doc = view.document(collection, key);
      if (doc && evaluate(() => query.test(doc))) matched += 1;
    }
    return { keys, docs: keys };
  }
  const docs = view.documents(collection);
  if (Object.keys(order).length === 0 && want !== Infinity) {
    let examined = 0;
    let matched = 0;
    for (const doc of docs) {
      if (matched >= want) break;
      examined += 1;
      if (evaluate(() => query.test(doc as Doc))) matched += 1;
    }
    return { keys: 0, docs: examined };
  }
  return { keys: 0, docs: docs.length };
}

/** A count: COUNT_SCAN walks every key it counts when the index answers the whole filter. */
export function examineCount(view: ReadView, collection: string, indexes: CostIndexes, filter: Filter): Examined {
  const plan = choosePlan(indexes, filter, {});
  if (plan.kind === 'index' && plan.covered) return { keys: boundCount(view, collection, plan), docs: 0 };
  return examineRead(view, collection, indexes, { filter });
}

/**
 * An aggregation: a leading $match (with a following $sort and $limit, which MongoDB pushes into
 * the query) is planned as a read; without one every document is examined. Each $lookup examines,
 * per input document, the `_id` key or the keys of an index led by `foreignField` and their
 * documents, or else the whole foreign collection (as MongoDB does without an index).
 */
export function examineAggregate(
  view: ReadView,
  collection: string,
  indexesOf: (collection: string) => CostIndexes,
  pipeline: Array<Record<string, unknown>>,
  runPrefix: (stages: Array<Record<string, unknown>>) => Array<Record<string, unknown>>,
): Examined {
  const total = nothingExamined();
  const [first, second, third] = pipeline;
  if (first && isPlainObject(first.$match)) {
    const order = second && isPlainObject(second.$sort) ? (second.$sort as SortOrder) : undefined;
    const limitStage = order ? third : second;
    const limit = limitStage && typeof limitStage.$limit === 'number' ? limitStage.$limit : undefined;
    const read = examineRead(view, collection, indexesOf(collection), { filter: first.$match as Filter, order, limit: order || limit !== undefined ? limit : undefined });
    total.keys += read.keys;
    total.docs += read.docs;
  } else {
    total.docs += view.documents(collection).length;
  }
  pipeline.forEach((stage, i) => {
    if (!isPlainObject(stage.$lookup)) return;
    const lookup = stage.$lookup as Record<string, unknown>;
    const from = String(lookup.from);
    const inputs = runPrefix(pipeline.slice(0, i));
    const foreignField = typeof lookup.foreignField === 'string' ? lookup.foreignField : undefined;
    const localField = typeof lookup.localField === 'string' ? lookup.localField : undefined;
    let foreignSize: number;
    try {
      foreignSize = view.documents(from).length;
    } catch {
      return;
    }
    const index = indexesOf(from).declared.find((candidate) => candidate.fields[0] === foreignField);
    for (const input of inputs) {
      if (!foreignField || !localField || (foreignField !== '_id' && !index)) {
        total.docs += foreignSize;
        continue;
      }
      const values = [...new Set(valuesAt(input, localField.split('.')).map((value) => (value === undefined ? null : value)))];
      for (const value of values.length > 0 ? values : [null]) {
        if (foreignField === '_id') {
          const found = (typeof value === 'string' || typeof value === 'number') && view.document(from, docKey(value)) ? 1 : 0;
          total.keys += 1;
          total.docs += found;
        } else if (index && isIndexValue(value)) {
          const matches = index.usable ? index.count([value], {}) : view.documents(from).filter((doc) => doc[foreignField] === value).length;
          total.keys += Math.max(1, matches);
          total.docs += matches;
        } else {
          total.docs += foreignSize;
        }
      }
    }
  });
  return total;
}
