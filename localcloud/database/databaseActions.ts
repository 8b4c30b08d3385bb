import { CloudError, collectionNotFound, invalidParam } from '../cloudError';
import { docKey, isPlainObject, parseWire, stringifyWire, type Doc, type ServerClock } from '../store/bsonValues';
import type { DocumentStore, DocumentWrite } from '../store/documentStore';
import { duplicateKeyError } from '../store/uniqueIndex';
import { aggregateDocuments, type Stage } from './aggregateDocuments';
import { countDocuments, findDocuments, projectDocuments, type Filter, type SortOrder } from './findDocuments';
import { CostLedger, type CallInfo } from './costLedger';
import { examineAggregate, examineCount, examineRead, nothingExamined, type CostIndexes, type Examined } from './costModel';
import { committedSession, type DbSession } from './readView';
import { Transactions } from './transactions';
import { newDocumentId, updatedDocument, upsertedDocument } from './updateDocument';

/** The fields the server SDK sends with a `database.*` action (see @cloudbase/database). */
export interface DatabaseRequest {
  action: string;
  collectionName?: string;
  transactionId?: string;
  queryType?: 'WHERE' | 'DOC';
  query?: string;
  data?: string | string[];
  order?: string;
  offset?: number;
  limit?: number;
  projection?: string;
  multi?: boolean;
  merge?: boolean;
  upsert?: boolean;
  stages?: Array<{ stageKey: string; stageValue: string }>;
}

export type Reply = Record<string, unknown>;

function duplicateIdError(collection: string, doc: Doc): CloudError {
  return duplicateKeyError(collection, '_id_', `_id: ${JSON.stringify(doc._id)}`);
}

/** A new document's `_id` must be free in what the session sees (a transaction's commit catches one taken since). */
function assertNewId(session: DbSession, collection: string, doc: Doc): void {
  if (session.document(collection, docKey(doc._id))) throw duplicateIdError(collection, doc);
}

/** CloudBase's read limits: 100 by default, 1000 at most. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * Answers the server SDK's database actions with MongoDB semantics (mingo evaluates queries,
 * updates and pipelines). Every action runs synchronously from parse to commit, so concurrent
 * requests never interleave inside one (an `_.inc` from 50 callers at once is exact).
 */
export class DatabaseActions {
  private readonly transactions: Transactions;
  private readonly counts = new Map<string, number>();
  /** What production would examine and write, per action (see costModel.ts). */
  readonly costs = new CostLedger();
  private examined: Examined = nothingExamined();
  private written: Array<{ collection: string; key: string }> = [];

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: ServerClock,
  ) {
    this.transactions = new Transactions(store);
  }

  /** Database actions served since the last reset, by action name (`database.getDocument`, …). */
  actionCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  resetCounts(): void {
    this.counts.clear();
  }

  /** `call`: the function call that sent the request (its session token), when one did. */
  handle(request: DatabaseRequest, call?: { token: string; info: CallInfo }): Reply {
    this.counts.set(request.action, (this.counts.get(request.action) ?? 0) + 1);
    this.examined = nothingExamined();
    this.written = [];
    try {
      return this.dispatch(request);
    } finally {
      this.costs.record(call, request.action, this.examined, this.written);
    }
  }

  private dispatch(request: DatabaseRequest): Reply {
    switch (request.action) {
      case 'database.getDocument':
        return this.getDocument(request);
      case 'database.calculateDocument': {
        const [session, collection, filter] = [this.session(request), this.collection(request), this.filter(request)];
        session.noteQuery(collection, filter);
        this.examined = examineCount(session, collection, this.indexes(collection), filter);
        return { data: { total: countDocuments(session, collection, filter) } };
      }
      case 'database.aggregateDocuments':
        return this.aggregate(request);
      case 'database.insertDocument':
        return this.insert(request);
      case 'database.modifyDocument':
        return this.modify(request);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturn(request);
      case 'database.removeDocument':
        return this.remove(request);
      case 'database.addCollection':
        return this.addCollection(request);
      case 'database.startTransaction':
        // The SDK reads the id from the top level of the reply, not from `data`.
        return { transactionId: this.transactions.start().id };
      case 'database.commitTransaction':
        this.transactions.commit(this.requiredString(request.transactionId, 'transactionId'));
        return {};
      case 'database.abortTransaction':
        this.transactions.abort(this.requiredString(request.transactionId, 'transactionId'));
        return {};
      default:
        throw invalidParam(`not implemented in the local cloud: ${request.action}`);
    }
  }

  private getDocument(request: DatabaseRequest): Reply {
    const collection = this.collection(request);
    const session = this.session(request);
    const requested = typeof request.limit === 'number' && request.limit > 0 ? request.limit : DEFAULT_LIMIT;
    const spec = {
      filter: this.filter(request),
      order: request.order ? (this.object(request.order, 'order') as SortOrder) : undefined,
      offset: typeof request.offset === 'number' && request.offset > 0 ? request.offset : undefined,
      limit: Math.min(requested, MAX_LIMIT),
    };
    session.noteQuery(collection, spec.filter);
    this.examined = examineRead(session, collection, this.indexes(collection), spec);
    const docs = findDocuments(session, collection, spec);
    const projection = request.projection ? this.object(request.projection, 'projection') : undefined;
    return { data: { list: projectDocuments(docs, projection).map(stringifyWire) } };
  }

  private aggregate(request: DatabaseRequest): Reply {
    const collection = this.collection(request);
    if (!Array.isArray(request.stages)) throw invalidParam('stages must be an array');
    const pipeline: Stage[] = request.stages.map(({ stageKey, stageValue }) => ({ [stageKey]: this.parse(stageValue, stageKey) }));
    const session = this.session(request);
    // A pipeline reads whole collections: its own and every one it joins.
    session.noteQuery(collection, {});
    for (const stage of pipeline) {
      const lookup = stage.$lookup;
      if (isPlainObject(lookup) && typeof lookup.from === 'string' && this.store.hasCollection(lookup.from)) session.noteQuery(lookup.from, {});
    }
    const list = aggregateDocuments(session, collection, pipeline);
    this.examined = examineAggregate(session, collection, (name) => this.indexes(name), pipeline, (stages) => aggregateDocuments(session, collection, stages));
    return { data: { list: list.map(stringifyWire) } };
  }

  private insert(request: DatabaseRequest): Reply {
    const collection = this.collection(request);
    const session = this.session(request);
    const texts = Array.isArray(request.data) ? request.data : [this.requiredString(request.data, 'data')];
    const writes: DocumentWrite[] = [];
    const keys = new Set<string>();
    for (const text of texts) {
      const doc = this.object(text, 'data') as Doc;
      if (doc._id === undefined || doc._id === null) doc._id = newDocumentId();
      const key = docKey(doc._id);
      if (keys.has(key)) throw duplicateIdError(collection, doc);
      assertNewId(session, collection, doc);
      keys.add(key);
      writes.push({ collection, key, doc });
    }
    session.write(writes);
    this.written = writes;
    return { data: { insertedIds: writes.map((write) => (write.doc as Doc)._id) } };
  }

  private modify(request: DatabaseRequest): Reply {
    const collection = this.collection(request);
    const session = this.session(request);
    const filter = this.filter(request);
    const data = this.object(this.requiredString(request.data, 'data'), 'data');
    const merge = request.merge !== false;
    const multi = request.multi ?? request.queryType !== 'DOC';
    session.noteQuery(collection, filter);
    this.examined = examineRead(session, collection, this.indexes(collection), { filter, limit: multi ? undefined : 1 });
    const matched = findDocuments(session, collection, { filter, limit: multi ? undefined : 1 });
    if (matched.length === 0 && request.upsert === true) {
      const doc = upsertedDocument(filter, data, merge);
      assertNewId(session, collection, doc);
      this.written = [{ collection, key: docKey(doc._id) }];
      session.write([{ collection, key: docKey(doc._id), doc }]);
      return { data: { updated: 0, upsert_id: doc._id } };
    }
    const writes: DocumentWrite[] = [];
    for (const doc of matched) {
      const next = updatedDocument(doc, data, merge, filter);
      if (next.changed) writes.push({ collection, key: docKey(doc._id), doc: next.doc });
    }
    session.write(writes);
    this.written = writes;
    return { data: { updated: writes.length } };
  }

  private modifyAndReturn(request: DatabaseRequest): Reply {
    const collection = this.collection(request);
    const session = this.session(request);
    const filter = this.filter(request);
    const data = this.object(this.requiredString(request.data, 'data'), 'data');
    session.noteQuery(collection, filter);
    this.examined = examineRead(session, collection, this.indexes(collection), { filter, limit: 1 });
    const [doc] = findDocuments(session, collection, { filter, limit: 1 });
    if (!doc) return { data: { updated: 0, doc: null } };
    const next = updatedDocument(doc, data, true, filter);
    if (next.changed) {
      session.write([{ collection, key: docKey(doc._id), doc: next.doc }]);
      this.written = [{ collection, key: docKey(doc._id) }];
    }
    return { data: { updated: next.changed ? 1 : 0, doc: stringifyWire(next.doc) } };
  }

  private remove(request: DatabaseRequest): Reply {
    const collection = this.collection(request);
    const session = this.session(request);
    const multi = request.multi ?? request.queryType !== 'DOC';
    const filter = this.filter(request);
    session.noteQuery(collection, filter);
    this.examined = examineRead(session, collection, this.indexes(collection), { filter, limit: multi ? undefined : 1 });
    const matched = findDocuments(session, collection, { filter, limit: multi ? undefined : 1 });
    const writes = matched.map((doc) => ({ collection, key: docKey(doc._id), doc: null }));
    session.write(writes);
    this.written = writes;
    return { data: { deleted: matched.length } };
  }

  private addCollection(request: DatabaseRequest): Reply {
    const name = this.requiredString(request.collectionName, 'collectionName');
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(name)) throw invalidParam(`invalid collection name: ${name}`);
    if (!this.store.createCollection(name)) {
      throw new CloudError(
        'DATABASE_COLLECTION_ALREADY_EXIST',
        `[CreateTable] Table exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
      );
    }
    return {};
  }

  /** MongoDB plans with the collection's indexes whatever the session (a transaction sees the same indexes). */
  private indexes(collection: string): CostIndexes {
    return { declared: this.store.orderedIndexes(collection) };
  }

  private session(request: DatabaseRequest): DbSession {
    return request.transactionId ? this.transactions.find(request.transactionId) : committedSession(this.store);
  }

  private collection(request: DatabaseRequest): string {
    const name = this.requiredString(request.collectionName, 'collectionName');
    if (!this.store.hasCollection(name)) throw collectionNotFound(name);
    return name;
  }

  private filter(request: DatabaseRequest): Filter {
    return request.query ? this.object(request.query, 'query') : {};
  }

  private parse(text: string, what: string): unknown {
    try {
      return parseWire(text, this.clock);
    } catch (error) {
      throw invalidParam(`${what} is not valid EJSON: ${(error as Error).message}`);
    }
  }

  private object(text: string, what: string): Record<string, unknown> {
    const value = this.parse(text, what);
    if (!isPlainObject(value)) throw invalidParam(`${what} must be an object`);
    return value;
  }

  private requiredString(value: unknown, what: string): string {
    if (typeof value !== 'string' || value === '') throw invalidParam(`${what} is required`);
    return value;
  }
}
