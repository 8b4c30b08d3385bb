import { isPlainObject } from './bsonValues';

/**
 * MongoDB's sort order across types, for the scalar values an ordered index holds: null (and a
 * missing field) < numbers < strings < booleans < dates. Objects, arrays and other types are not
 * kept in an ordered index (it is then left unused, and queries scan).
 */
export type IndexValue = null | number | string | boolean | Date;

const TYPE_RANK = { null: 0, number: 1, string: 2, boolean: 3, date: 4 } as const;
type TypeClass = keyof typeof TYPE_RANK;

export function typeClassOf(value: IndexValue): TypeClass {
  if (value === null) return 'null';
  if (value instanceof Date) return 'date';
  return typeof value as 'number' | 'string' | 'boolean';
}

export function isIndexValue(value: unknown): value is IndexValue {
  return value === null || value instanceof Date || ['number', 'string', 'boolean'].includes(typeof value);
}

export function compareIndexValues(a: IndexValue, b: IndexValue): number {
  const rankA = TYPE_RANK[typeClassOf(a)];
  const rankB = TYPE_RANK[typeClassOf(b)];
  if (rankA !== rankB) return rankA - rankB;
  if (a === null || b === null) return 0;
  const left = a instanceof Date ? a.getTime() : a;
  const right = b instanceof Date ? b.getTime() : b;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The value an index keeps for a field: a missing field is null (as in MongoDB), and undefined
 * means the value cannot be kept in order (an array, an object, a path through an array).
 */
export function indexValueAt(doc: unknown, path: string): IndexValue | undefined {
  let current: unknown = doc;
  for (const step of path.split('.')) {
    if (Array.isArray(current)) return undefined;
    if (!isPlainObject(current)) return null;
    current = current[step];
  }
  if (current === undefined) return null;
  if (typeof current === 'number' && Number.isNaN(current)) return undefined;
  return isIndexValue(current) ? current : undefined;
}
