import type { IndexDeclaration } from '../collectionsFile';
import type { Doc } from './bsonValues';
import { compareIndexValues, indexValueAt, typeClassOf, type IndexValue } from './indexOrder';

/** Up to this many changes in a commit are spliced in one by one; more are merged. */
const SPLICE_LIMIT = 64;

interface Entry {
  readonly values: IndexValue[];
  readonly key: string;
}

/** A bound on the field after an index's equality prefix; `value` fixes the type class too. */
export interface RangeBound {
  value: IndexValue;
  inclusive: boolean;
}
export interface IndexRange {
  lower?: RangeBound | undefined;
  upper?: RangeBound | undefined;
}

/**
 * A declared index kept as an array sorted by the index keys (then by document key), so a read
 * with equalities on a prefix of the keys, perhaps a range on the next one, and an order on the
 * following ones walks just its slice, and a count is a few binary searches. Inserting or removing
 * is a binary search and a splice. Once any document has a value it cannot order (an array, an
 * object), the index stops serving reads: MongoDB would index each array element, and a wrong
 * answer is worse than a scan.
 */
export class OrderedIndex {
  readonly fields: readonly string[];
  private entries: Entry[] = [];
  private unorderable = 0;

  constructor(readonly declaration: IndexDeclaration) {
    this.fields = declaration.keys.map((key) => key.field);
  }

  get usable(): boolean {
    return this.unorderable === 0;
  }

  /**
   * Applies one commit: a few changes are binary-searched and spliced in; a large batch (a seed,
   * a multi-update) is merged in one pass, since splicing each into a large array is quadratic.
   */
  update(removed: ReadonlyArray<[Doc, string]>, added: ReadonlyArray<[Doc, string]>): void {
    const gone: Entry[] = [];
    for (const [doc, key] of removed) {
      const values = this.valuesOf(doc);
      if (values) gone.push({ values, key });
      else this.unorderable -= 1;
    }
    const fresh: Entry[] = [];
    for (const [doc, key] of added) {
      const values = this.valuesOf(doc);
      if (values) fresh.push({ values, key });
      else this.unorderable += 1;
    }
    if (gone.length + fresh.length <= SPLICE_LIMIT) {
      for (const entry of gone) {
        const at = this.lowerBound((other) => this.compareEntries(other, entry) < 0);
        if (this.entries[at]?.key === entry.key) this.entries.splice(at, 1);
      }
      for (const entry of fresh) this.entries.splice(this.lowerBound((other) => this.compareEntries(other, entry) < 0), 0, entry);
      return;
    }
    const goneKeys = new Set(gone.map((entry) => entry.key));
    const kept = goneKeys.size > 0 ? this.entries.filter((entry) => !goneKeys.has(entry.key)) : this.entries;
    fresh.sort((a, b) => this.compareEntries(a, b));
    const merged: Entry[] = [];
    let i = 0;
    let j = 0;
    while (i < kept.length || j < fresh.length) {
      const takeKept = j >= fresh.length || (i < kept.length && this.compareEntries(kept[i] as Entry, fresh[j] as Entry) <= 0);
      merged.push((takeKept ? kept[i++] : fresh[j++]) as Entry);
    }
    this.entries = merged;
  }

  /** Document keys in index order (or reversed), for the prefix and the range on the next field. */
  *keys(prefix: IndexValue[], range: IndexRange, reverse: boolean): Generator<string> {
    const [start, end] = this.slice(prefix, range);
    if (reverse) for (let i = end - 1; i >= start; i -= 1) yield (this.entries[i] as Entry).key;
    else for (let i = start; i < end; i += 1) yield (this.entries[i] as Entry).key;
  }

  count(prefix: IndexValue[], range: IndexRange): number {
    const [start, end] = this.slice(prefix, range);
    return end - start;
  }

  private slice(prefix: IndexValue[], range: IndexRange): [number, number] {
    const depth = prefix.length;
    const comparePrefix = (entry: Entry): number => {
      for (let i = 0; i < depth; i += 1) {
        const order = compareIndexValues(entry.values[i] as IndexValue, prefix[i] as IndexValue);
        if (order !== 0) return order;
      }
      return 0;
    };
    // Within the prefix, a range stays inside its bound's type class, as MongoDB's comparisons do.
    const classOf = range.lower ?? range.upper;
    const rank = (entry: Entry): number => {
      const byPrefix = comparePrefix(entry);
      if (byPrefix !== 0 || !classOf) return byPrefix;
      const value = entry.values[depth] as IndexValue;
      const sameClass = typeClassOf(value) === typeClassOf(classOf.value);
      return sameClass ? 0 : compareIndexValues(value, classOf.value);
    };
    let start = this.lowerBound((entry) => rank(entry) < 0);
    let end = this.lowerBound((entry) => rank(entry) <= 0);
    const { lower, upper } = range;
    if (lower) {
      const below = (entry: Entry): boolean => {
        const order = compareIndexValues(entry.values[depth] as IndexValue, lower.value);
        return lower.inclusive ? order < 0 : order <= 0;
      };
      start = this.lowerBound((entry) => rank(entry) < 0 || (rank(entry) === 0 && below(entry)), start, end);
    }
    if (upper) {
      const within = (entry: Entry): boolean => {
        const order = compareIndexValues(entry.values[depth] as IndexValue, upper.value);
        return upper.inclusive ? order <= 0 : order < 0;
      };
      end = this.lowerBound((entry) => rank(entry) < 0 || (rank(entry) === 0 && within(entry)), start, end);
    }
    return [start, Math.max(start, end)];
  }

  /** The first position in [from, to) where `before` is false (entries are sorted so it is monotone). */
  private lowerBound(before: (entry: Entry) => boolean, from = 0, to = this.entries.length): number {
    let low = from;
    let high = to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(this.entries[middle] as Entry)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private valuesOf(doc: Doc): IndexValue[] | undefined {
    const values: IndexValue[] = [];
    for (const field of this.fields) {
      const value = indexValueAt(doc, field);
      if (value === undefined) return undefined;
      values.push(value);
    }
    return values;
  }

  /** Ascending in every key (directions only matter for which end a read starts from). */
  private compareEntries(a: Entry, b: Entry): number {
    for (let i = 0; i < a.values.length; i += 1) {
      const order = compareIndexValues(a.values[i] as IndexValue, b.values[i] as IndexValue);
      if (order !== 0) return order;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  }
}
