import { rmSync } from 'node:fs';
import { countDocuments, explainCount, explainFind, findDocuments, type FindSpec } from '../../localcloud/database/findDocuments';
import { committedSession, type ReadView } from '../../localcloud/database/readView';
import type { Doc } from '../../localcloud/store/bsonValues';
import { DocumentStore } from '../../localcloud/store/documentStore';
import { temporaryDataDir } from './helpers/testCloud';

// Reads served from a declared index must answer exactly what a full scan with mingo answers.
const dataDir = temporaryDataDir();
const store = DocumentStore.open(dataDir, [
  {
    name: 'leaderboards',
    indexes: [{ name: 'boardKey_1_score_-1', keys: [{ field: 'boardKey', direction: 1 }, { field: 'score', direction: -1 }], unique: false }],
    rules: { read: false, write: false },
  },
]);
const indexed = committedSession(store);
const scanned: ReadView = { documents: indexed.documents, document: indexed.document };

/** A small deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const next = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

function scoreValue(): unknown {
  const kind = next();
  if (kind < 0.8) return Math.floor(next() * 50);
  if (kind < 0.85) return null;
  if (kind < 0.9) return undefined;
  if (kind < 0.95) return pick(['ten', 'five']);
  return new Date(Date.UTC(2024, 0, 1 + Math.floor(next() * 5)));
}

beforeAll(() => {
  const writes = Array.from({ length: 3000 }, (_, i) => {
    const doc: Record<string, unknown> = { _id: `d${i}`, boardKey: pick(['week', 'month', 'all']), tag: pick(['x', 'y']) };
    const score = scoreValue();
    if (score !== undefined) doc.score = score;
    return { collection: 'leaderboards', key: `d${i}`, doc: doc as Doc };
  });
  store.commit(writes);
  // Later writes move documents within the index.
  store.commit(writes.slice(0, 500).map((write, i) => ({ ...write, doc: { ...(write.doc as Doc), score: i % 7 } })));
  store.commit(writes.slice(500, 600).map((write) => ({ ...write, doc: null })));
});

afterAll(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sortKeys = (docs: Doc[]): unknown[] => docs.map((doc) => [doc.boardKey ?? null, doc.score ?? null]);
const ids = (docs: Doc[]): string[] => docs.map((doc) => String(doc._id)).sort();

test('top scores of a board come from the index, equal to a scan', () => {
  for (const boardKey of ['week', 'month', 'all', 'none']) {
    const spec: FindSpec = { filter: { boardKey }, order: { score: -1 }, limit: 100 };
    expect(explainFind(indexed, 'leaderboards', spec)).toBeDefined();
    expect(sortKeys(findDocuments(indexed, 'leaderboards', spec))).toEqual(sortKeys(findDocuments(scanned, 'leaderboards', spec)));
  }
});

test('rank counts (scores above mine) come from the index, equal to a scan', () => {
  for (const filter of [
    { boardKey: 'week', score: { $gt: 20 } },
    { boardKey: 'week', score: { $gte: 20 } },
    { boardKey: 'all', score: { $lt: 3 } },
    { boardKey: 'all', score: { $gt: 3, $lte: 40 } },
    { boardKey: 'month', score: { $gt: 'a' } },
    { boardKey: 'month', score: { $gte: new Date(Date.UTC(2024, 0, 3)) } },
    { boardKey: 'month', score: null },
    { boardKey: 'month' },
  ]) {
    expect(explainCount(indexed, 'leaderboards', filter)).toBeDefined();
    expect(countDocuments(indexed, 'leaderboards', filter)).toBe(countDocuments(scanned, 'leaderboards', filter));
  }
});

test('random reads through the index equal a scan', () => {
  for (let round = 0; round < 300; round += 1) {
    const filter: Record<string, unknown> = {};
    if (next() < 0.8) filter.boardKey = pick(['week', 'month', 'all']);
    if (next() < 0.5) filter.score = pick([{ $gt: Math.floor(next() * 50) }, { $lte: Math.floor(next() * 50) }, { $gte: 10, $lt: 30 }, 7, null]);
    if (next() < 0.3) filter.tag = pick(['x', 'y']);
    const order = pick([{ score: -1 }, { score: 1 }, { boardKey: 1, score: 1 }, { boardKey: -1, score: -1 }]) as FindSpec['order'];
    const spec: FindSpec = { filter, order, offset: pick([0, 0, 5, 40]), limit: pick([1, 10, 100, 1000]) };
    const fromIndex = findDocuments(indexed, 'leaderboards', spec);
    const fromScan = findDocuments(scanned, 'leaderboards', spec);
    expect(sortKeys(fromIndex)).toEqual(sortKeys(fromScan));
    if (fromScan.length < (spec.limit as number) && !spec.offset) expect(ids(fromIndex)).toEqual(ids(fromScan));
    expect(countDocuments(indexed, 'leaderboards', filter)).toBe(countDocuments(scanned, 'leaderboards', filter));
  }
});

test('reads the index cannot order the same way fall back to a scan', () => {
  expect(explainFind(indexed, 'leaderboards', { filter: { boardKey: 'week' } })).toBeUndefined();
  expect(explainFind(indexed, 'leaderboards', { filter: {}, order: { boardKey: 1, score: -1 } })).toBeUndefined();
  expect(explainFind(indexed, 'leaderboards', { filter: { boardKey: 'week' }, order: { tag: 1 } })).toBeUndefined();
  expect(explainCount(indexed, 'leaderboards', { boardKey: 'week', tag: 'x' })).toBeUndefined();
});

test('an array in an indexed field retires the index from reads until it is gone', () => {
  const spec: FindSpec = { filter: { boardKey: 'week' }, order: { score: -1 }, limit: 10 };
  store.commit([{ collection: 'leaderboards', key: 'arr', doc: { _id: 'arr', boardKey: 'week', score: [1, 99] } }]);
  expect(explainFind(indexed, 'leaderboards', spec)).toBeUndefined();
  store.commit([{ collection: 'leaderboards', key: 'arr', doc: null }]);
  expect(explainFind(indexed, 'leaderboards', spec)).toBeDefined();
});
