import type { Doc } from '../store/bsonValues';
import type { DocumentStore, DocumentWrite } from '../store/documentStore';
import type { OrderedIndex } from '../store/orderedIndex';

/** What one request may read: the committed store, or a transaction's view of it. */
export interface ReadView {
  /** Every visible document of the collection (throws DATABASE_COLLECTION_NOT_EXIST). */
  documents(collection: string): Doc[];
  /** One visible document by key, or undefined. */
  document(collection: string, key: string): Doc | undefined;
  /** Declared indexes in order, where they reflect exactly what this view sees (not in a transaction). */
  orderedIndexes?(collection: string): readonly OrderedIndex[];
}

/** A request's reads and writes: outside a transaction writes commit at once. */
export interface DbSession extends ReadView {
  write(writes: DocumentWrite[]): void;
  /** Records a read by filter (a transaction validates its reads at commit). */
  noteQuery(collection: string, filter: Record<string, unknown>): void;
}

export function committedSession(store: DocumentStore): DbSession {
  return {
    documents: (collection) => store.documentList(collection),
    document: (collection, key) => store.get(collection, key)?.doc,
    orderedIndexes: (collection) => store.orderedIndexes(collection),
    write: (writes) => {
      store.commit(writes);
    },
    noteQuery: () => undefined,
  };
}
