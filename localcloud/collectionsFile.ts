import { readFileSync } from 'node:fs';

/**
 * database/collections.json: the project's collections, their indexes and their client security
 * rules, in one versioned file read both by deployment and by the local cloud.
 */
export interface IndexKey {
  field: string;
  direction: 1 | -1;
}
export interface IndexDeclaration {
  name: string;
  keys: IndexKey[];
  unique: boolean;
}
export interface CollectionRules {
  read: boolean | string;
  write: boolean | string;
}
export interface CollectionDeclaration {
  name: string;
  indexes: IndexDeclaration[];
  rules: CollectionRules;
}

function fail(file: string, message: string): never {
  throw new Error(`${file}: ${message}`);
}

function readIndex(file: string, where: string, raw: unknown): IndexDeclaration {
  const index = raw as Partial<IndexDeclaration>;
  if (typeof index?.name !== 'string' || !index.name) fail(file, `${where}: index needs a name`);
  if (!Array.isArray(index.keys) || index.keys.length === 0) fail(file, `${where}.${index.name}: index needs keys`);
  const keys = index.keys.map((key: Partial<IndexKey>) => {
    if (typeof key?.field !== 'string' || (key.direction !== 1 && key.direction !== -1)) {
      fail(file, `${where}.${index.name}: each key is { field, direction: 1 | -1 }`);
    }
    return { field: key.field, direction: key.direction };
  });
  return { name: index.name, keys, unique: index.unique === true };
}

/** Reads and checks the file; a malformed file fails loudly at start rather than half-applying. */
export function readCollectionsFile(file: string): CollectionDeclaration[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { collections?: unknown };
  if (!Array.isArray(parsed.collections)) fail(file, 'expected { "collections": [...] }');
  const seen = new Set<string>();
  return parsed.collections.map((raw: unknown, i: number) => {
    const entry = raw as Partial<CollectionDeclaration>;
    if (typeof entry?.name !== 'string' || !entry.name) fail(file, `collections[${i}] needs a name`);
    if (seen.has(entry.name)) fail(file, `collection ${entry.name} is declared twice`);
    seen.add(entry.name);
    const indexes = (entry.indexes ?? []).map((index) => readIndex(file, entry.name as string, index));
    const rules = entry.rules ?? { read: false, write: false };
    return { name: entry.name, indexes, rules: { read: rules.read, write: rules.write } };
  });
}
