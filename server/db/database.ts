import type cloud from 'wx-server-sdk';
import { wxCloud } from '../platform/cloud';

type SdkDatabase = ReturnType<typeof cloud.database>;
export type Command = SdkDatabase['command'];
type Condition = Record<string, unknown>;
type Projection = Record<string, boolean | 0 | 1>;

/**
 * The database as the actions use it: the SDK's own API, promise-only (the SDK's typings mix in
 * callback overloads). Production gets cloud.database(); the local cloud serves the same calls.
 */
export interface Query {
  where(condition: Condition): Query;
  orderBy(field: string, order: 'asc' | 'desc'): Query;
  skip(offset: number): Query;
  limit(max: number): Query;
  field(projection: Projection): Query;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface DocRef {
  field(projection: Projection): DocRef;
  get(): Promise<{ data: unknown }>;
  set(options: { data: object }): Promise<{ _id?: string; stats: { updated: number; created?: number } }>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface Aggregate {
  addFields(stage: unknown): Aggregate;
  match(stage: unknown): Aggregate;
  group(stage: unknown): Aggregate;
  sort(stage: unknown): Aggregate;
  project(stage: unknown): Aggregate;
  lookup(stage: unknown): Aggregate;
  unwind(stage: unknown): Aggregate;
  skip(n: number): Aggregate;
  limit(n: number): Aggregate;
  count(field: unknown): Aggregate;
  end(): Promise<{ list: unknown[] }>;
}

export interface Collection extends Query {
  doc(id: string): DocRef;
  add(options: { data: object[] }): Promise<{ _ids: string[] }>;
  add(options: { data: object }): Promise<{ _id: string }>;
  aggregate(): Aggregate;
}

export interface TransactionCollection {
  doc(id: string): DocRef;
  add(options: { data: object }): Promise<{ _id: string }>;
}

export interface Transaction {
  collection(name: string): TransactionCollection;
  /** Only for transactions opened with startTransaction(); runTransaction commits itself. */
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

export interface Database {
  collection(name: string): Collection;
  readonly command: Command;
  readonly RegExp: SdkDatabase['RegExp'];
  serverDate(options?: { offset?: number }): unknown;
  createCollection(name: string): Promise<unknown>;
  startTransaction(): Promise<Transaction>;
  runTransaction<T>(callback: (transaction: Transaction) => Promise<T>, retries?: number): Promise<T>;
}

/** The one place that opens the database. */
export function openDatabase(): Database {
  return wxCloud().database() as unknown as Database;
}
