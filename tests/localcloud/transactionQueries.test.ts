import { rmSync } from 'node:fs';
import { DatabaseActions, type DatabaseRequest } from '../../localcloud/database/databaseActions';
import { DocumentStore } from '../../localcloud/store/documentStore';
import { temporaryDataDir } from './helpers/testCloud';

// The SDK's transaction object offers only doc()/add(), but the server API accepts a query with a
// transactionId; such a read joins the read set by its filter (no phantoms), checked here directly.
let dataDir: string;
let store: DocumentStore;
let actions: DatabaseActions;

const send = (request: DatabaseRequest): Record<string, unknown> => actions.handle(request);
const begin = (): string => send({ action: 'database.startTransaction' }).transactionId as string;
const insert = (doc: object, transactionId?: string): void => {
  send({ action: 'database.insertDocument', collectionName: 'requests', data: JSON.stringify(doc), ...(transactionId ? { transactionId } : {}) });
};
const count = (query: object, transactionId: string): number =>
  (send({ action: 'database.calculateDocument', collectionName: 'requests', queryType: 'WHERE', query: JSON.stringify(query), transactionId }).data as { total: number }).total;

beforeEach(() => {
  dataDir = temporaryDataDir();
  store = DocumentStore.open(dataDir, [{ name: 'requests', indexes: [], rules: { read: false, write: false } }]);
  actions = new DatabaseActions(store, () => new Date());
});

afterEach(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a document matching a query the transaction ran, created since its snapshot, fails the commit', () => {
  const transaction = begin();
  expect(count({ status: 'open' }, transaction)).toBe(0);
  insert({ status: 'open' });
  expect(count({ status: 'open' }, transaction)).toBe(0);
  insert({ _id: 'summary', open: 0 }, transaction);
  expect(() => send({ action: 'database.commitTransaction', transactionId: transaction })).toThrow(/transaction conflict/);
});

test('a change to a document the query does not match commits', () => {
  const transaction = begin();
  expect(count({ status: 'open' }, transaction)).toBe(0);
  insert({ status: 'closed' });
  insert({ _id: 'summary', open: 0 }, transaction);
  expect(() => send({ action: 'database.commitTransaction', transactionId: transaction })).not.toThrow();
});

test('a document that stops matching (removed since the snapshot) fails the commit too', () => {
  insert({ _id: 'r1', status: 'open' });
  const transaction = begin();
  expect(count({ status: 'open' }, transaction)).toBe(1);
  send({ action: 'database.removeDocument', collectionName: 'requests', queryType: 'DOC', query: JSON.stringify({ _id: 'r1' }) });
  expect(count({ status: 'open' }, transaction)).toBe(1);
  insert({ _id: 'summary', open: 1 }, transaction);
  expect(() => send({ action: 'database.commitTransaction', transactionId: transaction })).toThrow(/transaction conflict/);
});
