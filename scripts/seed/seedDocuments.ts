import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../functionList';

export interface SeedDocument {
  _id: string;
  [field: string]: unknown;
}

export interface SeedSet {
  collection: string;
  documents: SeedDocument[];
}

function readJsonArray(file: string): Array<Record<string, unknown>> {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(value)) throw new Error(`${file}: expected a JSON array`);
  return value as Array<Record<string, unknown>>;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
}

/** Each item's `id` becomes the document's `_id`, so seeding twice writes the same documents. */
function withIds(items: Array<Record<string, unknown>>): SeedDocument[] {
  return items.map(({ id, ...rest }) => ({ _id: String(id), ...rest }));
}

/** The seed content of data/: the organisation tree, the question bank and the stories. */
export function seedSets(dataDir = path.join(repoRoot, 'data')): SeedSet[] {
  return [
    { collection: 'orgs', documents: withIds(readJsonArray(path.join(dataDir, 'orgs.json'))) },
    { collection: 'questions', documents: withIds(jsonFiles(path.join(dataDir, 'questions')).flatMap(readJsonArray)) },
    { collection: 'stories', documents: withIds(jsonFiles(path.join(dataDir, 'stories')).flatMap(readJsonArray)) },
  ];
}
