import { Query } from 'mingo';
import { docKey, isPlainObject, type Doc } from '../store/bsonValues';
import { isIndexValue, type IndexValue } from '../store/indexOrder';
import type { OrderedIndex } from '../store/orderedIndex';
import type { Filter, SortOrder } from './findDocuments';
import { evaluate } from './mingoErrors';
import { valuesAt } from './aggregateDocuments';
import { bestPlan, type IndexPlan } from './indexPlan';
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

type Plan = { kind: 'idPoints'; ids: Array<string | number> } | { kind: 'index'; plan: IndexPlan } | { kind: 'scan' };

/** `_id: v` or `_id: { $in: [...] }`: MongoDB answers from the `_id` index, a point per value. */
function idPoints(filter: Filter): Array<string | number> | undefined {
  const condition = filter._id;
  if (typeof condition === 'string' || typeof condition === 'number') return [condition];
  if (!isPlainObject(condition) || Object.keys(condition).length !== 1) return undefined;
  if (typeof condition.$eq === 'string' || typeof condition.$eq === 'number') return [condition.$eq];
  if (Array.isArray(condition.$in)) {
    const values = condition.$in as unknown[];
    if (values.every((value) => typeof value === 'string' || typeof value === 'number')) return values as Array<string | number>;
  }
  return undefined;
}

/** The `_id` index for `_id` equality or `$in`; else the declared index the planner prefers (indexPlan.ts); else a collection scan. */
function choosePlan(indexes: CostIndexes, filter: Filter, order: SortOrder): Plan {
  const ids = idPoints(filter);
  if (ids) return { kind: 'idPoints', ids };
  const plan = bestPlan(indexes.declared, filter, order);
  return plan ? { kind: 'index', plan } : { kind: 'scan' };
}

/** Keys of the index within one prefix's bounds, in walk order (the emulator's index when it is usable, else by scanning). */
function* boundKeys(view: ReadView, collection: string, plan: IndexPlan, prefix: IndexValue[]): Generator<string> {
  if (plan.index.usable) {
    yield* plan.index.keys(prefix, plan.range, plan.reverse);
    return;
  }
  const bounds: Filter = {};
  plan.index.fields.forEach((field, i) => {
    if (i < prefix.length) bounds[field] = prefix[i];
    else if (i === prefix.length && (plan.range.lower || plan.range.upper)) {
      const condition: Record<string, unknown> = {};
      if (plan.range.lower) condition[plan.range.lower.inclusive ? '$gte' : '$gt'] = plan.range.lower.value;
      if (plan.range.upper) condition[plan.range.upper.inclusive ? '$lte' : '$lt'] = plan.range.upper.value;
      bounds[field] = condition;
    }
  });
  const query = evaluate(() => new Query(bounds));
  for (const doc of view.documents(collection)) if (query.test(doc)) yield docKey(doc._id);
}

function boundCount(view: ReadView, collection: string, plan: IndexPlan): number {
  let total = 0;
  for (const prefix of plan.prefixes) {
    if (plan.index.usable) total += plan.index.count(prefix, plan.range);
    else for (const _key of boundKeys(view, collection, plan, prefix)) total += 1;
  }
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
 * query: an index walk stops once a sorted page is full (with several `$in` prefixes, merged
 * walks: counted as each walk filling the page, an upper bound); an unsorted plan or an in-memory
 * sort examines everything in its bounds; a collection scan examines every document (or, with a
 * limit and no order, those up to the last one returned).
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
    // A limit stops the walk early when the index gives the order, or when there is none to give.
    const stopsEarly = (plan.plan.sorted || Object.keys(order).length === 0) && want !== Infinity;
    let keys = 0;
    for (const prefix of plan.plan.prefixes) {
      let matched = 0;
      for (const key of boundKeys(view, collection, plan.plan, prefix)) {
        if (stopsEarly && matched >= want) break;
        keys += 1;
        const doc = view.document(collection, key);
        if (doc && evaluate(() => query.test(doc))) matched += 1;
      }
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
  if (plan.kind === 'index' && plan.plan.covered) return { keys: boundCount(view, collection, plan.plan), docs: 0 };
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
