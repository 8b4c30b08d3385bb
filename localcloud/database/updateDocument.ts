import { update } from 'mingo';
import { randomBytes } from 'node:crypto';
import { CloudError } from '../cloudError';
import { deepCopy, encodeStored, isPlainObject, type Doc, type DocId } from '../store/bsonValues';
import { evaluate } from './mingoErrors';
import type { Filter } from './findDocuments';

/** CloudBase document ids are 32 hex characters. */
export function newDocumentId(): string {
  return randomBytes(16).toString('hex');
}

export function isOperatorDocument(data: Record<string, unknown>): boolean {
  return Object.keys(data).some((key) => key.startsWith('$'));
}

function applyOperators(target: Doc, modifier: Record<string, unknown>, condition?: Filter): string[] {
  // mingo's `update` mutates its target in place: callers hand it a private clone.
  return evaluate(() => update(target, modifier, undefined, condition));
}

/**
 * The document after an update. merge=true applies update operators (a plain object is a $set,
 * as CloudBase treats it); merge=false replaces everything but `_id` (doc().set()).
 */
export function updatedDocument(doc: Doc, data: Record<string, unknown>, merge: boolean, condition: Filter): { doc: Doc; changed: boolean } {
  if (!merge) {
    if ('_id' in data && data._id !== doc._id) throw new CloudError('DATABASE_REQUEST_FAILED', 'the _id of a document cannot be changed');
    const replaced = { ...data, _id: doc._id } as Doc;
    return { doc: replaced, changed: encodeStored(replaced) !== encodeStored(doc) };
  }
  const modifier = isOperatorDocument(data) ? data : { $set: data };
  const next = deepCopy(doc);
  const changedPaths = applyOperators(next, modifier, condition);
  return { doc: next, changed: changedPaths.length > 0 };
}

function isOperatorValue(value: unknown): boolean {
  return isPlainObject(value) && isOperatorDocument(value);
}

/** MongoDB's upsert seed: the equality conditions of the filter (`a: 1`, `a: { $eq: 1 }`, inside $and). */
function equalityFields(filter: Filter, into: Record<string, unknown>): Record<string, unknown> {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (isPlainObject(part)) equalityFields(part, into);
    } else if (!field.startsWith('$')) {
      if (!isOperatorValue(condition)) into[field] = condition;
      else if (isPlainObject(condition) && '$eq' in condition && Object.keys(condition).length === 1) into[field] = condition.$eq;
    }
  }
  return into;
}

/** The document an upsert inserts when nothing matched. */
export function upsertedDocument(filter: Filter, data: Record<string, unknown>, merge: boolean): Doc {
  const seedFields = equalityFields(filter, {});
  const id = (seedFields._id as DocId | undefined) ?? newDocumentId();
  if (!merge) return { ...data, _id: id } as Doc;
  delete seedFields._id;
  const doc = { _id: id } as Doc;
  if (Object.keys(seedFields).length > 0) applyOperators(doc, { $set: seedFields });
  applyOperators(doc, isOperatorDocument(data) ? data : { $set: data });
  return doc;
}
