import { isPlainObject } from './bsonValues';

/** The value at a dotted path (`a.b.0.c`), or undefined when any step is missing. */
export function valueAtPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const step of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(step)) current = current[Number(step)];
    else if (isPlainObject(current)) current = current[step];
    else return undefined;
  }
  return current;
}
