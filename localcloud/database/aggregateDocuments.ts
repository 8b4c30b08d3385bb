import { Aggregator, ProcessingMode, Query } from 'mingo';
import { CloudError } from '../cloudError';
import type { Doc } from '../store/bsonValues';
import { deepCopy, docKey, isPlainObject } from '../store/bsonValues';
import { isIndexValue } from '../store/indexOrder';
import { evaluate } from './mingoErrors';
import type { ReadView } from './readView';

export type Stage = Record<string, unknown>;

/** As in MongoDB, `$lookup` from a collection that does not exist joins nothing. */
function lookupCollection(view: ReadView, name: string): Record<string, unknown>[] {
  try {
    return view.documents(name);
  } catch (error) {
    if (error instanceof CloudError && error.code === 'DATABASE_COLLECTION_NOT_EXIST') return [];
    throw error;
  }
}

/** The values at a path, through arrays (MongoDB's view of `localField`). */
export function valuesAt(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (!isPlainObject(value)) return [];
  const [step, ...rest] = path as [string, ...string[]];
  return valuesAt(value[step], rest);
}

/**
 * `$lookup { from, localField, foreignField, as }`, answered from `_id` or a declared index led by
 * `foreignField` when there is one (instead of mingo's pass over the whole foreign collection, a
 * second per join on a large collection), with copies of the matches: later stages may reshape them.
 */
function simpleLookup(view: ReadView, docs: Record<string, unknown>[], lookup: Record<string, unknown>): Record<string, unknown>[] {
  const from = String(lookup.from);
  const localPath = String(lookup.localField).split('.');
  const foreignField = String(lookup.foreignField);
  const as = String(lookup.as);
  const index = foreignField === '_id' ? undefined : view.orderedIndexes?.(from).find((candidate) => candidate.usable && candidate.fields[0] === foreignField);
  let all: Doc[] | undefined;
  const matchesOf = (value: unknown): Doc[] => {
    if (foreignField === '_id' && (typeof value === 'string' || typeof value === 'number')) {
      const found = view.document(from, docKey(value));
      return found ? [found] : [];
    }
    if (index && isIndexValue(value) && value !== null) {
      const found: Doc[] = [];
      for (const key of index.keys([value], {}, false)) {
        const doc = view.document(from, key);
        if (doc) found.push(doc);
      }
      return found;
    }
    all ??= lookupCollection(view, from) as Doc[];
    const query = evaluate(() => new Query({ [foreignField]: value ?? null }));
    return all.filter((doc) => evaluate(() => query.test(doc)));
  };
  return docs.map((doc) => {
    const values = [...new Set(valuesAt(doc, localPath).map((value) => (value === undefined ? null : value)))];
    if (values.length === 0) values.push(null);
    const seen = new Set<Doc>();
    for (const value of values) for (const match of matchesOf(value)) seen.add(match);
    return { ...doc, [as]: [...seen].map((match) => deepCopy(match)) };
  });
}

function isSimpleLookup(stage: Stage): stage is { $lookup: Record<string, unknown> } {
  const lookup = stage.$lookup;
  return isPlainObject(lookup) && typeof lookup.from === 'string' && typeof lookup.localField === 'string' && typeof lookup.foreignField === 'string' && typeof lookup.as === 'string' && lookup.pipeline === undefined;
}

function runStages(view: ReadView, docs: Record<string, unknown>[], stages: Stage[]): Record<string, unknown>[] {
  if (stages.length === 0) return docs;
  const aggregator = evaluate(
    () =>
      new Aggregator(stages, {
        processingMode: ProcessingMode.CLONE_INPUT,
        collectionResolver: (name: string) => lookupCollection(view, name),
      }),
  );
  return evaluate(() => aggregator.run(docs));
}

/**
 * Runs a pipeline with mingo; `$lookup` resolves other collections through the same view. A
 * leading `$match` filters first, so only matching documents are cloned (mingo's pipeline is run
 * with cloned inputs: stored documents must never change under a reader).
 */
export function aggregateDocuments(view: ReadView, collection: string, pipeline: Stage[]): Record<string, unknown>[] {
  let docs: Record<string, unknown>[] = view.documents(collection);
  let stages = pipeline;
  const first = pipeline[0];
  if (first && Object.keys(first).length === 1 && isPlainObject(first.$match)) {
    const query = evaluate(() => new Query(first.$match as Record<string, unknown>));
    docs = evaluate(() => docs.filter((doc) => query.test(doc)));
    stages = pipeline.slice(1);
  }
  // Runs of ordinary stages go to mingo; simple joins are answered here, on copies.
  let pending: Stage[] = [];
  let copied = false;
  for (const stage of stages) {
    if (!isSimpleLookup(stage)) {
      pending.push(stage);
      continue;
    }
    docs = runStages(view, docs, pending);
    if (!copied && pending.length === 0) docs = docs.map((doc) => deepCopy(doc));
    copied = true;
    pending = [];
    docs = simpleLookup(view, docs, stage.$lookup);
  }
  return runStages(view, docs, pending);
}
