import type cloud from 'wx-server-sdk';

/**
 * The part of wx-server-sdk's database the conformance tests use, promise-only (the SDK's typings
 * mix callback overloads into every return type). Commands keep the SDK's own types.
 */
type SdkDatabase = ReturnType<typeof cloud.database>;
type Condition = Record<string, unknown>;
type Projection = Record<string, boolean>;

export interface TestQuery {
  where(condition: Condition): TestQuery;
  orderBy(field: string, order: 'asc' | 'desc'): TestQuery;
  skip(offset: number): TestQuery;
  limit(max: number): TestQuery;
  field(projection: Projection): TestQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Condition }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface TestDocument {
  field(projection: Projection): TestDocument;
  get(): Promise<{ data: unknown }>;
  set(options: { data: object }): Promise<{ _id: string; stats: { updated: number; created: number } }>;
  update(options: { data: Condition }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

type Stage = 'addFields' | 'count' | 'group' | 'limit' | 'lookup' | 'match' | 'project' | 'skip' | 'sort' | 'unwind';
export type TestAggregate = { [stage in Stage]: (value: unknown) => TestAggregate } & { end(): Promise<{ list: unknown[] }> };

export interface TestCollection extends TestQuery {
  doc(id: string): TestDocument;
  add(options: { data: object[] }): Promise<{ _ids: string[] }>;
  add(options: { data: object }): Promise<{ _id: string }>;
  aggregate(): TestAggregate;
}

export interface TestTransaction {
  collection(name: string): { doc(id: string): TestDocument; add(options: { data: object }): Promise<{ _id: string }> };
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

export interface Db {
  collection(name: string): TestCollection;
  readonly command: SdkDatabase['command'];
  readonly RegExp: SdkDatabase['RegExp'];
  serverDate(options?: { offset?: number }): unknown;
  createCollection(name: string): Promise<unknown>;
  startTransaction(): Promise<TestTransaction>;
  runTransaction<T>(callback: (transaction: TestTransaction) => Promise<T>, retries?: number): Promise<T>;
}
