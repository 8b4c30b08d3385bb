import { BSONRegExp, EJSON, Long } from 'bson';

/** A stored document: any JSON-like object with an `_id`. */
export type Doc = { _id: DocId } & Record<string, unknown>;
export type DocId = string | number;

/** `{ $tcb_server_date: { offset } }` (db.serverDate()) becomes the server's clock plus the offset. */
export type ServerClock = () => Date;

const JS_REGEXP_FLAGS = new Set(['i', 'm', 's', 'u']);

/** A plain object of any realm (jest runs code in a vm, whose Object.prototype differs). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Turns what `EJSON.parse` yields into the plain values mingo and JavaScript compare natively:
 * BSON regular expressions become RegExp (flags JS lacks, such as `x`, are dropped), Longs become
 * numbers, and server dates resolve against the clock when one is given.
 */
export function toPlainValues(value: unknown, clock?: ServerClock): unknown {
  if (Array.isArray(value)) return value.map((item) => toPlainValues(item, clock));
  if (value instanceof BSONRegExp) {
    const flags = [...value.options].filter((flag) => JS_REGEXP_FLAGS.has(flag)).join('');
    return new RegExp(value.pattern, flags);
  }
  if (value instanceof Long) return value.toNumber();
  if (!isPlainObject(value)) return value;
  const serverDate = value.$tcb_server_date;
  if (clock && isPlainObject(serverDate) && Object.keys(value).length === 1) {
    const offset = typeof serverDate.offset === 'number' ? serverDate.offset : 0;
    return new Date(clock().getTime() + offset);
  }
  const plain: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) plain[key] = toPlainValues(item, clock);
  return plain;
}

/**
 * A deep copy made in this realm (structuredClone would make Dates of the outer realm under jest's
 * vm, which mingo's `instanceof Date` then misses).
 */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => deepCopy(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = deepCopy(item);
  return copy as T;
}

/** Parses an EJSON string from the SDK (queries, updates, documents, stages). */
export function parseWire(text: string, clock: ServerClock): unknown {
  return toPlainValues(EJSON.parse(text, { relaxed: true }), clock);
}

/** Canonical EJSON, as CloudBase answers: the SDK parses it back into numbers and Dates. */
export function stringifyWire(value: unknown): string {
  return EJSON.stringify(value as Record<string, unknown>, { relaxed: false });
}

/** The stored form: relaxed EJSON keeps Dates and RegExps typed and numbers readable. */
export function encodeStored(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true });
}

export function decodeStored(text: string): Doc {
  return toPlainValues(EJSON.parse(text, { relaxed: true })) as Doc;
}

/** The key a document is stored under: its `_id` (CloudBase ids are strings; others keep their type). */
export function docKey(id: DocId): string {
  return typeof id === 'string' ? id : `#${EJSON.stringify({ id })}`;
}
