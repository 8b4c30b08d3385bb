import { isPlainObject } from '../store/bsonValues';
import { isIndexValue, typeClassOf, type IndexValue } from '../store/indexOrder';
import type { IndexRange, OrderedIndex } from '../store/orderedIndex';
import { conjunctive } from './conjuncts';
import type { Filter, SortOrder } from './findDocuments';

/** How a read walks a declared index: equal on a prefix of its keys, maybe a range on the next. */
export interface IndexPlan {
  index: OrderedIndex;
  prefix: IndexValue[];
  range: IndexRange;
  reverse: boolean;
  /** The filter says nothing the prefix and range do not: a count needs no document test. */
  covered: boolean;
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

function equalityOf(condition: unknown): { value: IndexValue } | undefined {
  if (isIndexValue(condition)) return { value: condition };
  if (isPlainObject(condition) && Object.keys(condition).length === 1 && isIndexValue(condition.$eq)) return { value: condition.$eq };
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

function planFor(index: OrderedIndex, filter: Filter, order: SortOrder): IndexPlan | undefined {
  const fields = index.fields;
  const prefix: IndexValue[] = [];
  const used = new Set<string>();
  let next = 0;
  for (; next < fields.length; next += 1) {
    const equality = equalityOf(filter[fields[next] as string]);
    if (!equality) break;
    prefix.push(equality.value);
    used.add(fields[next] as string);
  }
  let range: IndexRange = {};
  const rangeField = fields[next];
  const bounded = rangeField !== undefined ? rangeOf(filter[rangeField]) : undefined;
  if (bounded && rangeField !== undefined) {
    range = bounded;
    used.add(rangeField);
  }
  // The order must follow the index fields after the prefix, all one way (the index is walked
  // forwards or backwards); fields the prefix fixes may appear anywhere, being constant.
  const sort = Object.entries(order).filter(([field]) => !prefix.some((_, i) => fields[i] === field));
  for (const [i, [field]] of sort.entries()) if (fields[next + i] !== field) return undefined;
  const directions = new Set(sort.map(([, direction]) => direction));
  if (directions.size > 1) return undefined;
  if (prefix.length === 0 && !bounded && sort.length === 0) return undefined;
  const covered = Object.keys(filter).every((field) => used.has(field));
  return { index, prefix, range, reverse: directions.has(-1), covered };
}

/**
 * An index plan for a sorted read (the order must come from the index: an unsorted read keeps
 * the scan, whose order is insertion order) or for a count the index answers alone.
 */
export function planIndexRead(indexes: readonly OrderedIndex[], filter: Filter, order: SortOrder | undefined, purpose: 'find' | 'count'): IndexPlan | undefined {
  let best: IndexPlan | undefined;
  for (const index of indexes) {
    if (!index.usable) continue;
    const plan = planFor(index, conjunctive(filter), purpose === 'find' ? (order ?? {}) : {});
    if (!plan) continue;
    if (purpose === 'find' && Object.keys(order ?? {}).length === 0) continue;
    if (purpose === 'count' && !plan.covered) continue;
    const strength = (candidate: IndexPlan): number => candidate.prefix.length * 2 + (candidate.range.lower || candidate.range.upper ? 1 : 0);
    if (!best || strength(plan) > strength(best)) best = plan;
  }
  return best;
}
