import { Aggregator, ProcessingMode, Query } from 'mingo';
import { CloudError } from '../cloudError';
import type { Doc } from '../store/bsonValues';
import { isPlainObject } from '../store/bsonValues';
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

/**
 * Runs a pipeline with mingo; `$lookup` resolves other collections through the same view. A
 * leading `$match` filters first, so only matching documents are cloned (mingo's pipeline is run
 * with cloned inputs: stored documents must never change under a reader).
 */
export function aggregateDocuments(view: ReadView, collection: string, pipeline: Stage[]): Record<string, unknown>[] {
  let docs: Doc[] = view.documents(collection);
  let stages = pipeline;
  const first = pipeline[0];
  if (first && Object.keys(first).length === 1 && isPlainObject(first.$match)) {
    const query = evaluate(() => new Query(first.$match as Record<string, unknown>));
    docs = evaluate(() => docs.filter((doc) => query.test(doc)));
    stages = pipeline.slice(1);
  }
  const aggregator = evaluate(
    () =>
      new Aggregator(stages, {
        processingMode: ProcessingMode.CLONE_INPUT,
        collectionResolver: (name: string) => lookupCollection(view, name),
      }),
  );
  return evaluate(() => aggregator.run(docs));
}
