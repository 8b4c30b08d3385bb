import { EJSON } from 'bson';
import type { IndexDeclaration } from '../collectionsFile';
import { CloudError } from '../cloudError';
import type { Doc } from './bsonValues';
import { valueAtPath } from './fieldPath';

/**
 * A declared unique index kept as a map from key to document, so a write checks it in O(1).
 * As in MongoDB, a missing field indexes as null (two documents without it collide), and an array
 * value is one key as a whole (MongoDB would index each element: a known difference).
 */
export class UniqueIndex {
  private readonly owners = new Map<string, string>();

  constructor(
    readonly collection: string,
    readonly declaration: IndexDeclaration,
  ) {}

  keyOf(doc: Doc): string {
    const values = this.declaration.keys.map(({ field }) => valueAtPath(doc, field) ?? null);
    return EJSON.stringify({ k: values }, { relaxed: false });
  }

  ownerOf(key: string): string | undefined {
    return this.owners.get(key);
  }

  add(doc: Doc, docKey: string): void {
    const key = this.keyOf(doc);
    if (!this.owners.has(key)) this.owners.set(key, docKey);
  }

  remove(doc: Doc, docKey: string): void {
    const key = this.keyOf(doc);
    if (this.owners.get(key) === docKey) this.owners.delete(key);
  }

  duplicateError(doc: Doc): CloudError {
    const shown = this.declaration.keys.map(({ field }) => `${field}: ${JSON.stringify(valueAtPath(doc, field) ?? null)}`);
    return duplicateKeyError(this.collection, this.declaration.name, shown.join(', '));
  }
}

/** MongoDB's E11000 wording, under the code CloudBase uses for failed database requests. */
export function duplicateKeyError(collection: string, index: string, key: string): CloudError {
  return new CloudError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${key} }`,
  );
}
