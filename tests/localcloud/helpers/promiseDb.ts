/**
 * The conformance tests use the server's own promise-only database port (server/db/database.ts),
 * under the names they were written with.
 */
export type {
  Aggregate as TestAggregate,
  Collection as TestCollection,
  Database as Db,
  DocRef as TestDocument,
  Query as TestQuery,
  Transaction as TestTransaction,
} from '../../../server/db/database';
