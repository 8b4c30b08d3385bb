import { isPlainObject } from '../store/bsonValues';
import type { Filter } from './findDocuments';

/**
 * The filter as one flat conjunction for planning: the members of a top-level `$and` lifted beside
 * the other fields (MongoDB's planner sees through `$and` too), so `_.and([{ history }, _.or(…)])`
 * walks the `history` index. Only plans use it; documents are still tested against the filter.
 */
export function conjunctive(filter: Filter): Filter {
  const members = filter.$and;
  if (!Array.isArray(members)) return filter;
  const flat: Filter = { ...filter };
  delete flat.$and;
  const rest: unknown[] = [];
  for (const member of members) {
    if (!isPlainObject(member)) {
      rest.push(member);
      continue;
    }
    for (const [field, condition] of Object.entries(conjunctive(member))) {
      if (field in flat) rest.push({ [field]: condition });
      else flat[field] = condition;
    }
  }
  if (rest.length > 0) flat.$and = rest;
  return flat;
}
